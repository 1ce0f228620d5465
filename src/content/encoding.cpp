#include "content/encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdio>

#include "core/utf8.hpp"

namespace annae::content {
namespace {

constexpr std::string_view save_as_utf8_advice =
    "save it as UTF-8 (Notepad: 파일 → 다른 이름으로 저장 → 인코딩: UTF-8)";

std::optional<std::string> convert(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(bytes.size() * 2 + 16);  // CP949 2 bytes → UTF-8 3 bytes; UTF-16 2 → at most 3
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  bool ok = true;
  while (in_left > 0) {
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
        out.resize(out.size() * 2);
        out_ptr = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      ok = false;  // EILSEQ or EINVAL (cut-off sequence at the end)
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(out_ptr - out.data()));
  return out;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// Line (1-based) and column in characters of byte `offset`, counting CR, LF and CRLF as one break.
std::pair<int, int> position_of(std::string_view bytes, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  const int column = 1 + static_cast<int>(utf8::length(bytes.substr(line_start, offset - line_start)));
  return {line, column};
}

// Names a file format from its first bytes, when it is one people save by mistake.
std::string_view known_binary_format(std::string_view b) {
  if (b.starts_with("\x89PNG")) return "a PNG image";
  if (b.starts_with("\xFF\xD8\xFF")) return "a JPEG image";
  if (b.starts_with("%PDF")) return "a PDF document";
  if (b.starts_with(std::string_view("PK\x03\x04", 4))) return "a zipped document (Word .docx, 한글 .hwpx or .zip)";
  if (b.starts_with("\xD0\xCF\x11\xE0")) return "an office document (한글 .hwp, Word .doc or Excel .xls)";
  return {};
}

// Text that is valid UTF-8 in places but broken in a few is damaged UTF-8, not
// CP949: Korean in CP949 almost never forms valid 3-byte UTF-8 sequences.
bool looks_like_damaged_utf8(std::string_view bytes) {
  std::size_t good_multibyte = 0, bad = 0;
  const std::u32string decoded = utf8::decode(bytes);
  for (char32_t c : decoded) {
    if (c == utf8::replacement_char) ++bad;
    else if (c >= 0x800) ++good_multibyte;
  }
  return good_multibyte > bad;
}

std::string unify_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> cp949_to_utf8(std::string_view bytes) { return convert(bytes, "CP949"); }

std::optional<std::string> decode_text_file(std::string_view bytes, const std::string& display_path,
                                            Diagnostics& out) {
  std::string from_utf16;
  std::size_t offset_base = 0;  // bytes removed in front, so offsets name the original file
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    auto text = convert(bytes, "UTF-16");  // iconv reads and drops the BOM
    if (!text) {
      out.error(display_path, 0, 0,
                "this file says it is UTF-16 (유니코드) but is damaged; " + std::string(save_as_utf8_advice));
      return std::nullopt;
    }
    out.warning(display_path, 0, 0,
                "this file is saved as UTF-16 (유니코드); it was read anyway, but please " +
                    std::string(save_as_utf8_advice));
    from_utf16 = std::move(*text);
    bytes = from_utf16;
  } else if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    offset_base = 3;
  }

  if (auto format = known_binary_format(bytes); !format.empty()) {
    out.error(display_path, 0, 0,
              "this is not a text file: it is " + std::string(format) +
                  ". A slide file must be plain text written in Notepad or a similar editor");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
      const auto [line, column] = position_of(bytes, i);
      out.error(display_path, line, column,
                "this is not a text file: byte " + std::to_string(i + offset_base) + " (" + hex_byte(b) +
                    ") is a control code that text never contains");
      return std::nullopt;
    }
  }

  std::size_t bad_offset = 0;
  if (utf8::is_valid(bytes, &bad_offset)) return unify_line_ends(bytes);

  if (!looks_like_damaged_utf8(bytes)) {
    if (auto converted = cp949_to_utf8(bytes)) {
      out.warning(display_path, 0, 0,
                  "this file is saved in the Korean Windows encoding (CP949/EUC-KR), not UTF-8; it was converted, "
                  "but please " + std::string(save_as_utf8_advice));
      return unify_line_ends(*converted);
    }
  }
  const auto [line, column] = position_of(bytes, bad_offset);
  out.error(display_path, line, column,
            "this file is not UTF-8 text (nor Korean CP949): byte " + std::to_string(bad_offset + offset_base) + " (" +
                hex_byte(static_cast<unsigned char>(bytes[bad_offset])) + ") cannot be read. If it is a text file, " +
                std::string(save_as_utf8_advice));
  return std::nullopt;
}

}  // namespace annae::content
