// The live agenda of the 2020 seminar (seed 001) by the wall clock.
#include <doctest/doctest.h>

#include <filesystem>

#include "content/show_loader.hpp"
#include "slides/agenda_state.hpp"

namespace {

const annae::content::Slide& seminar_agenda(const annae::content::Show& show) {
  for (const auto& s : show.slides) {
    if (s.kind == annae::content::SlideKind::agenda) return s;
  }
  FAIL("the seminar has an agenda slide");
  return show.slides.front();
}

std::string title_of(const annae::content::AgendaSlide& a, std::optional<std::size_t> row) {
  return row ? a.rows[*row].title.value : "-";
}

}  // namespace

TEST_CASE("which row is on now, and which is next") {
  const auto loaded = annae::content::load_show(std::filesystem::path(ANNAE_SOURCE_DIR) / "content/seminar-2020");
  REQUIRE(loaded.show);
  const auto& slide = seminar_agenda(*loaded.show);
  const auto& agenda = std::get<annae::content::AgendaSlide>(slide.content);
  struct Case {
    annae::text::CivilTime now;
    const char* current;
    const char* next;
  };
  const Case cases[] = {
      {{{2020, 9, 25}, 14 * 60 + 20}, "주제발표", "휴식"},         // 14:20: the talks are on, the break is next
      {{{2020, 9, 25}, 13 * 60}, "-", "참석자 소개 및 행사 개요 설명"},  // 13:00: nothing yet; the opening is next
      {{{2020, 9, 25}, 14 * 60}, "참석자 소개 및 행사 개요 설명", "인사말씀"},  // 14:00 exactly: the first row starts
      {{{2020, 9, 25}, 15 * 60 + 10}, "휴식", "토론"},              // 15:10: a row ends as the next begins
      {{{2020, 9, 25}, 16 * 60 + 9}, "폐회", "-"},                 // the last row has no next
      {{{2020, 9, 25}, 16 * 60 + 10}, "-", "-"},                  // after the end: nothing
      {{{2020, 9, 26}, 14 * 60 + 20}, "-", "-"},                  // the day after: nothing highlighted
      {{{2020, 9, 24}, 14 * 60 + 20}, "-", "-"},                  // the day before: nothing highlighted
  };
  for (const auto& c : cases) {
    CAPTURE(c.now.minutes);
    CAPTURE(c.now.date.day);
    const auto status = annae::slides::agenda_status(agenda, slide.event.date, c.now);
    CHECK(title_of(agenda, status.current) == c.current);
    CHECK(title_of(agenda, status.next) == c.next);
  }
}
