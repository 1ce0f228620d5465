#include "content/model.hpp"

#include <array>
#include <variant>

namespace annae::content {

int day_of_week(const Date& date) {
  // Sakamoto's method.
  static constexpr std::array<int, 12> offsets = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = date.year;
  if (date.month < 3) y -= 1;
  const int m = date.month >= 1 && date.month <= 12 ? date.month : 1;
  return (y + y / 4 - y / 100 + y / 400 + offsets[static_cast<std::size_t>(m - 1)] + date.day) % 7;
}

std::vector<const ImageRef*> images_of(const Slide& slide) {
  std::vector<const ImageRef*> out;
  if (const auto* cover = std::get_if<CoverSlide>(&slide.content); cover && cover->logo) out.push_back(&*cover->logo);
  if (const auto* image = std::get_if<ImageSlide>(&slide.content)) out.push_back(&image->image);
  return out;
}

}  // namespace annae::content
