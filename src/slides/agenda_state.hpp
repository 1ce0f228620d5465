#pragma once
// The live state of an agenda by the wall clock: which row is on now and
// which comes next. Pure: the clock is a parameter.
#include <optional>

#include "content/model.hpp"

namespace annae::slides {

struct AgendaStatus {
  std::optional<std::size_t> current;  // the row in progress ("진행 중")
  std::optional<std::size_t> next;     // the row after it, or the first row still to come ("다음")
};

// `now` is local time in the agenda's event time zone. Nothing is
// highlighted on any day but the agenda's date (or when it has none).
// Rows are taken in time order; a row is current while start <= now < end.
AgendaStatus agenda_status(const content::AgendaSlide& agenda, const std::optional<content::Date>& event_date,
                           const content::LocalDateTime& now);

}  // namespace annae::slides
