#include <doctest/doctest.h>

#include "core/utf8.hpp"

using annae::utf8::decode;
using annae::utf8::encode;

TEST_CASE("invalid UTF-8 becomes U+FFFD and the rest of the text is kept") {
  struct Case {
    const char* bytes;
    std::u32string expected;
  };
  const Case cases[] = {
      {"국토", U"국토"},                              // well-formed Hangul passes through
      {"\xEA\xB5", U"\uFFFD"},                        // truncated 3-byte sequence at the end: one U+FFFD
      {"a\xFF" "b", U"a\uFFFD" "b"},                  // a byte that never appears in UTF-8
      {"\xC0\xAF", U"\uFFFD\uFFFD"},                  // overlong '/' : each byte replaced
      {"\xED\xA0\x80", U"\uFFFD\uFFFD\uFFFD"},        // an encoded surrogate is ill-formed
      {"\xEA\xB5" "토", U"\uFFFD토"},                  // a cut-off syllable before a good one keeps the good one
      {"\xF4\x90\x80\x80", U"\uFFFD\uFFFD\uFFFD\uFFFD"},  // above U+10FFFF
      {"\xF0\x9F\x98\x80", U"\U0001F600"},            // 4-byte emoji
      {"\xEF\xBB\xBF" "a", U"\uFEFF" "a"},            // a BOM is a character at this level (content strips it)
  };
  for (const auto& c : cases) {
    CAPTURE(c.bytes);
    CHECK(decode(c.bytes) == c.expected);
  }
}

TEST_CASE("is_valid reports the offset of the first bad byte") {
  std::size_t at = 0;
  CHECK(annae::utf8::is_valid("윤의식 (044-201-3646)"));
  CHECK_FALSE(annae::utf8::is_valid("국토\xB1\xB9", &at));  // CP949 bytes after valid UTF-8
  CHECK(at == 6);
  CHECK(annae::utf8::is_valid("\xEF\xBF\xBD"));  // a literal U+FFFD is valid text
}

TEST_CASE("encode round-trips and replaces what cannot be encoded") {
  CHECK(encode(decode("스마트 지역발전 5대 전략 ①")) == "스마트 지역발전 5대 전략 ①");
  CHECK(encode(std::u32string(1, char32_t(0xD800))) == "\xEF\xBF\xBD");
  CHECK(annae::utf8::length("국토교통부") == 5);
}

TEST_CASE("escape_controls makes what a terminal would obey visible, and keeps the rest") {
  struct Case {
    std::string text;
    const char* shown;
  };
  const Case cases[] = {
      {"지역균형발전포럼 · “세종컨벤션센터” ※ ①", "지역균형발전포럼 · “세종컨벤션센터” ※ ①"},  // Korean and its punctuation untouched
      {"photos\\forum.jpg", "photos\\forum.jpg"},                      // a Windows path keeps its backslash
      {"\xEF\xBF\xBD \U0001F600", "\xEF\xBF\xBD \U0001F600"},          // a literal U+FFFD and an emoji are text
      {"\x1B[31mtitle", "\\x1B[31mtitle"},                             // ESC: would turn the terminal red
      {"\xC2\x9B" "31mtitle", "\\u009B31mtitle"},                      // C1 CSI, the one-character ESC [
      {"세종\xC2\x85" "센터", "세종\\u0085센터"},                        // C1 NEL: a line break to some terminals
      {"a\tb\nc\rd", "a\\tb\\nc\\rd"},                                 // tab and line ends: still one line
      {std::string("a\0b", 3), "a\\x00b"},                             // NUL would cut the line short
      {"del\x7F", "del\\x7F"},                                         // DEL
      {"\xE2\x80\xAEgnp.ogol", "\\u202Egnp.ogol"},                     // U+202E RLO would show "logo.png"
      {"\xE2\x81\xA6" "a\xE2\x81\xA9", "\\u2066a\\u2069"},             // isolates
      {"\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", "\\u200E\\u200F\\u061C"},   // LRM, RLM, ARABIC LETTER MARK
      {"a\xE2\x80\xA8" "b", "a\\u2028b"},                              // LINE SEPARATOR
      {"\xB1\xB9\xC5\xE4", "\\xB1\\xB9\\xC5\\xE4"},                    // CP949 bytes (invalid UTF-8): each byte shown
      {"국토\xED\xA0\x80", "국토\\xED\\xA0\\x80"},                      // an encoded surrogate: its three bytes
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(annae::utf8::escape_controls(c.text) == c.shown);
  }
}
