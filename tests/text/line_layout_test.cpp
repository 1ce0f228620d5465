// Where lines break at a given size and width. Noto Sans CJK KR sets every
// Hangul syllable 0.92 em wide (36.8 px at 40 px), a space 0.28 em (11.2 px: the Korean form).
#include <doctest/doctest.h>

#include <cmath>

#include "text_fixture.hpp"

using annae::test::lay_out;
using annae::test::Lines;

TEST_CASE("lines fill greedily and break only at opportunities") {
  struct Case {
    const char* text;
    float width_px;
    Lines expected;
  };
  const Case cases[] = {
      // 5 syllables + space + 3 syllables is 8.2 em: "재고를" moves down at 7.5 em
      {"국토 경쟁력 재고를 위해", 300, {"국토 경쟁력", "재고를 위해"}},
      // the same text in a wide box stays on one line
      {"국토 경쟁력 재고를 위해", 2000, {"국토 경쟁력 재고를 위해"}},
      // a particle never leaves its bracket, even when the bracketed word barely fits
      // ("「지역균형발전포럼」에" is 391.2 px: 「 after a space loses its half-em blank, see shape.hpp)
      {"참여하는 「지역균형발전포럼」에 참석", 400, {"참여하는", "「지역균형발전포럼」에", "참석"}},
      // a phone number moves to the next line whole
      {"담당자 윤의식 044-201-3646", 420, {"담당자 윤의식", "044-201-3646"}},
      // a time range moves whole
      {"14:00-14:05 참석자 소개 및 행사 개요 설명", 320, {"14:00-14:05", "참석자 소개 및", "행사 개요 설명"}},
      // the bullet goes down with its word
      {"계획을 마련 ※ 해당 구상은", 330, {"계획을 마련", "※ 해당 구상은"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.width_px);
    CHECK(lay_out(c.text, 40, c.width_px) == c.expected);
  }
}

TEST_CASE("a word wider than the box breaks between syllables, never inside a number") {
  struct Case {
    const char* text;
    float width_px;
    Lines expected;
  };
  const Case cases[] = {
      // 22 syllables without a space: 10 per line at 400 px (10 x 36.8 = 368)
      {"초광역권계획수립지원을위한맞춤형규제혁신방안", 400,
       {"초광역권계획수립지원", "을위한맞춤형규제혁신", "방안"}},
      // 10 syllables fit 370 px but the '.' does not; it may not start a line, so 니 goes down with it
      {"균형발전지원단입니다.", 370, {"균형발전지원단입니", "다."}},
      // a phone number wider than the box overflows rather than split
      {"044-201-3646", 120, {"044-201-3646"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(lay_out(c.text, 40, c.width_px) == c.expected);
  }
}

TEST_CASE("spaces hang, soft hyphens show only at a break, hard breaks always break") {
  struct Case {
    const char* text;
    float width_px;
    Lines expected;
  };
  const Case cases[] = {
      // "국토 " is 84.8 px; in an 80 px box the trailing space hangs past the edge
      {"국토 교통", 80, {"국토", "교통"}},
      // the soft hyphen shows as '-' where the line breaks
      {"균형\u00AD발전", 100, {"균형-", "발전"}},
      // and is invisible when it does not
      {"균형\u00AD발전", 400, {"균형발전"}},
      // LF, CRLF and LINE SEPARATOR
      {"국토\n교통\r\n부\u2028세종", 2000, {"국토", "교통", "부", "세종"}},
      // an empty line stays as an empty line
      {"가\n\n나", 2000, {"가", "", "나"}},
      // a trailing newline adds no empty line at the end
      {"가\n", 2000, {"가"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(lay_out(c.text, 40, c.width_px) == c.expected);
  }
}

TEST_CASE("a tab advances to the next tab stop") {
  annae::text::TextStyle style;
  style.size_px = 40;
  style.tab_stop_em = 4;
  const auto block = annae::test::engine().layout("가\t나", style, 1000);
  REQUIRE(block.lines.size() == 1);
  REQUIRE(block.glyphs.size() == 2);  // the tab draws nothing
  CHECK(block.glyphs[1].x_px == doctest::Approx(160));  // 4 em at 40 px
}

TEST_CASE("alignment places each line within the box") {
  annae::text::TextStyle style;
  style.size_px = 40;
  struct Case {
    annae::text::Align align;
    float expected_x;
  };
  // "국토" is 73.6 px wide in a 400 px box
  const Case cases[] = {
      {annae::text::Align::start, 0},       // flush left
      {annae::text::Align::center, 163.2f},  // (400 - 73.6) / 2
      {annae::text::Align::end, 326.4f},     // flush right
  };
  for (const auto& c : cases) {
    style.align = c.align;
    const auto block = annae::test::engine().layout("국토", style, 400);
    CHECK(block.lines.at(0).x_px == doctest::Approx(c.expected_x));
  }
}

TEST_CASE("line height and baselines") {
  annae::text::TextStyle style;
  style.size_px = 40;
  style.line_height = 1.5f;
  const auto block = annae::test::engine().layout("가\n나\n다", style, 400);
  REQUIRE(block.lines.size() == 3);
  CHECK(block.height_px == doctest::Approx(180));  // 3 lines x 60 px
  CHECK(block.lines[1].baseline_px - block.lines[0].baseline_px == doctest::Approx(60));
  for (const auto& line : block.lines) CHECK(line.baseline_px == std::round(line.baseline_px));  // whole pixels
}
