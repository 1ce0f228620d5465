// Fitting a block into a box: the largest size that fits, down to a floor,
// then '…'. The fitted block must never exceed its box.
#include <doctest/doctest.h>

#include "text_fixture.hpp"

using annae::test::engine;

namespace {

// 참고 2, ① — a long paragraph from seed 000.
constexpr const char* strategy_note =
    "(초광역권 계획) 단위별 행정구역을 넘어선 기능과 연계 중심의 초광역 단위의 지역발전 전략구상. "
    "(국토계획 패러다임 전환) 행정구역 중심의 경직적 국토계획을 전환하여 기능별 연계, 유연한 연합, "
    "초연결을 지향하는 국토계획 마련";

}  // namespace

TEST_CASE("a fitted block never exceeds its box") {
  annae::text::TextStyle style;
  style.size_px = 72;
  const float widths[] = {240, 360, 600, 900, 1400};
  const float heights[] = {60, 150, 300, 600};
  for (float w : widths) {
    for (float h : heights) {
      CAPTURE(w);
      CAPTURE(h);
      const auto block = engine().fit(strategy_note, style, w, h, {16, true});
      CHECK(block.height_px <= h + 0.5f);
      for (const auto& line : block.lines) CHECK(line.width_px <= w + 0.01f);
      CHECK(block.size_px >= 16);
      CHECK(block.size_px <= 72);
    }
  }
}

TEST_CASE("fit chooses the largest size that holds the text without breaking words") {
  annae::text::TextStyle style;
  style.size_px = 100;
  // 지역균형발전포럼 is 8 x 0.92 = 7.36 em: 400 px holds it at 54 px (397 px), not at 55 (405 px)
  const auto block = engine().fit("지역균형발전포럼", style, 400, 1000, {10, true});
  CHECK(block.size_px == 54);
  CHECK(annae::test::lines_of(block) == annae::test::Lines{"지역균형발전포럼"});
  CHECK_FALSE(block.truncated);
  CHECK_FALSE(block.broke_inside_word);
}

TEST_CASE("fit keeps the requested size when the text already fits") {
  annae::text::TextStyle style;
  style.size_px = 40;
  const auto block = engine().fit("국토교통부", style, 1000, 100, {10, true});
  CHECK(block.size_px == 40);
}

TEST_CASE("below the floor, text is cut with an ellipsis and reported") {
  annae::text::TextStyle style;
  style.size_px = 40;
  style.line_height = 1.5f;
  // floor 40 px: only two 60 px lines fit in 130 px
  const auto block = engine().fit(strategy_note, style, 400, 130, {40, true});
  CHECK(block.truncated);
  REQUIRE(block.lines.size() == 2);
  CHECK(block.lines[1].text.ends_with("…"));
  CHECK(block.lines[1].width_px <= 400.01f);
}

TEST_CASE("at the floor a word too long for the box breaks between syllables rather than being cut") {
  annae::text::TextStyle style;
  style.size_px = 40;
  // 5 syllables (184 px) fit a 200 px line at the 40 px floor
  const auto block = engine().fit("초광역권계획수립지원", style, 200, 200, {40, true});
  CHECK(block.size_px == 40);
  CHECK(block.broke_inside_word);
  CHECK_FALSE(block.truncated);
  CHECK(annae::test::lines_of(block) == annae::test::Lines{"초광역권계", "획수립지원"});
}

TEST_CASE("a pretty fit takes a pixel or two less rather than split a bound noun from its verb") {
  // The seminar's closing quote (seed 001) as the quote slide fits it at 1920x1080: 1388 px wide,
  // 612 px high, from 88 px. The largest size that fits (68 px) can only break "강화할 수 | 있는".
  const char* quote =
      "코로나-19에 따른 저성장 위기, 인구감소의 시대에 직면하여 보다 창의적이고, 적극적인 새로운 "
      "균형발전전략이 요구되고 있다\n오늘 세미나에서 제시된 연계와 협력의 아이디어를 바탕으로 지역의 "
      "경쟁력을 강화할 수 있는 방안을 지속적으로 고민하고 정책화 하겠다";
  annae::text::TextStyle style;
  style.size_px = 88;
  style.line_height = 1.5f;
  for (const auto wrap : {annae::text::Wrap::greedy, annae::text::Wrap::pretty}) {
    style.wrap = wrap;
    CAPTURE(static_cast<int>(wrap));
    const auto block = engine().fit(quote, style, 1388, 612, {44, false});
    bool splits_bound_noun = false;
    for (const auto& line : block.lines) splits_bound_noun |= line.text.ends_with(" 수");
    // greedy keeps the largest size, whatever the break; pretty settles on a clean break
    CHECK(splits_bound_noun == (wrap == annae::text::Wrap::greedy));
    CHECK(block.size_px >= 64);
  }
}
