#include "slides/agenda_state.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace annae::slides {

AgendaStatus agenda_status(const content::AgendaSlide& agenda, const std::optional<content::Date>& event_date,
                           const content::LocalDateTime& now) {
  AgendaStatus status;
  const auto date = agenda.date ? agenda.date : event_date;
  if (!date || now.date != *date) return status;
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
