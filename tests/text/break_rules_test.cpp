// Line-break opportunities: '|' marks where a line may end, '‖' a hard break.
// Each case is one rule of Korean typesetting, on text from the seed documents.
#include <doctest/doctest.h>

#include "text/unicode/segment.hpp"

using annae::text::mark_breaks;

namespace {

struct Case {
  const char* input;
  const char* expected;
};

void check_all(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    CAPTURE(c->input);
    CHECK(mark_breaks(c->input) == c->expected);
  }
}

}  // namespace

TEST_CASE("keep-all: Korean breaks only between 어절, never between syllables") {
  const Case cases[] = {
      {"국토 경쟁력 재고를 위해", "국토 |경쟁력 |재고를 |위해"},          // spaces are the only opportunities
      {"초광역권계획수립지원", "초광역권계획수립지원"},                      // a run of syllables stays whole
      {"AI정보공학과", "AI정보공학과"},                                      // Latin + Hangul in one word
      {"2026학년도", "2026학년도"},                                          // digits + Hangul in one word
      {"SOC 체계", "SOC |체계"},                                             // Latin word then Hangul word
      {"Compact & Network 구축", "Compact |& |Network |구축"},               // Latin words break at spaces
      {"5대 전략", "5대 |전략"},                                             // number + counter stays whole
      {"국토·도시계획", "국토·|도시계획"},                                    // a line may end after a joining dot (issue 14)
      {"산업·문화·관광 등", "산업·|문화·|관광 |등"},                         // after each of several middle dots
      {"중앙정부-지자체-전문가가", "중앙정부-|지자체-|전문가가"},            // a hyphen may end a line
      {"부울경·충청권·남해안", "부울경·|충청권·|남해안"},                    // from 참고 2
      {"초광역권계획수립지원을위한맞춤형규제혁신방안", "초광역권계획수립지원을위한맞춤형규제혁신방안"},  // 22 syllables, no space
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("a middle dot that joins two words may end a line, never begin one") {
  const Case cases[] = {
      {"적기·적소에 해소하기", "적기·|적소에 |해소하기"},      // seed 000 ③: the break goes after the dot
      {"경제적·사회적·문화적 기회", "경제적·|사회적·|문화적 |기회"},  // seed 000 ②, a list of three
      {"지역ㆍ기업", "지역ㆍ|기업"},                            // U+318D, the dot Korean word processors type
      {"산업・주거", "산업・|주거"},                            // U+30FB katakana middle dot
      {"3·1절", "3·1절"},                                       // between digits the dot stays whole
      {"국토 · 도시", "국토 · |도시"},                          // a spaced dot: never before it
      {"지역·“기업”", "지역·“기업”"},                          // a dot before a quote is not a joining dot
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("brackets and quotes stay with the words they touch") {
  const Case cases[] = {
      {"「미래전략」이다", "「미래전략」이다"},                              // particle after a closing bracket
      {"「지역균형발전포럼」에 참여하여", "「지역균형발전포럼」에 |참여하여"},  // seed 000
      {"한국토지주택공사(LH) 등", "한국토지주택공사(LH) |등"},               // opening bracket after a word
      {"토지주택연구원(LHI)이 주최하는", "토지주택연구원(LHI)이 |주최하는"},   // particle after ')'
      {"“스마트 지역발전 5대 전략”을 통해", "“스마트 |지역발전 |5대 |전략”을 |통해"},  // curly quotes
      {"<스마트 지역발전 5대 전략>", "<스마트 |지역발전 |5대 |전략>"},       // ASCII angle brackets used as brackets
      {"〈발제 1〉 지방대도시권", "〈발제 |1〉 |지방대도시권"},               // CJK angle brackets, seed 001
      {"‘초광역 연계협력’을 주제로", "‘초광역 |연계협력’을 |주제로"},         // single curly quotes
      {"( 국토 )", "( 국토 )"},                                              // an opening bracket never ends a line, a closing one never starts it
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("no line starts with closing punctuation") {
  const Case cases[] = {
      {"정말?! 그래요", "정말?! |그래요"},        // ? and ! stay on the line before
      {"그래요… 좋아요", "그래요… |좋아요"},      // ellipsis
      {"그래요…… 좋아요", "그래요…… |좋아요"},    // a doubled ellipsis never splits
      {"좋아요—네", "좋아요—|네"},                // em dash stays with what precedes it
      {"좋아요——네", "좋아요——|네"},              // a doubled dash never splits
      {"100% 달성", "100% |달성"},                // percent sign stays with its number
      {"가, 나, 다.", "가, |나, |다."},           // comma and full stop
      {"예: 세종", "예: |세종"},                  // colon
      {"국토 ～ 도시", "국토 ～ |도시"},          // full-width tilde after a space
      {"국토、도시", "국토、|도시"},              // ideographic comma
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("a lone bullet or reference mark never ends a line") {
  const Case cases[] = {
      {"※ 해당 구상은", "※ 해당 |구상은"},            // reference mark with its first word
      {"① 초광역권 계획", "① 초광역권 |계획"},          // circled number, seed 000 table
      {"⑤ 소통의 창, 균형발전지원단", "⑤ 소통의 |창, |균형발전지원단"},  // last circled item
      {"①초광역권", "①초광역권"},                       // circled number touching its word
      {"● 국토정책과", "● 국토정책과"},                 // black circle bullet
      {"- (국토계획 패러다임 전환)", "- (국토계획 |패러다임 |전환)"},  // hyphen bullet, seed 000 참고 2
      {"• 과장 정의경", "• 과장 |정의경"},              // bullet, seed 001 header
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("phone numbers and times never break inside") {
  const Case cases[] = {
      {"윤의식 (044-201-3646)", "윤의식 |(044-201-3646)"},        // seed 000 contacts
      {"☎ 044-201-3651에게", "☎ |044-201-3651에게"},              // phone touching a particle
      {"02-2100-3399", "02-2100-3399"},                          // Seoul number
      {"14:00-14:05 참석자 소개", "14:00-14:05 |참석자 |소개"},   // agenda time range, seed 001
      {"14:05~14:30", "14:05~14:30"},                            // tilde range
      {"14:05～14:30", "14:05～14:30"},                          // full-width tilde range
      {"2020. 9. 24.(목)", "2020. |9. |24.(목)"},                 // a date breaks only at its spaces
      {"(044) 201-4950, 3651", "(044) |201-4950, |3651"},         // seed 001 header
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("special spaces and hyphens") {
  const Case cases[] = {
      {"국토\u200B교통부", "국토\u200B|교통부"},    // ZWSP is a break opportunity
      {"발제\u00A01", "발제\u00A01"},               // NBSP forbids the break
      {"국토\u2060 교통", "국토\u2060 |교통"},      // word joiner: no break before the space
      {"10\u202Fkm 이동", "10\u202Fkm |이동"},      // narrow NBSP forbids the break
      {"균형\u00AD발전", "균형\u00AD|발전"},        // a soft hyphen offers a break
      {"（전각）\u3000：\u3000확인？", "（전각）\u3000：\u3000|확인？"},  // an ideographic space hangs: breaks only after it
      {"국토\u2003교통 부", "국토\u2003|교통 |부"},  // an em space breaks after, like a space
      {"국토\t교통", "국토\t|교통"},                // a tab too
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("hard breaks") {
  const Case cases[] = {
      {"국토\n교통", "국토\n‖교통"},              // LF
      {"국토\r\n교통", "국토\r\n‖교통"},          // CRLF is one break
      {"국토\r교통", "국토\r‖교통"},              // CR alone
      {"국토\u2028교통", "국토\u2028‖교통"},      // LINE SEPARATOR
      {"국토\u2029교통", "국토\u2029‖교통"},      // PARAGRAPH SEPARATOR
      {"가\n\n나", "가\n‖\n‖나"},                 // an empty line between paragraphs
  };
  check_all(std::begin(cases), std::end(cases));
}
