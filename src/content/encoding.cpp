#include "content/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "core/utf8.hpp"

namespace annae::content {
namespace {

constexpr std::string_view save_as_utf8_advice =
    "save it as UTF-8 (Notepad: 파일 → 다른 이름으로 저장 → 인코딩: UTF-8)";

// What iconv made of `bytes`: all of it, or the part before `stopped_at_byte`,
// the start of the first sequence that is not in the encoding (or is cut off
// at the end).
struct Converted {
  std::string text;
  std::size_t stopped_at_byte = std::string_view::npos;  // npos: everything was converted
  bool complete() const { return stopped_at_byte == std::string_view::npos; }
};

Converted convert(std::string_view bytes, const char* from) {
  Converted result;
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    result.stopped_at_byte = 0;
    return result;
  }
  std::string& out = result.text;
  out.resize(bytes.size() * 2 + 16);  // CP949 2 bytes → UTF-8 3 bytes
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
        out.resize(out.size() * 2);
        out_ptr = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      // EILSEQ or EINVAL (cut-off sequence at the end): in_ptr is at its first byte
      result.stopped_at_byte = static_cast<std::size_t>(in_ptr - bytes.data());
      break;
    }
  }
  iconv_close(cd);
  out.resize(static_cast<std::size_t>(out_ptr - out.data()));
  return result;
}

std::string hex(unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%0*X", digits, value);
  return buf;
}

std::string hex_byte(unsigned char b) { return hex(b, 2); }

// "U+001B"
std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
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

// Line and column of the character that would follow `decoded` (UTF-8 text
// converted so far), so a problem in a converted file is shown where the
// editor shows it.
std::pair<int, int> position_after(std::string_view decoded) { return position_of(decoded, decoded.size()); }

bool is_control_code(char32_t c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

// Names a file format from its first bytes, when it is one people save by mistake.
std::string_view known_binary_format(std::string_view b) {
  if (b.starts_with("\x89PNG")) return "a PNG image";
  if (b.starts_with("\xFF\xD8\xFF")) return "a JPEG image";
  if (b.starts_with("%PDF")) return "a PDF document";
  if (b.starts_with(std::string_view("PK\x03\x04", 4))) return "a zipped document (Word .docx, 한글 .hwpx or .zip)";
  if (b.starts_with("\xD0\xCF\x11\xE0")) return "an office document (한글 .hwp, Word .doc or Excel .xls)";
  return {};
}

// ---- UTF-16 and UTF-32 ---------------------------------------------------

// A Unicode encoding with 2- or 4-byte code units: Notepad's "유니코드" is
// UTF-16 LE with a BOM; export tools and scripts write the others.
struct WideEncoding {
  std::size_t unit_bytes;  // 2 or 4
  bool big_endian;
  std::size_t bom_bytes;   // 0 when the file has no byte-order mark

  char32_t unit_at(std::string_view b, std::size_t at) const {
    char32_t v = 0;
    for (std::size_t k = 0; k < unit_bytes; ++k) {
      const auto byte = static_cast<unsigned char>(b[at + (big_endian ? k : unit_bytes - 1 - k)]);
      v = (v << 8) | byte;
    }
    return v;
  }
};

// What staff are told the file is; "UTF-16 (유니코드)" is Notepad's own
// name for UTF-16 with a BOM, in either byte order.
std::string name_of(const WideEncoding& e) {
  if (e.unit_bytes == 2 && e.bom_bytes > 0) return "UTF-16 (유니코드)";
  std::string name = e.unit_bytes == 2 ? "UTF-16" : "UTF-32";
  name += e.big_endian ? " BE" : " LE";
  if (e.bom_bytes == 0) name += " without a BOM";
  return name;
}

// True when at least a quarter of the code units, read as `e`, are ASCII
// characters. A slide file is mostly ASCII (keys, '=', quotes, spaces, line
// ends), and in UTF-16 or UTF-32 each of those carries zero bytes at fixed
// places, which UTF-8 text and CP949 text never contain.
bool mostly_ascii_as(std::string_view b, const WideEncoding& e) {
  if (b.empty() || b.size() % e.unit_bytes != 0) return false;
  const std::size_t units = b.size() / e.unit_bytes;
  std::size_t ascii = 0;
  for (std::size_t at = 0; at < b.size(); at += e.unit_bytes) {
    const char32_t c = e.unit_at(b, at);
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r') ++ascii;
  }
  return ascii * 4 >= units;
}

// The file's encoding when it is UTF-16 or UTF-32: by its BOM (UTF-32 LE's
// FF FE 00 00 before UTF-16 LE's FF FE), else by the zero bytes of its
// ASCII characters (UTF-32 first: its ASCII looks like UTF-16 ASCII + NUL).
std::optional<WideEncoding> wide_encoding_of(std::string_view b) {
  if (b.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return WideEncoding{4, false, 4};
  if (b.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return WideEncoding{4, true, 4};
  if (b.starts_with("\xFF\xFE")) return WideEncoding{2, false, 2};
  if (b.starts_with("\xFE\xFF")) return WideEncoding{2, true, 2};
  for (const WideEncoding e : {WideEncoding{4, false, 0}, WideEncoding{4, true, 0}, WideEncoding{2, false, 0},
                               WideEncoding{2, true, 0}})
    if (mostly_ascii_as(b, e)) return e;
  return std::nullopt;
}

// Converts a UTF-16 or UTF-32 file to UTF-8, or says where it is damaged:
// at the line:column of the bad character and its byte offset in the file.
std::optional<std::string> decode_wide(std::string_view bytes, const WideEncoding& e, const std::string& display_path,
                                       Diagnostics& out) {
  std::string text;
  text.reserve(bytes.size());
  const auto refuse = [&](const std::string& what) {
    const auto [line, column] = position_after(text);
    out.error(display_path, line, column,
              "this file " + std::string(e.bom_bytes > 0 ? "says it is " : "seems to be ") + name_of(e) +
                  " but is damaged: " + what + "; " + std::string(save_as_utf8_advice));
    return std::nullopt;
  };
  const int unit_digits = static_cast<int>(e.unit_bytes) * 2;
  for (std::size_t at = e.bom_bytes; at < bytes.size();) {
    const std::size_t char_at = at;
    if (bytes.size() - at < e.unit_bytes)
      return refuse("it ends in the middle of a character (byte " + std::to_string(at) + ")");
    char32_t c = e.unit_at(bytes, at);
    at += e.unit_bytes;
    const auto half_pair = [&](char32_t unit) {
      return "byte " + std::to_string(char_at) + " (" + hex(unit, unit_digits) +
             ") is half of a character pair (a lone surrogate)";
    };
    if (c >= 0xD800 && c <= 0xDBFF && e.unit_bytes == 2) {
      const char32_t low = bytes.size() - at >= 2 ? e.unit_at(bytes, at) : 0;
      if (low < 0xDC00 || low > 0xDFFF) return refuse(half_pair(c));
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      at += 2;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      return refuse(half_pair(c));
    } else if (c > 0x10FFFF) {
      return refuse("byte " + std::to_string(char_at) + " (" + hex(c, unit_digits) +
                    ") is beyond the last Unicode character, U+10FFFF");
    }
    if (is_control_code(c)) {
      const auto [line, column] = position_after(text);
      out.error(display_path, line, column,
                "this is not a text file: byte " + std::to_string(char_at) + " (" + code_point_name(c) +
                    ") is a control code that text never contains");
      return std::nullopt;
    }
    utf8::append(text, c);
  }
  out.warning(display_path, 0, 0,
              "this file is saved as " + name_of(e) + "; it was read anyway, but please " +
                  std::string(save_as_utf8_advice));
  return text;
}

// ---- CP949 or something else -------------------------------------------

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

// The two-byte characters of CP949 bytes, sorted by where they sit in the
// code table. Korean text is nearly all the 2,350 everyday Hangul syllables
// of KS X 1001 (all 2,779 syllables of the seed documents are, and they hold
// no Hanja); other bytes that happen
// to be valid CP949 (Japanese Shift-JIS, above all) land on the 8,822 rare
// syllables the Windows extension added (궋, 긓, 겲) and on Hanja.
struct Cp949Census {
  std::size_t common_hangul = 0;  // KS X 1001 Hangul: lead 0xB0–0xC8, trail 0xA1–0xFE
  std::size_t unusual = 0;        // extension Hangul, Hanja, user-defined; symbols, jamo and kana count as neither
};

Cp949Census census_of_cp949(std::string_view bytes) {
  Cp949Census census;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80 || i + 1 >= bytes.size()) {
      ++i;
      continue;
    }
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    i += 2;
    const bool ks_x_1001 = lead >= 0xA1 && trail >= 0xA1;
    if (ks_x_1001 && lead >= 0xB0 && lead <= 0xC8) ++census.common_hangul;
    else if (!(ks_x_1001 && lead <= 0xAC)) ++census.unusual;
  }
  return census;
}

// Korean when the rare characters are no more than the everyday syllables;
// a few Hanja or a rare syllable in a name (똠) still pass.
bool plausible_korean(const Cp949Census& c) { return c.unusual <= c.common_hangul; }

// The first few non-ASCII characters of `text`, to show staff the garbled
// text they would see on the screen.
std::string sample_of(std::string_view text) {
  constexpr std::size_t max_chars = 8;
  const auto is_non_ascii = [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; };
  const auto first = std::find_if(text.begin(), text.end(), is_non_ascii);
  std::u32string run;
  for (char32_t c : utf8::decode(text.substr(static_cast<std::size_t>(first - text.begin())))) {
    if (c < 0x80) break;
    if (run.size() == max_chars) return utf8::encode(run) + "…";
    run.push_back(c);
  }
  return utf8::encode(run);
}

// Japanese saved by Windows ("ANSI" on a Japanese PC): valid CP932 with kana in it.
bool looks_like_shift_jis(std::string_view bytes) {
  const Converted japanese = convert(bytes, "CP932");
  if (!japanese.complete()) return false;
  for (char32_t c : utf8::decode(japanese.text))
    if (c >= 0x3041 && c <= 0x30FF) return true;  // hiragana and katakana
  return false;
}

std::string other_encoding_message(std::string_view cp949_sample, bool shift_jis) {
  std::string message = "this file is not UTF-8 and does not look like Korean CP949 either";
  if (!cp949_sample.empty()) message += " (read as CP949 it would show " + std::string(cp949_sample) + ")";
  message += shift_jis ? ": it seems to be Japanese Shift-JIS; "
                       : ": it seems to be in another encoding, such as Japanese Shift-JIS or Chinese GBK; ";
  return message + std::string(save_as_utf8_advice);
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

// Tells the first control code in bytes (one text never contains) as an
// error and returns true; false when there is none.
bool reject_control_code(std::string_view bytes, std::size_t offset_base, const std::string& display_path,
                         Diagnostics& out) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (is_control_code(b)) {
      const auto [line, column] = position_of(bytes, i);
      out.error(display_path, line, column,
                "this is not a text file: byte " + std::to_string(i + offset_base) + " (" + hex_byte(b) +
                    ") is a control code that text never contains");
      return true;
    }
  }
  return false;
}

// Bytes that are not UTF-8 (and not damaged UTF-8), tried as Korean CP949.
// Returns true when that decides: `text` is set to the converted text (with a
// warning told), or left empty after an error (CP949 with one bad character,
// another encoding, Shift JIS). Returns false when nothing was recognised.
bool decode_legacy(std::string_view bytes, std::size_t offset_base, const std::string& display_path, Diagnostics& out,
                   std::optional<std::string>& text) {
  const Converted cp949 = convert(bytes, "CP949");
  const Cp949Census census = census_of_cp949(bytes.substr(0, cp949.stopped_at_byte));  // npos: all of it
  if (cp949.complete() && plausible_korean(census)) {
    out.warning(display_path, 0, 0,
                "this file is saved in the Korean Windows encoding (CP949/EUC-KR), not UTF-8; it was converted, "
                "but please " + std::string(save_as_utf8_advice));
    text = unify_line_ends(cp949.text);
    return true;
  }
  if (cp949.complete()) {
    out.error(display_path, 0, 0, other_encoding_message(sample_of(cp949.text), looks_like_shift_jis(bytes)));
    return true;
  }
  if (census.common_hangul > 0 && plausible_korean(census)) {
    // Korean CP949 up to one bad character: point at it, not at the first Korean syllable.
    const std::size_t at = cp949.stopped_at_byte;
    const auto [line, column] = position_after(cp949.text);
    out.error(display_path, line, column,
              "this file is in the Korean Windows encoding (CP949/EUC-KR), but byte " +
                  std::to_string(at + offset_base) + " (" + hex_byte(static_cast<unsigned char>(bytes[at])) +
                  ") is not a character in it; check the text there and " + std::string(save_as_utf8_advice));
    return true;
  }
  if (looks_like_shift_jis(bytes)) {
    out.error(display_path, 0, 0, other_encoding_message({}, true));
    return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> cp949_to_utf8(std::string_view bytes) {
  Converted converted = convert(bytes, "CP949");
  if (!converted.complete()) return std::nullopt;
  return std::move(converted.text);
}

std::optional<std::string> decode_text_file(std::string_view bytes, const std::string& display_path,
                                            Diagnostics& out) {
  std::size_t offset_base = 0;  // bytes removed in front, so offsets name the original file
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    offset_base = 3;
  }

  if (auto format = known_binary_format(bytes); !format.empty()) {
    out.error(display_path, 0, 0,
              "this is not a text file: it is " + std::string(format) +
                  ". A slide file must be plain text written in Notepad or a similar editor");
    return std::nullopt;
  }
  if (offset_base == 0) {
    if (const auto wide = wide_encoding_of(bytes)) {
      auto text = decode_wide(bytes, *wide, display_path, out);
      if (!text) return std::nullopt;
      return unify_line_ends(*text);
    }
  }
  if (reject_control_code(bytes, offset_base, display_path, out)) return std::nullopt;

  std::size_t bad_offset = 0;
  if (utf8::is_valid(bytes, &bad_offset)) return unify_line_ends(bytes);

  if (!looks_like_damaged_utf8(bytes)) {
    std::optional<std::string> text;
    if (decode_legacy(bytes, offset_base, display_path, out, text)) return text;
  }
  const auto [line, column] = position_of(bytes, bad_offset);
  out.error(display_path, line, column,
            "this file is not UTF-8 text (nor Korean CP949): byte " + std::to_string(bad_offset + offset_base) + " (" +
                hex_byte(static_cast<unsigned char>(bytes[bad_offset])) + ") cannot be read. If it is a text file, " +
                std::string(save_as_utf8_advice));
  return std::nullopt;
}

}  // namespace annae::content
