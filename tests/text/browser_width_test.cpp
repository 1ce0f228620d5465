// Chromium as an oracle for line widths (label `oracle`): seed sentences set
// on one line at 40 px in Noto Sans CJK KR, lang="ko", must measure the same
// in annae as in the browser, within 1 px. A browser slide and an annae slide
// then break lines at the same places. deploy/setup.sh installs chromium, so
// a missing browser fails the test rather than skipping it.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "browser_oracle.hpp"
#include "text_fixture.hpp"

namespace {

constexpr int size_px = 40;

// Real sentences from the two seed documents; each comment says what it exercises.
const char* const sentences[] = {
    // Hangul, '!', 「」 after and before a space (annae trims both; the oracle page asks for halt)
    "지방의 새로운 도약! 「지역균형발전포럼」 개최",
    // a space before 「 (trimmed), 」 before a particle (kept)
    "한국토지주택공사 토지주택연구원(LHI)이 주최하는 「지역균형발전포럼」에 참여하여",
    // ASCII brackets around Hangul, digits and a space inside them
    "국토교통부(장관 원희룡)는 9월 26일(화) 오후 2시 세종컨벤션센터에서",
    // middle dots between words: the Korean form of U+00B7 is narrow
    "관계 정부·지자체·공공기관과 부산연구원 등 9개 지방연구원 등 관계 연구기관이",
    // Latin words, '&', curly double quotes around Hangul and a digit
    "Compact & Network 구축 등 “스마트 지역발전 5대 전략”을 통해",
    // ASCII angle brackets as a heading
    "<스마트 지역발전 5대 전략>",
    // a circled digit before Latin words and Hangul
    "② Compact & Network 구축",
    // a bullet, ☎, a phone number in brackets, a comma
    "• ☎ (044) 201-4950, 3651",
    // ※, middle dots, a date with periods and a weekday in brackets, a time with a colon
    "※ 통신·방송·인터넷은 9. 24.(목) 11:00 이후 보도 가능",
    // curly single quotes around a phrase
    "국토교통부(장관 김현미)는 ‘초광역 연계협력을 통한 새로운 국토 균형발전전략’을 주제로",
    // full-width angle brackets at the start (trimmed) and before a space (trimmed)
    "〈발제 1〉 지방대도시권 경쟁력 강화를 위한 도심형 혁신공간 조성전략",
    // ☎ right after an ASCII bracket, a phone number, a full stop
    "국토정책과 문수빈 사무관(☎ 044-201-3651)에게 연락주시기 바랍니다.",
    // a quotation opening a sentence, a hyphen before digits, a comma
    "“코로나-19에 따른 저성장 위기, 인구감소의 시대에 직면하여",
    // digits, periods and brackets in a dateline
    "2020. 9. 24.(목) 총 4매(본문3, 참고1)",
    // a hyphen between Hangul words, Latin capitals
    "대구-광주 연계협력권 발전종합계획, 생활SOC 조성 등",
    // composed from seed words, Chromium trims by itself: 」『 (『 loses its blank); 「 after Hangul kept
    "도심융합특구「기업혁신파크」『국가산업단지』등 권역 거점",
    // composed: ·「 (one Han run in Chromium; 「 loses its blank), 」、 (」 loses its blank)
    "관계기관·「전문가」、국토연구원",
};

}  // namespace

TEST_CASE("line widths agree with Chromium's within 1 px at 40 px") {
  const std::string chromium = annae::test::find_chromium();
  REQUIRE_MESSAGE(!chromium.empty(), "chromium is not installed (deploy/setup.sh installs it)");
  auto& engine = annae::test::engine();
  annae::text::TextStyle style;
  style.size_px = size_px;
  const auto& primary = engine.fonts().info(engine.fonts().chain(style.font)->primary());
  REQUIRE(primary.family == "Noto Sans CJK KR");

  const std::vector<std::string> texts(std::begin(sentences), std::end(sentences));
  std::string error;
  const auto browser_px = annae::test::browser_widths(chromium, texts, primary.family, size_px, error);
  REQUIRE_MESSAGE(browser_px.size() == texts.size(), error);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto block = engine.layout(texts[i], style, 100000);
    REQUIRE(block.lines.size() == 1);
    const float annae_px = block.lines[0].width_px;
    CAPTURE(texts[i]);
    CAPTURE(annae_px);
    CAPTURE(browser_px[i]);
    MESSAGE(texts[i], ": annae ", annae_px, " px, chromium ", browser_px[i], " px");
    CHECK(std::abs(annae_px - browser_px[i]) <= 1.0);
  }
}
