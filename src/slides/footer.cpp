#include "slides/footer.hpp"

#include <algorithm>
#include <cmath>

#include "slides/korean_date.hpp"

namespace annae::slides {

void add_footer(Scene& scene, const LayoutContext& ctx, const FooterInfo& info) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const Rect f = m.footer;
  if (f.h <= 0) return;
  fill(scene, {f.x, f.y, f.w, std::max(1.0f, std::round(m.unit_px * 0.0015f))}, p.rule);
  // The clock is what a passer-by looks for: a step larger than the rest.
  const auto style = [&](Weight w, text::Align a, Role role = Role::caption) {
    return text_style(ctx, role, w, 1.2f, a);
  };
  // Landscape: one row — left text | progress | date and clock. Portrait: two
  // rows — left text | clock, then progress | date.
  const float row_h = m.portrait ? f.h / 2 : f.h;
  const float top_row = f.y + (m.portrait ? row_h * 0.15f : 0);
  const float bottom_row = m.portrait ? top_row + row_h * 0.85f : top_row;
  const auto centre_y = [&](const TextPtr& t, float row_y) { return std::round(row_y + (row_h - t->height_px) / 2); };

  TextPtr clock, date;
  float clock_w = 0, date_w = 0;
  if (info.show_clock && info.now) {
    clock = lay_text(ctx, clock_text(info.now->minutes), style(Weight::bold, text::Align::start, Role::secondary), f.w);
    date = lay_text(ctx, korean_date(info.now->date), style(Weight::regular, text::Align::start), f.w);
    clock_w = clock->lines.front().width_px;
    date_w = date->lines.front().width_px;
  }
  const float gap = std::round(m.gap_px * 0.6f);
  const float right_w = m.portrait ? clock_w : clock_w + gap + date_w;

  // Progress, as dots for short shows, "3 / 14" when dots would crowd.
  float progress_w = 0;
  const bool dots = info.slide_count <= 12;
  const float d = std::round(m.unit_px * 0.009f), step = d * 2.4f;
  TextPtr counter;
  if (info.show_progress && info.slide_count > 1) {
    if (dots) {
      progress_w = step * static_cast<float>(info.slide_count - 1) + d;
    } else {
      counter = lay_text(ctx, std::to_string(info.slide_index + 1) + " / " + std::to_string(info.slide_count),
                         style(Weight::medium, text::Align::start), f.w);
      progress_w = counter->lines.front().width_px;
    }
  }
  const float progress_x = m.portrait ? f.x : std::round(f.x + (f.w - progress_w) / 2);
  const float progress_row = bottom_row;

  if (!info.left_text.empty()) {
    const float room = m.portrait ? f.w - right_w - 2 * gap : progress_x - f.x - 2 * gap;
    const auto left_style = style(Weight::regular, text::Align::start);
    TextPtr left{std::make_shared<text::TextBlock>(ctx.engine.fit(info.left_text, left_style.text, room,
                                                                  left_style.text.size_px * 1.2f,
                                                                  {m.type.minimum_px(Role::caption), true})),
                 Role::caption, left_style.text.font};
    put(scene, left, f.x, centre_y(left, top_row), p.muted);
  }
  if (progress_w > 0) {
    // A finger-sized target: the footer band down to the screen's edge, at
    // least ~30 % of the width, around the progress.
    const float target_w = std::max(progress_w + 2 * gap, 0.3f * static_cast<float>(scene.width_px));
    const float target_x =
        std::clamp(progress_x + progress_w / 2 - target_w / 2, 0.0f, static_cast<float>(scene.width_px) - target_w);
    scene.hits.push_back({{target_x, f.y, target_w, static_cast<float>(scene.height_px) - f.y}, HitTarget::open_index});
    if (dots) {
      float x = progress_x;
      for (std::size_t i = 0; i < info.slide_count; ++i, x += step) {
        fill(scene, {x, std::round(progress_row + (row_h - d) / 2), d, d}, i == info.slide_index ? p.accent : p.rule,
             d / 2);
      }
    } else {
      put(scene, counter, progress_x, centre_y(counter, progress_row), p.muted);
    }
  }
  if (clock) {
    put(scene, clock, f.right() - clock_w, centre_y(clock, top_row), p.text);
    const float date_x = m.portrait ? f.right() - date_w : f.right() - clock_w - gap - date_w;
    put(scene, date, date_x, centre_y(date, m.portrait ? bottom_row : top_row), p.muted);
  }
}

}  // namespace annae::slides
