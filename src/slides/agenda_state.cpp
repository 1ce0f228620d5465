#include "slides/agenda_state.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace annae::slides {

AgendaStatus agenda_status(const content::AgendaSlide& agenda, const std::optional<content::Date>& event_date,
                           const text::CivilTime& now) {
  AgendaStatus status;
  status.past.assign(agenda.rows.size(), false);
  const auto date = agenda.date ? agenda.date : event_date;
  if (!date || now.date != *date || agenda.rows.empty()) return status;
  int first_start = agenda.rows.front().start_minutes, last_end = 0;
  for (std::size_t i = 0; i < agenda.rows.size(); ++i) {
    const auto& row = agenda.rows[i];
    status.past[i] = row.end_minutes <= now.minutes;
    first_start = std::min(first_start, row.start_minutes);
    last_end = std::max(last_end, row.end_minutes);
  }
  status.start_minutes = first_start;
  status.phase = now.minutes < first_start ? AgendaPhase::before
                 : now.minutes >= last_end ? AgendaPhase::after
                                           : AgendaPhase::running;
  if (status.phase == AgendaPhase::before) status.minutes_to_start = first_start - now.minutes;
  std::vector<std::size_t> order(agenda.rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return agenda.rows[a].start_minutes < agenda.rows[b].start_minutes;
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& row = agenda.rows[order[k]];
    if (row.start_minutes <= now.minutes && now.minutes < row.end_minutes) {
      status.current = order[k];
      if (k + 1 < order.size()) status.next = order[k + 1];
      return status;
    }
    if (now.minutes < row.start_minutes) {  // between rows or before the first: only "next"
      status.next = order[k];
      return status;
    }
  }
  return status;
}

}  // namespace annae::slides
