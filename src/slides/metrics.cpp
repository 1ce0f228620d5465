#include "slides/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace annae::slides {

Metrics metrics_for(int width_px, int height_px, const content::Screen& screen, float size_scale, bool footer_on) {
  Metrics m;
  m.width_px = width_px;
  m.height_px = height_px;
  m.portrait = height_px > width_px;
  m.unit_px = static_cast<float>(std::min(width_px, height_px));
  const float u = m.unit_px;
  const float overscan = std::round(std::clamp(screen.safe_area_fraction, 0.0f, 0.2f) * u);
  m.safe = {overscan, overscan, static_cast<float>(width_px) - 2 * overscan, static_cast<float>(height_px) - 2 * overscan};

  m.type = TypeScale(u, size_scale);
  m.max_step = m.portrait ? 1.5f : 1.3f;

  const float margin_x = std::round(u * (m.portrait ? 0.07f : 0.065f));
  const float margin_top = std::round(u * 0.06f);
  // Portrait screens have height to spare: the footer takes two rows there.
  const float footer_h = footer_on ? std::round(u * (m.portrait ? 0.15f : 0.085f)) : 0.0f;
  const float margin_bottom = footer_on ? 0.0f : std::round(u * 0.05f);
  m.gap_px = std::round(u * 0.028f);
  m.footer = {m.safe.x + margin_x, m.safe.bottom() - footer_h, m.safe.w - 2 * margin_x, footer_h};
  m.content = {m.safe.x + margin_x, m.safe.y + margin_top, m.safe.w - 2 * margin_x,
               m.safe.h - margin_top - footer_h - margin_bottom - (footer_on ? std::round(u * 0.02f) : 0.0f)};
  return m;
}

}  // namespace annae::slides
