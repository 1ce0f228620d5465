// Punctuation spacing the way a Korean typesetter sets it (shape.hpp): a
// full-width bracket loses its built-in half-em blank next to a space, at the
// text's edges and against other punctuation, and keeps it against a letter.
// Noto Sans CJK KR at 40 px: Hangul 36.8 px, the Korean space 11.2 px, a
// full-width bracket 40 px, or 20 px once trimmed.
#include <doctest/doctest.h>

#include <string>

#include "text_fixture.hpp"

namespace {

float width_px(const std::string& utf8) {
  annae::text::TextStyle style;
  style.size_px = 40;
  const auto block = annae::test::engine().layout(utf8, style, 100000);
  REQUIRE(block.lines.size() == 1);
  return block.lines[0].width_px;
}

}  // namespace

TEST_CASE("full-width brackets lose their blank next to a space, an edge or punctuation") {
  struct Case {
    const char* text;
    float expected_px;
  };
  const Case cases[] = {
      // 「 after a space, 」 before a particle: 4 x 36.8 + 11.2 + 20 + 8 x 36.8 + 40 + 36.8 (no longer 1.5 spaces before 「)
      {"주최하는 「지역균형발전포럼」에", 549.6f},
      // 」 before a space loses it too: 36.8 x 2 + 12.92 (!) + 11.2 + 20 + 8 x 36.8 + 20 + 11.2 + 36.8 x 2
      {"도약! 「지역균형발전포럼」 개최", 516.92f},
      // at the text's start and end both brackets lose their blank: 20 + 8 x 36.8 + 20
      {"「지역균형발전포럼」", 334.4f},
      // against letters on both sides both keep it: 36.8 + 40 + 36.8 x 2 + 40 + 36.8
      {"는「포럼」에", 227.2f},
      // 〈〉 like 「」: 20 + 36.8 x 2 + 11.2 + 22.2 (digit 1) + 20
      {"〈발제 1〉", 147.0f},
      // closing then opening: only the opening one loses it (as in Chromium):
      // 36.8 x 2 + 40 + 36.8 x 2 + 40 + 20 + 36.8 x 2 + 40 + 36.8
      {"특구「파크」『단지』등", 397.6f},
      // nested: the inner opening one and the first closing one lose it: 36.8 + 40 + 20 + 36.8 + 20 + 40 + 36.8
      {"가「『다』」라", 230.4f},
      // 」 before an ASCII comma loses it: 36.8 + 40 + 36.8 x 2 + 20 + 11.16 (Korean comma) + 11.2 + 36.8
      {"을「전략」, 등", 229.56f},
      // full-width parentheses at the edges: 20 + 36.8 x 2 + 20
      {"（장관）", 113.6f},
      // ASCII brackets are proportional already and stay as they are: 36.8 x 5 + 13.52 + 36.8 x 2 + 13.52
      {"국토교통부(장관)", 284.64f},
      // Korean curly quotes are proportional too: 19 + 36.8 x 3 + 19
      {"“스마트”", 148.4f},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(width_px(c.text) == doctest::Approx(c.expected_px).epsilon(0.0005));
  }
}

TEST_CASE("a trimmed opening bracket draws its ink where the blank was") {
  annae::text::TextStyle style;
  style.size_px = 40;
  const auto block = annae::test::engine().layout("가 「나」", style, 100000);
  REQUIRE(block.glyphs.size() == 4);  // the space draws nothing
  // 「 starts after 가 and the space (48 px) but its pen moves back by the 20 px blank it lost
  CHECK(block.glyphs[1].x_px == doctest::Approx(48.0f - 20.0f));
  CHECK(block.glyphs[2].x_px == doctest::Approx(68.0f));  // 나 right after the 20 px bracket
}
