// The example shows in content/ are the default run and the staff's model:
// they must load without a single diagnostic and say what the seeds say.
#include <doctest/doctest.h>

#include <variant>

#include "show_fixture.hpp"

namespace fs = std::filesystem;
using namespace annae::content;
using annae::test::examples_dir;
using annae::test::format_all;

namespace {

template <class T>
const T& content_of(const Slide& slide) {
  REQUIRE(std::holds_alternative<T>(slide.content));
  return std::get<T>(slide.content);
}

const Slide& slide_with_id(const Show& show, const std::string& id) {
  for (const auto& slide : show.slides)
    if (slide.id == id) return slide;
  FAIL("no slide " << id);
  return show.slides.front();
}

}  // namespace

TEST_CASE("the example shows load with no diagnostics") {
  struct Case {
    const char* folder;
    std::size_t files;   // show.toml files + slide files
    std::size_t slides;
  };
  const Case cases[] = {
      {"", 18, 15},             // content/: the playlist root plays both events
      {"forum-2023", 9, 8},     // 「지역균형발전포럼」 alone
      {"seminar-2020", 8, 7},   // the 2020 seminar alone
  };
  for (const auto& c : cases) {
    CAPTURE(c.folder);
    const LoadResult result = load_show(examples_dir() / c.folder);
    CHECK(format_all(result.diagnostics) == "");
    CHECK(result.complete());
    CHECK(result.files.size() == c.files);
    REQUIRE(result.show);
    CHECK(result.show->slides.size() == c.slides);
  }
}

TEST_CASE("the default show plays both events in order") {
  const LoadResult result = load_show(examples_dir());
  REQUIRE(result.show);
  struct Expect {
    const char* id;
    SlideKind kind;
  };
  const Expect expected[] = {
      {"forum-2023/010-cover", SlideKind::cover},
      {"forum-2023/020-overview", SlideKind::text},
      {"forum-2023/025-presenters", SlideKind::text},
      {"forum-2023/030-strategies", SlideKind::strategies},
      {"forum-2023/040-strategy-notes-1", SlideKind::text},
      {"forum-2023/050-strategy-notes-2", SlideKind::text},
      {"forum-2023/060-quote", SlideKind::quote},
      {"forum-2023/070-contacts", SlideKind::contacts},
      {"seminar-2020/010-cover", SlideKind::cover},
      {"seminar-2020/015-overview", SlideKind::text},
      {"seminar-2020/020-talks-1", SlideKind::talks},
      {"seminar-2020/030-talks-2", SlideKind::talks},
      {"seminar-2020/040-agenda", SlideKind::agenda},
      {"seminar-2020/050-quote", SlideKind::quote},
      {"seminar-2020/060-contacts", SlideKind::contacts},
  };
  const auto& slides = result.show->slides;
  REQUIRE(slides.size() == std::size(expected));
  for (std::size_t i = 0; i < slides.size(); ++i) {
    CAPTURE(i);
    CHECK(slides[i].id == expected[i].id);
    CHECK(slides[i].kind == expected[i].kind);
    CHECK(slides[i].content.index() == static_cast<std::size_t>(expected[i].kind));
    CHECK(slides[i].source_path == std::string(expected[i].id) + ".toml");
    CHECK(slides[i].play_duration_ms() == 12000);  // [slides] duration = 12 in content/show.toml
  }
  const ShowSettings& settings = result.show->settings;
  CHECK(settings.includes == std::vector<std::string>{"forum-2023", "seminar-2020"});
  CHECK(settings.transition.kind == TransitionKind::fade);
  CHECK(settings.transition.duration_ms == 600);
  CHECK(settings.touch_idle_timeout_ms == 30000);
  CHECK(result.show->root_dir == fs::canonical(examples_dir()));
}

TEST_CASE("each event keeps its own date, time and time zone") {
  const LoadResult result = load_show(examples_dir());
  REQUIRE(result.show);
  const Slide& forum = slide_with_id(*result.show, "forum-2023/010-cover");
  CHECK(forum.event.title.value == "지역균형발전포럼");
  CHECK(forum.event.time_zone == "Asia/Seoul");
  const CoverSlide& forum_cover = content_of<CoverSlide>(forum);
  CHECK(forum_cover.date == Date{2023, 9, 26});
  CHECK(day_of_week(*forum_cover.date) == 2);  // (화)
  CHECK(forum_cover.time_minutes == 14 * 60);
  CHECK(forum_cover.venue.value == "세종컨벤션센터");
  CHECK(forum_cover.host.value == "주최 한국토지주택공사 토지주택연구원(LHI)\n참여 국토교통부");
  CHECK(forum_cover.venue.at == SourcePos{"forum-2023/010-cover.toml", 5, 9});

  const Slide& seminar = slide_with_id(*result.show, "seminar-2020/010-cover");
  const CoverSlide& seminar_cover = content_of<CoverSlide>(seminar);
  CHECK(seminar_cover.date == Date{2020, 9, 25});
  CHECK(day_of_week(*seminar_cover.date) == 5);  // (금)
  CHECK(seminar_cover.time_minutes == 14 * 60);
  CHECK(seminar_cover.venue.value == "국토연구원 대회의실");
  CHECK(seminar_cover.subtitle.value == "국토교통부-국토연구원 균형발전 세미나");

  const AgendaSlide& agenda = content_of<AgendaSlide>(slide_with_id(*result.show, "seminar-2020/040-agenda"));
  CHECK(agenda.date == Date{2020, 9, 25});  // the seminar's date, not the forum's
}

TEST_CASE("the seminar agenda runs 14:00–16:10 as the seed's table and body say") {
  const LoadResult result = load_show(examples_dir() / "seminar-2020");
  REQUIRE(result.show);
  const AgendaSlide& agenda = content_of<AgendaSlide>(slide_with_id(*result.show, "040-agenda"));
  struct Row {
    const char* start;
    const char* end;
    const char* title;
  };
  const Row rows[] = {
      {"14:00", "14:05", "참석자 소개 및 행사 개요 설명"},
      {"14:05", "14:10", "인사말씀"},
      {"14:10", "15:10", "주제발표"},
      {"15:10", "15:20", "휴식"},
      {"15:20", "16:00", "토론"},
      {"16:00", "16:05", "마무리말씀"},
      {"16:05", "16:10", "폐회"},
  };
  REQUIRE(agenda.rows.size() == std::size(rows));
  auto minutes = [](const char* hhmm) { return ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0'); };
  for (std::size_t i = 0; i < agenda.rows.size(); ++i) {
    CAPTURE(i);
    CHECK(agenda.rows[i].start_minutes == minutes(rows[i].start));
    CHECK(agenda.rows[i].end_minutes == minutes(rows[i].end));
    CHECK(agenda.rows[i].title.value == rows[i].title);
  }
  // presenters from the body text, not the garbled table
  const auto& talks_row = agenda.rows[2];
  REQUIRE(talks_row.people.size() == 4);
  CHECK(talks_row.people[0].value == "윤정란 (토지주택연구원)");
  CHECK(talks_row.people[3].value == "양철수 (광주전남연구원)");
  CHECK(agenda.rows[4].people[0].value == "좌장 강현수 (국토연구원 원장)");
}

TEST_CASE("strategies, talks, quotes and contacts say what the seeds say") {
  const LoadResult result = load_show(examples_dir());
  REQUIRE(result.show);
  const Show& show = *result.show;

  const StrategiesSlide& strategies = content_of<StrategiesSlide>(slide_with_id(show, "forum-2023/030-strategies"));
  CHECK(strategies.title.value == "스마트 지역발전 5대 전략");
  struct Item {
    const char* marker;
    const char* heading;
  };
  const Item items[] = {{"①", "초광역권 계획"},
                        {"②", "Compact & Network 구축"},
                        {"③", "맞춤형 규제혁신"},
                        {"④", "과학과 실증 기반 국토정책"},
                        {"⑤", "소통의 창, 균형발전지원단"}};
  REQUIRE(strategies.items.size() == std::size(items));
  for (std::size_t i = 0; i < strategies.items.size(); ++i) {
    CAPTURE(i);
    CHECK(strategies.items[i].marker.value == items[i].marker);
    CHECK(strategies.items[i].heading.value == items[i].heading);
    CHECK(strategies.items[i].body.value.find(" ,") == std::string::npos);  // the seed's stray spaces are cleaned
  }
  CHECK(strategies.items[2].body.value ==
        "기업성장 걸림돌을 해소하기 위한 개발제한구역 규제 유연화, 토지이용규제 개선, 도시계획 3종 혁신 등을 통해 규제를 혁신");

  const TextSlide& notes = content_of<TextSlide>(slide_with_id(show, "forum-2023/040-strategy-notes-1"));
  REQUIRE(notes.bullets.size() == 2);
  CHECK(notes.bullets[0].children.size() == 2);
  CHECK(notes.bullets[1].children[0].value.starts_with("(기회의 창조)"));
  REQUIRE(notes.notes.size() == 1);
  CHECK(notes.notes[0].value.starts_with("해당 구상은"));  // the ※ is drawn by the layout

  const QuoteSlide& quote = content_of<QuoteSlide>(slide_with_id(show, "forum-2023/060-quote"));
  CHECK(quote.speaker.value == "김오진");
  CHECK(quote.role.value == "국토교통부 1차관");

  const QuoteSlide& seminar_quote = content_of<QuoteSlide>(slide_with_id(show, "seminar-2020/050-quote"));
  CHECK(seminar_quote.speaker.value == "박무익");
  CHECK(seminar_quote.text.value.find('\n') != std::string::npos);  // two sentences, two lines

  const TalksSlide& talks = content_of<TalksSlide>(slide_with_id(show, "seminar-2020/020-talks-1"));
  REQUIRE(talks.items.size() == 2);
  CHECK(talks.items[0].label.value == "발제 1");
  CHECK(talks.items[0].presenter.value == "윤정란 수석연구원");
  CHECK(talks.items[0].institute.value == "토지주택연구원(LHI)");
  const TalksSlide& talks2 = content_of<TalksSlide>(slide_with_id(show, "seminar-2020/030-talks-2"));
  CHECK(talks2.items[0].title.value == "동남권 메가시티 프로젝트");  // the body's 동남권, not the table's 동상권
  CHECK(talks2.items[1].institute.value == "광주전남연구원");

  const ContactsSlide& forum_contacts = content_of<ContactsSlide>(slide_with_id(show, "forum-2023/070-contacts"));
  CHECK(forum_contacts.department.value == "국토교통부 국토정책관 국토정책과");
  struct Person {
    const char* role;
    const char* name;
    const char* phone;
  };
  const Person people[] = {{"과장", "윤의식", "044-201-3646"},
                           {"서기관", "김종성", "044-201-4733"},
                           {"사무관", "신용화", "044-201-3651"},
                           {"주무관", "주희규", "044-201-4952"}};
  REQUIRE(forum_contacts.people.size() == std::size(people));
  for (std::size_t i = 0; i < std::size(people); ++i) {
    CAPTURE(i);
    CHECK(forum_contacts.people[i].role.value == people[i].role);
    CHECK(forum_contacts.people[i].name.value == people[i].name);
    CHECK(forum_contacts.people[i].phone.value == people[i].phone);
  }

  const ContactsSlide& seminar_contacts = content_of<ContactsSlide>(slide_with_id(show, "seminar-2020/060-contacts"));
  CHECK(seminar_contacts.people.size() == 3);
  CHECK(seminar_contacts.people[2].name.value == "문수빈");
  CHECK(seminar_contacts.people[2].phone.value == "044-201-3651");
  CHECK(seminar_contacts.note.value == "☎ 044-201-4950, 044-201-3651");
}
