// Text file decoding: what Notepad, macOS and phones save.
#include <doctest/doctest.h>

#include "content/encoding.hpp"

using annae::Diagnostics;
using annae::content::decode_text_file;

namespace {

// The advice that ends every encoding message.
#define SAVE_AS_UTF8 "save it as UTF-8 (Notepad: 파일 → 다른 이름으로 저장 → 인코딩: UTF-8)"

// `units` written as a UTF-16 (unit_bytes 2) or UTF-32 (4) file would hold
// them, one code unit per char32_t, so damaged files can be written too.
std::string wide_bytes(std::u32string_view units, std::size_t unit_bytes, bool big_endian) {
  std::string out;
  for (char32_t u : units)
    for (std::size_t k = 0; k < unit_bytes; ++k) {
      const std::size_t shift = 8 * (big_endian ? unit_bytes - 1 - k : k);
      out.push_back(static_cast<char>((u >> shift) & 0xFF));
    }
  return out;
}
std::string utf16le(std::u32string_view u) { return wide_bytes(u, 2, false); }
std::string utf16be(std::u32string_view u) { return wide_bytes(u, 2, true); }
std::string utf32le(std::u32string_view u) { return wide_bytes(u, 4, false); }
std::string utf32be(std::u32string_view u) { return wide_bytes(u, 4, true); }

struct Case {
  std::string bytes;
  const char* text;         // nullptr: refused
  const char* diagnostics;  // formatted, one per line
};

void check_cases(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    CAPTURE(c->bytes);
    Diagnostics d;
    const auto text = decode_text_file(c->bytes, "x.toml", d);
    std::string formatted;
    for (const auto& item : d.items()) formatted += format(item) + "\n";
    CHECK(formatted == c->diagnostics);
    REQUIRE(text.has_value() == (c->text != nullptr));
    if (text) CHECK(*text == c->text);
  }
}

}  // namespace

TEST_CASE("text files are decoded to UTF-8 with LF line ends") {
  struct Case {
    std::string bytes;
    const char* text;         // nullptr: refused
    const char* diagnostics;  // formatted, one per line
  };
  const Case cases[] = {
      {"kind = \"cover\"\n", "kind = \"cover\"\n", ""},                                      // plain UTF-8
      {"\xEF\xBB\xBFtitle = \"국토\"", "title = \"국토\"", ""},                                // BOM removed
      {"a = 1\r\nb = 2\r\n", "a = 1\nb = 2\n", ""},                                          // CRLF → LF
      {"a = 1\rb = 2\r", "a = 1\nb = 2\n", ""},                                              // old Mac CR → LF
      {"\xB1\xB9\xC5\xE4 = 1\n", "국토 = 1\n",                                               // CP949 → UTF-8 with a warning
       "x.toml: warning: this file is saved in the Korean Windows encoding (CP949/EUC-KR), not UTF-8; it was "
       "converted, but please save it as UTF-8 (Notepad: 파일 → 다른 이름으로 저장 → 인코딩: UTF-8)\n"},
      {std::string("\xFF\xFE" "a\0=\0" "1\0", 8), "a=1",                                     // UTF-16 LE with BOM
       "x.toml: warning: this file is saved as UTF-16 (유니코드); it was read anyway, but please save it as UTF-8 "
       "(Notepad: 파일 → 다른 이름으로 저장 → 인코딩: UTF-8)\n"},
      {"title = \"국토교통부\xFF\"\n", nullptr,                                               // damaged UTF-8: not CP949 either
       "x.toml:1:15: error: this file is not UTF-8 text (nor Korean CP949): byte 24 (0xFF) cannot be read. If it is "
       "a text file, save it as UTF-8 (Notepad: 파일 → 다른 이름으로 저장 → 인코딩: UTF-8)\n"},
      {"\xEF\xBB\xBF" "a\n\xFF", nullptr,                                                     // offset counts the BOM
       "x.toml:2:1: error: this file is not UTF-8 text (nor Korean CP949): byte 5 (0xFF) cannot be read. If it is "
       "a text file, save it as UTF-8 (Notepad: 파일 → 다른 이름으로 저장 → 인코딩: UTF-8)\n"},
      {std::string("a = 1\n\0", 7), nullptr,                                                  // a zero byte
       "x.toml:2:1: error: this is not a text file: byte 6 (0x00) is a control code that text never contains\n"},
      {"\x89PNG\r\n\x1A\n....", nullptr,                                                      // an image saved as .toml
       "x.toml: error: this is not a text file: it is a PNG image. A slide file must be plain text written in "
       "Notepad or a similar editor\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.bytes);
    Diagnostics d;
    const auto text = decode_text_file(c.bytes, "x.toml", d);
    REQUIRE(text.has_value() == (c.text != nullptr));
    if (text) CHECK(*text == c.text);
    std::string formatted;
    for (const auto& item : d.items()) formatted += format(item) + "\n";
    CHECK(formatted == c.diagnostics);
  }
}

TEST_CASE("UTF-16 and UTF-32 are read with a warning naming them, with or without a BOM") {
  const std::u32string cover = U"title = \"지역균형발전포럼\"\r\nvenue = \"세종컨벤션센터\"\r\n";
  const char* converted = "title = \"지역균형발전포럼\"\nvenue = \"세종컨벤션센터\"\n";
  const Case cases[] = {
      {utf16le(U"\uFEFF" + cover), converted,  // Notepad's 유니코드: as before
       "x.toml: warning: this file is saved as UTF-16 (유니코드); it was read anyway, but please " SAVE_AS_UTF8 "\n"},
      {utf16be(U"\uFEFF" + cover), converted,  // Notepad's 유니코드 big endian: the same words
       "x.toml: warning: this file is saved as UTF-16 (유니코드); it was read anyway, but please " SAVE_AS_UTF8 "\n"},
      {utf16le(cover), converted,              // no BOM: known by the zero byte after each ASCII character
       "x.toml: warning: this file is saved as UTF-16 LE without a BOM; it was read anyway, but please " SAVE_AS_UTF8
       "\n"},
      {utf16be(cover), converted,              // no BOM, big-endian: the zero byte before
       "x.toml: warning: this file is saved as UTF-16 BE without a BOM; it was read anyway, but please " SAVE_AS_UTF8
       "\n"},
      {utf32le(U"\uFEFF" + cover), converted,  // FF FE 00 00 is UTF-32, not UTF-16 followed by U+0000
       "x.toml: warning: this file is saved as UTF-32 LE; it was read anyway, but please " SAVE_AS_UTF8 "\n"},
      {utf32be(U"\uFEFF" + cover), converted,  // 00 00 FE FF
       "x.toml: warning: this file is saved as UTF-32 BE; it was read anyway, but please " SAVE_AS_UTF8 "\n"},
      {utf32le(cover), converted,              // no BOM: three zero bytes after each ASCII character
       "x.toml: warning: this file is saved as UTF-32 LE without a BOM; it was read anyway, but please " SAVE_AS_UTF8
       "\n"},
      {utf32be(cover), converted,              // no BOM, big-endian
       "x.toml: warning: this file is saved as UTF-32 BE without a BOM; it was read anyway, but please " SAVE_AS_UTF8
       "\n"},
      {utf16le(U"\uFEFFtitle = \"\xD83D\xDE00 국토\""), "title = \"\U0001F600 국토\"",  // a surrogate pair is one character
       "x.toml: warning: this file is saved as UTF-16 (유니코드); it was read anyway, but please " SAVE_AS_UTF8 "\n"},
  };
  check_cases(std::begin(cases), std::end(cases));
}

TEST_CASE("damaged UTF-16 and UTF-32 are refused at the line:column of the bad character") {
  const Case cases[] = {
      {utf16le(U"\uFEFFkind = \"cover\"\r\ntitle = \"국토\xD800교통부\"\r\n"), nullptr,  // lone high surrogate, line 2
       "x.toml:2:12: error: this file says it is UTF-16 (유니코드) but is damaged: byte 56 (0xD800) is half of a "
       "character pair (a lone surrogate); " SAVE_AS_UTF8 "\n"},
      {utf16be(U"kind = \"cover\"\ntitle = \"\xDC00\"\n"), nullptr,  // lone low surrogate, no BOM
       "x.toml:2:10: error: this file seems to be UTF-16 BE without a BOM but is damaged: byte 48 (0xDC00) is half "
       "of a character pair (a lone surrogate); " SAVE_AS_UTF8 "\n"},
      {utf16le(U"\uFEFFa = 1\n") + "\x62", nullptr,  // an odd number of bytes: the last character is cut off
       "x.toml:2:1: error: this file says it is UTF-16 (유니코드) but is damaged: it ends in the middle of a "
       "character (byte 14); " SAVE_AS_UTF8 "\n"},
      {utf32le(U"\uFEFFkind = \"cover\"\ntitle = \"세종\x110000\"\n"), nullptr,  // beyond U+10FFFF
       "x.toml:2:12: error: this file says it is UTF-32 LE but is damaged: byte 108 (0x00110000) is beyond the last "
       "Unicode character, U+10FFFF; " SAVE_AS_UTF8 "\n"},
      {utf32be(U"a = \"\xD800\"\n"), nullptr,  // UTF-32 never holds a surrogate
       "x.toml:1:6: error: this file seems to be UTF-32 BE without a BOM but is damaged: byte 20 (0x0000D800) is half "
       "of a character pair (a lone surrogate); " SAVE_AS_UTF8 "\n"},
      {utf16le(U"\uFEFFa = 1\n\x1B[31m"), nullptr,  // a control code is still not text
       "x.toml:2:1: error: this is not a text file: byte 14 (U+001B) is a control code that text never contains\n"},
  };
  check_cases(std::begin(cases), std::end(cases));
}

TEST_CASE("bytes that are CP949 only by accident are refused, not shown garbled") {
  const Case cases[] = {
      {"title = \"\x82\xE6\x82\xA4\x82\xB1\x82\xBB\x89\xEF\x8F\xEA\x82\xD6\"\n", nullptr,  // ようこそ会場へ in Shift-JIS
       "x.toml: error: this file is not UTF-8 and does not look like Korean CP949 either (read as CP949 it would "
       "show 귝궎궞궩됵뤾귉): it seems to be Japanese Shift-JIS; " SAVE_AS_UTF8 "\n"},
      {"title = \"\x83t\x83H\x81[\x83\x89\x83\x80\"\n", nullptr,  // フォーラム in Shift-JIS: not even CP949
       "x.toml: error: this file is not UTF-8 and does not look like Korean CP949 either: it seems to be Japanese "
       "Shift-JIS; " SAVE_AS_UTF8 "\n"},
      {"venue = \"\x89\xEF\x8B" "c\x8E\xBA\"\n", nullptr,  // 会議室 in Shift-JIS: kanji only, so not named
       "x.toml: error: this file is not UTF-8 and does not look like Korean CP949 either (read as CP949 it would "
       "show 됵땉렭): it seems to be in another encoding, such as Japanese Shift-JIS or Chinese GBK; " SAVE_AS_UTF8
       "\n"},
      // 국토교통부(國土交通部) in CP949: as much Hanja as Hangul still passes
      {"host = \"\xB1\xB9\xC5\xE4\xB1\xB3\xC5\xEB\xBA\xCE(\xCF\xD0\xF7\xCF\xCE\xDF\xF7\xD7\xDD\xBB)\"\n",
       "host = \"국토교통부(國土交通部)\"\n",
       "x.toml: warning: this file is saved in the Korean Windows encoding (CP949/EUC-KR), not UTF-8; it was "
       "converted, but please " SAVE_AS_UTF8 "\n"},
      {"venue = \"\xBC\xBC\xC1\xBE\xC4\xC1\xBA\xA5\xBC\xC7\xBC\xBE\xC5\xCD\"\n",  // 세종컨벤션센터 in CP949
       "venue = \"세종컨벤션센터\"\n",
       "x.toml: warning: this file is saved in the Korean Windows encoding (CP949/EUC-KR), not UTF-8; it was "
       "converted, but please " SAVE_AS_UTF8 "\n"},
  };
  check_cases(std::begin(cases), std::end(cases));
}

TEST_CASE("a bad byte in a CP949 file is reported where it is, not at the first Korean syllable") {
  const Case cases[] = {
      // Notepad's CP949 with CRLF: 지역균형발전포럼, 국토교통, then 세종컨벤션센터 and a 0xFF on line 4
      {"kind = \"cover\"\r\ntitle = \"\xC1\xF6\xBF\xAA\xB1\xD5\xC7\xFC\xB9\xDF\xC0\xFC\xC6\xF7\xB7\xB3\"\r\n"
       "subtitle = \"\xB1\xB9\xC5\xE4\xB1\xB3\xC5\xEB\"\r\n"
       "venue = \"\xBC\xBC\xC1\xBE\xC4\xC1\xBA\xA5\xBC\xC7\xBC\xBE\xC5\xCD\xFF\"\r\n",
       nullptr,
       "x.toml:4:17: error: this file is in the Korean Windows encoding (CP949/EUC-KR), but byte 90 (0xFF) is not a "
       "character in it; check the text there and " SAVE_AS_UTF8 "\n"},
      {"title = \"\xB1\xB9\xC5\xE4\xB1\"\n", nullptr,  // 국토 and a lead byte cut off by the quote: at that byte
       "x.toml:1:12: error: this file is in the Korean Windows encoding (CP949/EUC-KR), but byte 13 (0xB1) is not a "
       "character in it; check the text there and " SAVE_AS_UTF8 "\n"},
      {"\xEF\xBB\xBF" "a\n\xFF", nullptr,  // no Korean before the bad byte: the UTF-8 message, as before
       "x.toml:2:1: error: this file is not UTF-8 text (nor Korean CP949): byte 5 (0xFF) cannot be read. If it is "
       "a text file, " SAVE_AS_UTF8 "\n"},
  };
  check_cases(std::begin(cases), std::end(cases));
}
