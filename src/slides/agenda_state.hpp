#pragma once
// The live state of an agenda by the wall clock: which row is on now and
// which comes next. Pure: the clock is a parameter.
#include <optional>
#include <vector>

#include "content/model.hpp"

namespace annae::slides {

// Where the event day stands. Only the agenda's own day has a phase other
// than `other_day`.
enum class AgendaPhase { other_day, before, running, after };

struct AgendaStatus {
  AgendaPhase phase = AgendaPhase::other_day;
  std::optional<std::size_t> current;  // the row in progress ("진행 중")
  std::optional<std::size_t> next;     // the row after it, or the first row still to come ("다음")
  std::vector<bool> past;              // per row: it has ended (all false on other days)
  int start_minutes = 0;               // when the first row starts (for "14:00 시작")
  int minutes_to_start = 0;            // before: how long until then
};

// `now` is local time in the agenda's event time zone. Nothing is
// highlighted on any day but the agenda's date (or when it has none).
// Rows are taken in time order; a row is current while start <= now < end.
AgendaStatus agenda_status(const content::AgendaSlide& agenda, const std::optional<content::Date>& event_date,
                           const text::CivilTime& now);

}  // namespace annae::slides
