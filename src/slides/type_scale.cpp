#include "slides/type_scale.hpp"

#include <algorithm>
#include <cmath>

namespace annae::slides {

TypeScale::TypeScale(float unit_px, float theme_scale) {
  const float k = unit_px / 1080.0f;
  const float scale = std::clamp(theme_scale, 0.5f, 2.0f);
  min_step_ = 0;
  for (const auto& spec : role_table) {
    const auto i = static_cast<std::size_t>(spec.role);
    design_px_[i] = std::max(1, static_cast<int>(std::lround(spec.design_px * k * scale)));
    // Staff who shrink the theme on purpose get what they asked for.
    minimum_px_[i] = std::max(1, static_cast<int>(std::lround(spec.minimum_px * k * std::min(1.0f, scale))));
    min_step_ = std::max(min_step_, static_cast<float>(minimum_px_[i]) / static_cast<float>(design_px_[i]));
  }
  min_step_ = std::min(min_step_, 1.0f);
  floor_px_ = std::max(12, static_cast<int>(std::lround(24 * k)));
}

int TypeScale::px_at(Role role, float step) const {
  const float size = static_cast<float>(px(role)) * step;
  return std::max(minimum_px(role), static_cast<int>(std::lround(size)));
}

}  // namespace annae::slides
