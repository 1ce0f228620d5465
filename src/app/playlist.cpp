#include "app/playlist.hpp"

namespace annae::app {

std::optional<std::size_t> Playlist::first_visible(const content::Show& show, const Visible& visible) {
  for (std::size_t i = 0; i < show.slides.size(); ++i) {
    if (visible(show.slides[i])) return i;
  }
  return std::nullopt;
}

std::optional<Position> Playlist::step(const content::Show& show, Position at, std::size_t page_count, int direction,
                                       const Visible& visible) {
  if (direction > 0 && at.page + 1 < page_count) return Position{at.slide, at.page + 1};
  if (direction < 0 && at.page > 0) return Position{at.slide, at.page - 1};
  const std::size_t n = show.slides.size();
  for (std::size_t k = 1; k <= n; ++k) {
    const std::size_t i = direction > 0 ? (at.slide + k) % n : (at.slide + n - k % n) % n;
    if (visible(show.slides[i])) return Position{i, 0};
  }
  return std::nullopt;
}

}  // namespace annae::app
