// Whole-paragraph breaking (issue 14): each case is a break Korean editors
// send back, shown as greedy sets it today and as pretty/balance fix it, on
// text from the example shows (content/forum-2023, content/seminar-2020).
// Noto Sans CJK KR; 44 px is running text, 72 px a slide title. Each case
// holds at its width ±10 px (check_all tries all three), so a small change
// of font metrics does not flip it silently.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "text_fixture.hpp"

using annae::test::Lines;
using annae::test::lines_of;
using annae::text::Wrap;

namespace {

annae::text::TextBlock block_of(const std::string& utf8, int size_px, float width_px, Wrap wrap) {
  annae::text::TextStyle style;
  style.size_px = size_px;
  style.wrap = wrap;
  return annae::test::engine().layout(utf8, style, width_px);
}

Lines lay_out(const std::string& utf8, int size_px, float width_px, Wrap wrap) {
  return lines_of(block_of(utf8, size_px, width_px, wrap));
}

struct Case {
  const char* text;
  int size_px;
  float width_px;
  Wrap wrap;
  Lines expected;
};

void check_all(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    CAPTURE(c->text);
    CAPTURE(c->width_px);
    CAPTURE(static_cast<int>(c->wrap));
    for (float nudge_px : {-10.0f, 0.0f, 10.0f}) {  // the same lines a little narrower or wider
      CAPTURE(nudge_px);
      CHECK(lay_out(c->text, c->size_px, c->width_px + nudge_px, c->wrap) == c->expected);
    }
  }
}

// content/: 040-strategy-notes-1.toml ④ (in 050), 020-overview.toml, 060-quote.toml, seminar 020/040/050.
constexpr const char* note4 = "④ (과학 및 실증 기반 국토정책) 데이터와 AI 등 객관적 근거를 토대로 한 과학적 공간정책 기반 마련";
constexpr const char* talk1 =
    "지방의 위기는 인재와 기업의 수도권 유출 및 집중화에서 비롯되었음을 진단하고, 지방 대도시 중심지에 지역 특색에 "
    "맞는 산업·주거·문화 사업을 융합하는 고밀도 혁신공간 조성방안을 제시한다.";
constexpr const char* overview1 =
    "국토교통부는 9월 26일(화) 오후 2시 세종컨벤션센터에서 한국토지주택공사 토지주택연구원(LHI)이 주최하는 "
    "「지역균형발전포럼」에 참여하여 지역맞춤형 국토교통 균형발전 전략 수립방안을 논의한다.";
constexpr const char* forum_quote =
    "이번 포럼에서 균형발전 의제 발굴, 혁신적 국토 공간구조의 개편, 미래를 조망하는 SOC 체계 등 균형발전의 모멘텀을 "
    "가져올 수 있는 새로운 정책들이 발굴되기를 기대한다";
constexpr const char* seminar_quote =
    "오늘 세미나에서 제시된 연계와 협력의 아이디어를 바탕으로 지역의 경쟁력을 강화할 수 있는 방안을 지속적으로 "
    "고민하고 정책화 하겠다";
constexpr const char* presenters = "윤정란 (토지주택연구원), 김은란 (국토연구원), 이관후 (경남연구원), 양철수 (광주전남연구원)";
constexpr const char* overview3 =
    "국토교통부 윤의식 국토정책과장은 초광역권 계획수립, Compact & Network 구축 등 “스마트 지역발전 5대 전략”을 "
    "통해 지방에 전례 없던 기회를 창출하고, 연결하고, 확대하는 전략구상을 발표한다.";
constexpr const char* strategy1 =
    "국토 경쟁력 재고를 위해 국토 공간구조를 기능 중심으로 개편하고 산업·문화·관광 등 기능을 강화";
constexpr const char* seminar_title = "초광역 연계협력을 통한 새로운 국토균형발전 전략";
constexpr const char* talk4_title = "대구-광주 연계협력권 발전종합계획의 의의와 방향";

}  // namespace

TEST_CASE("a last line of a single 어절, or a very short one, is avoided") {
  const Case cases[] = {
      // greedy leaves "마련" alone (44 px, 900 px)
      {note4, 44, 900, Wrap::greedy, {"④ (과학 및 실증 기반 국토정책) 데이터와 AI 등", "객관적 근거를 토대로 한 과학적 공간정책 기반", "마련"}},
      // pretty brings two words down with it, in the same three lines
      {note4, 44, 900, Wrap::pretty, {"④ (과학 및 실증 기반 국토정책) 데이터와", "AI 등 객관적 근거를 토대로 한 과학적", "공간정책 기반 마련"}},
      // greedy leaves "제시한다." alone (44 px, 1200 px)
      {talk1, 44, 1200, Wrap::greedy,
       {"지방의 위기는 인재와 기업의 수도권 유출 및 집중화에서", "비롯되었음을 진단하고, 지방 대도시 중심지에 지역 특색에 맞는",
        "산업·주거·문화 사업을 융합하는 고밀도 혁신공간 조성방안을", "제시한다."}},
      // pretty: four lines still, the last one two 어절
      {talk1, 44, 1200, Wrap::pretty,
       {"지방의 위기는 인재와 기업의 수도권 유출 및 집중화에서", "비롯되었음을 진단하고, 지방 대도시 중심지에 지역 특색에",
        "맞는 산업·주거·문화 사업을 융합하는 고밀도 혁신공간", "조성방안을 제시한다."}},
      // greedy's last line has two 어절 but under a third of the measure (44 px, 1320 px)
      {overview1, 44, 1320, Wrap::greedy,
       {"국토교통부는 9월 26일(화) 오후 2시 세종컨벤션센터에서", "한국토지주택공사 토지주택연구원(LHI)이 주최하는",
        "「지역균형발전포럼」에 참여하여 지역맞춤형 국토교통 균형발전 전략", "수립방안을 논의한다."}},
      // pretty takes "전략" down: a longer last line for a slightly shorter third one
      {overview1, 44, 1320, Wrap::pretty,
       {"국토교통부는 9월 26일(화) 오후 2시 세종컨벤션센터에서", "한국토지주택공사 토지주택연구원(LHI)이 주최하는",
        "「지역균형발전포럼」에 참여하여 지역맞춤형 국토교통 균형발전", "전략 수립방안을 논의한다."}},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("a bound-noun construction stays on one line") {
  const Case cases[] = {
      // greedy: "가져올 수 | 있는" (44 px, 1190 px)
      {forum_quote, 44, 1190, Wrap::greedy,
       {"이번 포럼에서 균형발전 의제 발굴, 혁신적 국토 공간구조의 개편,",
        "미래를 조망하는 SOC 체계 등 균형발전의 모멘텀을 가져올 수", "있는 새로운 정책들이 발굴되기를 기대한다"}},
      // pretty keeps "가져올 수 있는" together
      {forum_quote, 44, 1190, Wrap::pretty,
       {"이번 포럼에서 균형발전 의제 발굴, 혁신적 국토 공간구조의", "개편, 미래를 조망하는 SOC 체계 등 균형발전의 모멘텀을",
        "가져올 수 있는 새로운 정책들이 발굴되기를 기대한다"}},
      // greedy: "강화할 | 수 있는" (44 px, 840 px)
      {seminar_quote, 44, 840, Wrap::greedy,
       {"오늘 세미나에서 제시된 연계와 협력의", "아이디어를 바탕으로 지역의 경쟁력을 강화할",
        "수 있는 방안을 지속적으로 고민하고 정책화", "하겠다"}},
      // pretty: "강화할 수 있는" on one line (and no lone "하겠다")
      {seminar_quote, 44, 840, Wrap::pretty,
       {"오늘 세미나에서 제시된 연계와 협력의", "아이디어를 바탕으로 지역의 경쟁력을",
        "강화할 수 있는 방안을 지속적으로 고민하고", "정책화 하겠다"}},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("a name keeps its parenthesised affiliation") {
  const Case cases[] = {
      // greedy: "김은란 | (국토연구원)" (44 px, 610 px; the presenters of seminar 040-agenda.toml)
      {presenters, 44, 610, Wrap::greedy,
       {"윤정란 (토지주택연구원), 김은란", "(국토연구원), 이관후", "(경남연구원), 양철수", "(광주전남연구원)"}},
      // pretty: one presenter a line, each with their institute
      {presenters, 44, 610, Wrap::pretty,
       {"윤정란 (토지주택연구원),", "김은란 (국토연구원),", "이관후 (경남연구원),", "양철수 (광주전남연구원)"}},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("a short quoted term and a middle-dot list stay whole where they can") {
  const Case cases[] = {
      // greedy: “스마트 지역발전 5대 | 전략” (44 px, 1110 px)
      {overview3, 44, 1110, Wrap::greedy,
       {"국토교통부 윤의식 국토정책과장은 초광역권 계획수립,", "Compact & Network 구축 등 “스마트 지역발전 5대",
        "전략”을 통해 지방에 전례 없던 기회를 창출하고, 연결하고,", "확대하는 전략구상을 발표한다."}},
      // pretty moves the whole term to the third line
      {overview3, 44, 1110, Wrap::pretty,
       {"국토교통부 윤의식 국토정책과장은 초광역권", "계획수립, Compact & Network 구축 등",
        "“스마트 지역발전 5대 전략”을 통해 지방에 전례 없던 기회를", "창출하고, 연결하고, 확대하는 전략구상을 발표한다."}},
      // greedy may now break after a joining dot: "산업·문화· | 관광" (44 px, 1430 px; the dot is as wide as a browser sets it)
      {strategy1, 44, 1430, Wrap::greedy,
       {"국토 경쟁력 재고를 위해 국토 공간구조를 기능 중심으로 개편하고 산업·문화·", "관광 등 기능을 강화"}},
      // pretty prefers the space before the list
      {strategy1, 44, 1430, Wrap::pretty,
       {"국토 경쟁력 재고를 위해 국토 공간구조를 기능 중심으로 개편하고", "산업·문화·관광 등 기능을 강화"}},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("balance evens out the lines of a title") {
  const Case cases[] = {
      // greedy: "…통한 새로운 | 국토균형발전 전략" (72 px, 1000 px; the seminar's cover title)
      {seminar_title, 72, 1000, Wrap::greedy, {"초광역 연계협력을 통한 새로운", "국토균형발전 전략"}},
      // balance: two lines of about the same width
      {seminar_title, 72, 1000, Wrap::balance, {"초광역 연계협력을 통한", "새로운 국토균형발전 전략"}},
      // greedy at 1400 px leaves "전략" alone
      {seminar_title, 72, 1400, Wrap::greedy, {"초광역 연계협력을 통한 새로운 국토균형발전", "전략"}},
      // balance: the same two even lines, narrower than the box
      {seminar_title, 72, 1400, Wrap::balance, {"초광역 연계협력을 통한", "새로운 국토균형발전 전략"}},
      // greedy: three lines, "방향" alone (72 px, 700 px; talk 4's title)
      {talk4_title, 72, 700, Wrap::greedy, {"대구-광주 연계협력권", "발전종합계획의 의의와", "방향"}},
      // balance keeps three lines, none stray
      {talk4_title, 72, 700, Wrap::balance, {"대구-광주 연계협력권", "발전종합계획의", "의의와 방향"}},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("no line starts with a space, even an ideographic one or a tab") {
  const char* text = "（전각）\u3000：\u3000확인？";
  for (Wrap wrap : {Wrap::greedy, Wrap::pretty, Wrap::balance}) {
    for (float width : {100.0f, 150.0f, 200.0f, 240.0f, 400.0f}) {
      CAPTURE(width);
      for (const auto& line : lay_out(text, 40, width, wrap)) {
        CHECK_FALSE(line.starts_with("\u3000"));
        CHECK_FALSE(line.starts_with(" "));
      }
    }
  }
  // at 240 px the ideographic space hangs after "（전각）" rather than starting a line with "：" (40 px)
  CHECK(lay_out(text, 40, 240, Wrap::greedy) == Lines{"（전각）\u3000：", "확인？"});
  // where the full-width colon cannot stay on the line, the space still hangs (130 px: "각）\u3000：" is 137 px)
  CHECK(lay_out(text, 40, 130, Wrap::greedy) == Lines{"（전", "각）", "：", "확인？"});
  CHECK(lay_out("국토\t교통 세종", 40, 100, Wrap::pretty) == Lines{"국토", "교통", "세종"});  // a tab hangs too
}

namespace {

// Every string value of the example shows' slide files, split at line breaks:
// titles, paragraphs, bullets, summaries, names. A plain scan of "…" and
// """…""" is enough for these files (no escapes in them).
std::vector<std::string> show_paragraphs() {
  std::vector<std::string> out;
  for (const char* show : {"forum-2023", "seminar-2020"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ANNAE_SOURCE_DIR) / "content" / show)) {
      std::ifstream in(entry.path());
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string file = buffer.str();
      for (std::size_t i = file.find('"'); i != std::string::npos; i = file.find('"', i)) {
        const bool triple = file.compare(i, 3, "\"\"\"") == 0;
        const std::size_t from = i + (triple ? 3 : 1);
        const std::size_t to = file.find(triple ? "\"\"\"" : "\"", from);
        if (to == std::string::npos) break;
        std::istringstream lines(file.substr(from, to - from));
        for (std::string line; std::getline(lines, line);) {
          if (line.size() >= 12) out.push_back(line);  // at least four syllables
        }
        i = to + (triple ? 3 : 1);
      }
    }
  }
  return out;
}

constexpr int body_px = 44;
constexpr float body_widths_px[] = {400, 560, 700, 900, 1200, 1600};

float widest(const annae::text::TextBlock& b) {
  float w = 0;
  for (const auto& line : b.lines) w = std::max(w, line.width_px);
  return w;
}

}  // namespace

TEST_CASE("pretty and balance never add a line and never overflow, over both example shows") {
  const auto paragraphs = show_paragraphs();
  REQUIRE(paragraphs.size() > 40);
  for (const auto& text : paragraphs) {
    for (float width : body_widths_px) {
      CAPTURE(text);
      CAPTURE(width);
      const auto greedy = block_of(text, body_px, width, Wrap::greedy);
      for (Wrap wrap : {Wrap::pretty, Wrap::balance}) {
        const auto other = block_of(text, body_px, width, wrap);
        CHECK(other.lines.size() <= greedy.lines.size());
        CHECK(widest(other) <= std::max(width, widest(greedy)) + 0.01f);
      }
    }
  }
}

TEST_CASE("no pretty last line is a single 어절 where the same line count allows a longer one") {
  for (const auto& text : show_paragraphs()) {
    for (float width : body_widths_px) {
      const auto pretty = block_of(text, body_px, width, Wrap::pretty);
      const auto& last = pretty.lines.back().text;
      if (pretty.lines.size() < 2 || last.find(' ') != std::string::npos) continue;
      // The alternative: the last two 어절 on the last line, the rest in one line fewer.
      const std::size_t cut = text.rfind(' ', text.size() - last.size() - 2);
      if (cut == std::string::npos) continue;
      const auto tail = block_of(text.substr(cut + 1), body_px, width, Wrap::greedy);
      const auto head = block_of(text.substr(0, cut), body_px, width, Wrap::greedy);
      CAPTURE(text);
      CAPTURE(width);
      CHECK_FALSE((tail.lines.size() == 1 && head.lines.size() + 1 <= pretty.lines.size()));
    }
  }
}

TEST_CASE("balanced title lines are within one 어절 of each other") {
  const char* titles[] = {
      "초광역 연계협력을 통한 새로운 국토균형발전 전략",            // seminar cover
      "지방대도시권 경쟁력 강화를 위한 도심형 혁신공간 조성전략",   // talk 1
      "대구-광주 연계협력권 발전종합계획의 의의와 방향",            // talk 4
      "지역맞춤형 국토교통 균형발전 전략 구상",                      // forum cover subtitle
      "국토교통부-국토연구원 균형발전 세미나",                       // seminar cover subtitle
  };
  for (const char* title : titles) {
    for (float width : {600.0f, 800.0f, 1000.0f, 1200.0f, 1500.0f}) {
      CAPTURE(title);
      CAPTURE(width);
      const auto greedy = block_of(title, 72, width, Wrap::greedy);
      const auto balanced = block_of(title, 72, width, Wrap::balance);
      REQUIRE(balanced.lines.size() == greedy.lines.size());
      float lo = 1e9f, hi = 0, longest_word_px = 0;
      for (const auto& line : balanced.lines) {
        lo = std::min(lo, line.width_px);
        hi = std::max(hi, line.width_px);
        std::istringstream words(line.text);
        for (std::string w; words >> w;) longest_word_px = std::max(longest_word_px, widest(block_of(w, 72, 1e6f, Wrap::greedy)));
      }
      CHECK(hi - lo <= longest_word_px + 0.25f * 72);  // one 어절 and its space
    }
  }
}
