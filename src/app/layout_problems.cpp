#include "app/layout_problems.hpp"

#include <algorithm>

#include "app/clock.hpp"
#include "slides/show_view.hpp"

namespace annae::app {

std::pair<int, int> check_screen_px(const content::Show& show) {
  const int rotation = show.settings.screen.rotation_deg;
  return rotation == 90 || rotation == 270 ? std::pair{1080, 1920} : std::pair{1920, 1080};
}

Diagnostics layout_problems(const content::Show& show, text::TextEngine& engine, int width_px, int height_px) {
  Diagnostics problems;
  const auto view = slides::view_for(show, width_px, height_px);
  const auto now = std::chrono::system_clock::now();
  for (std::size_t i = 0; i < show.slides.size(); ++i) {
    const auto pages = slides::layout_show_slide(show, i, engine, view, local_date_time(now, show.slides[i].event.time_zone));
    for (const auto& d : pages.issues) {
      if (std::find(problems.items().begin(), problems.items().end(), d) == problems.items().end()) problems.add(d);
    }
  }
  return problems;
}

}  // namespace annae::app
