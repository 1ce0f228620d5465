#include "core/utf8.hpp"

#include <cstdio>

namespace annae::utf8 {
namespace {

// Decodes one sequence at `i`. Returns the code point (U+FFFD when ill-formed)
// and advances `i` past the maximal subpart that was consumed.
char32_t next(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int need = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte (Table 3-7)
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    ++i;
    return replacement_char;
  }
  std::size_t k = i + 1;
  for (int n = 0; n < need; ++n, ++k) {
    if (k >= s.size()) {
      i = k;
      return replacement_char;
    }
    const unsigned char b = byte(k);
    const unsigned char min = n == 0 ? lo : 0x80;
    const unsigned char max = n == 0 ? hi : 0xBF;
    if (b < min || b > max) {
      i = k;  // the bad byte starts the next sequence
      return replacement_char;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i = k;
  return cp;
}

// Appends `prefix` ("\x" or "\u") and `digits` upper-case hex digits of `value`.
void append_escape(std::string& out, const char* prefix, unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*X", prefix, digits, value);
  out += buf;
}

}  // namespace

std::u32string decode(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) out.push_back(next(bytes, i));
  return out;
}

bool is_valid(std::string_view bytes, std::size_t* bad_offset) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t start = i;
    const char32_t c = next(bytes, i);
    // A literal U+FFFD in the input is 3 bytes; a substitution is shorter or marks bad bytes.
    if (c == replacement_char && !(i - start == 3 && bytes.substr(start, 3) == "\xEF\xBF\xBD")) {
      if (bad_offset) *bad_offset = start;
      return false;
    }
  }
  return true;
}

void append(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = replacement_char;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) append(out, c);
  return out;
}

std::size_t length(std::string_view bytes) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < bytes.size(); ++n) next(bytes, i);
  return n;
}

bool is_unsafe_to_print(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
  switch (c) {
    case 0x061C:  // ARABIC LETTER MARK
    case 0x200E:  // LEFT-TO-RIGHT MARK
    case 0x200F:  // RIGHT-TO-LEFT MARK
    case 0x2028:  // LINE SEPARATOR
    case 0x2029:  // PARAGRAPH SEPARATOR
      return true;
    default:
      return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);  // embeddings, overrides, isolates
  }
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next(text, i);
    const std::string_view bytes = text.substr(start, i - start);
    if (c == replacement_char && bytes != "\xEF\xBF\xBD") {
      for (unsigned char b : bytes) append_escape(out, "\\x", b, 2);
    } else if (!is_unsafe_to_print(c)) {
      out += bytes;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x80) {
      append_escape(out, "\\x", static_cast<unsigned>(c), 2);
    } else {
      append_escape(out, "\\u", static_cast<unsigned>(c), 4);
    }
  }
  return out;
}

}  // namespace annae::utf8
