// Text file decoding: what Notepad, macOS and phones save.
#include <doctest/doctest.h>

#include "content/encoding.hpp"

using annae::Diagnostics;
using annae::content::decode_text_file;

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
