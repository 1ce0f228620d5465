// Text as it arrives from real files: NFD from macOS, compatibility
// ideographs, broken bytes, characters the main font lacks.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/utf8.hpp"
#include "text/unicode/normalize.hpp"
#include "text_fixture.hpp"

using annae::test::engine;

namespace {

std::vector<std::uint32_t> glyph_ids(const annae::text::TextBlock& block) {
  std::vector<std::uint32_t> ids;
  for (const auto& g : block.glyphs) ids.push_back(g.glyph);
  return ids;
}

annae::text::TextBlock one_line(const std::string& utf8) {
  annae::text::TextStyle style;
  style.size_px = 40;
  return engine().layout(utf8, style, 100000);
}

}  // namespace

TEST_CASE("NFD Hangul (as macOS saves it) shapes to exactly the glyphs of NFC") {
  struct Case {
    const char* nfc;
    const char* nfd;
  };
  const Case cases[] = {
      {"정부세종청사", "\u110c\u1165\u11bc\u1107\u116e\u1109\u1166\u110c\u1169\u11bc\u110e\u1165\u11bc\u1109\u1161"},  // the SDL2_ttf failure case
      {"국토교통부", "\u1100\u116e\u11a8\u1110\u1169\u1100\u116d\u1110\u1169\u11bc\u1107\u116e"},                          // 국토교통부
      {"윤의식 과장", "\u110b\u1172\u11ab\u110b\u1174\u1109\u1175\u11a8 \u1100\u116a\u110c\u1161\u11bc"},                  // name and title
  };
  for (const auto& c : cases) {
    CAPTURE(c.nfc);
    const auto nfc = one_line(c.nfc);
    const auto nfd = one_line(c.nfd);
    CHECK(glyph_ids(nfd) == glyph_ids(nfc));
    CHECK(nfd.lines.at(0).text == c.nfc);
  }
}

TEST_CASE("NFD text breaks between the same syllables as NFC") {
  // "정부세종청사" in a 3-syllable box: NFD must not split a syllable into jamo
  const std::string nfd = "\u110c\u1165\u11bc\u1107\u116e\u1109\u1166\u110c\u1169\u11bc\u110e\u1165\u11bc\u1109\u1161";
  CHECK(annae::test::lay_out(nfd, 40, 120) == annae::test::Lines{"정부세", "종청사"});
}

TEST_CASE("CJK compatibility ideographs survive normalization") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"\uF900", "\uF900"},                // 豈 U+F900, which plain NFC maps to U+8C48
      {"\uFA10 토지", "\uFA10 토지"},       // 塚 U+FA10 beside Hangul
      {"\U0002F800", "\U0002F800"},        // supplementary compatibility ideograph
      {"e\u0301", "\u00E9"},               // ordinary composition still happens
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(annae::text::to_utf8(annae::text::decode_normalized(c.input)) == c.expected);
  }
}

TEST_CASE("invalid UTF-8 shows U+FFFD and keeps the rest") {
  struct Case {
    const char* input;
    const char* expected_line;
  };
  const Case cases[] = {
      {"국토\xFF교통", "국토\uFFFD교통"},               // a stray byte in the middle
      {"\xB1\xB9\xC5\xE4", "\uFFFD\uFFFD\uFFFD\uFFFD"},  // CP949 "국토" read as UTF-8: visible, not dropped
      {"교통\xEA\xB5", "교통\uFFFD"},                    // cut off in the middle of a syllable
  };
  for (const auto& c : cases) {
    const auto block = one_line(c.input);
    REQUIRE(block.lines.size() == 1);
    CHECK(block.lines[0].text == c.expected_line);
    CHECK(block.glyphs.size() == annae::utf8::length(c.expected_line));  // every character drawn, U+FFFD included
  }
}

TEST_CASE("a character missing from Noto Sans CJK KR is drawn from a font that has it") {
  auto& fonts = engine().fonts();
  auto* chain = fonts.chain({});
  REQUIRE(chain != nullptr);
  CHECK(fonts.info(chain->primary()).family == "Noto Sans CJK KR");
  struct Case {
    char32_t c;
    const char* what;
  };
  const Case cases[] = {
      {U'\u05D0', "Hebrew alef"},
      {U'\u10D0', "Georgian an"},
      {U'\u2692', "hammer and pick"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto face = chain->face_for(c.c);
    CHECK(face != chain->primary());
    CHECK(fonts.has_char(face, c.c));
  }
  // and laid out in a line with Korean, the Hebrew glyphs come from the fallback face
  const auto block = one_line("국토 שלום");
  const auto fallback = std::count_if(block.glyphs.begin(), block.glyphs.end(),
                                      [&](const auto& g) { return g.face != chain->primary(); });
  CHECK(fallback == 4);
}
