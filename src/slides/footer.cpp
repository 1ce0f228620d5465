#include "slides/footer.hpp"

#include <algorithm>
#include <cmath>

#include "slides/korean_date.hpp"

namespace annae::slides {

namespace {

// The footer's rows. Landscape: one row — left text | progress | date and
// clock. Portrait: two rows — left text | clock, then progress | date.
struct FooterRows {
  float row_h = 0;
  float top_row = 0;
  float bottom_row = 0;
  // The y that centres t vertically in the row starting at row_y.
  float centre_y(const TextPtr& t, float row_y) const { return std::round(row_y + (row_h - t->height_px) / 2); }
};

FooterRows footer_rows(const Metrics& m, const Rect& f) {
  FooterRows rows;
  rows.row_h = m.portrait ? f.h / 2 : f.h;
  rows.top_row = f.y + (m.portrait ? rows.row_h * 0.15f : 0);
  rows.bottom_row = m.portrait ? rows.top_row + rows.row_h * 0.85f : rows.top_row;
  return rows;
}

Style footer_style(const LayoutContext& ctx, Weight w, text::Align a, Role role = Role::caption) {
  return text_style(ctx, role, w, 1.2f, a);
}

// Progress, as dots for short shows, "3 / 14" when dots would crowd; width 0 when not shown.
struct Progress {
  bool dots = false;
  float d = 0;     // a dot's diameter
  float step = 0;  // from one dot to the next
  TextPtr counter;
  float width = 0;
};

Progress measure_progress(const LayoutContext& ctx, const FooterInfo& info, const Rect& f) {
  const auto& m = ctx.metrics;
  Progress progress;
  progress.dots = info.slide_count <= 12;
  progress.d = std::round(m.unit_px * 0.009f);
  progress.step = progress.d * 2.4f;
  if (info.show_progress && info.slide_count > 1) {
    if (progress.dots) {
      progress.width = progress.step * static_cast<float>(info.slide_count - 1) + progress.d;
    } else {
      progress.counter = lay_text(ctx, std::to_string(info.slide_index + 1) + " / " + std::to_string(info.slide_count),
                                  footer_style(ctx, Weight::medium, text::Align::start), f.w);
      progress.width = progress.counter->lines.front().width_px;
    }
  }
  return progress;
}

// The left text, fitted into `room` at the start of the top row.
void put_left_text(Scene& scene, const LayoutContext& ctx, const FooterInfo& info, const Rect& f,
                   const FooterRows& rows, float room) {
  const auto& m = ctx.metrics;
  const auto left_style = footer_style(ctx, Weight::regular, text::Align::start);
  TextPtr left{std::make_shared<text::TextBlock>(ctx.engine.fit(info.left_text, left_style.text, room,
                                                                left_style.text.size_px * 1.2f,
                                                                {m.type.minimum_px(Role::caption), true})),
               Role::caption, left_style.text.font};
  put(scene, left, f.x, rows.centre_y(left, rows.top_row), ctx.palette.muted);
}

// The progress at progress_x in the bottom row, with the index's tap target around it.
void put_progress(Scene& scene, const LayoutContext& ctx, const FooterInfo& info, const Rect& f,
                  const FooterRows& rows, const Progress& progress, float progress_x, float gap) {
  const auto& p = ctx.palette;
  const float progress_row = rows.bottom_row;
  // A finger-sized target: the footer band down to the screen's edge, at
  // least ~30 % of the width, around the progress.
  const float target_w = std::max(progress.width + 2 * gap, 0.3f * static_cast<float>(scene.width_px));
  const float target_x =
      std::clamp(progress_x + progress.width / 2 - target_w / 2, 0.0f, static_cast<float>(scene.width_px) - target_w);
  scene.hits.push_back({{target_x, f.y, target_w, static_cast<float>(scene.height_px) - f.y}, HitTarget::open_index});
  if (progress.dots) {
    const float d = progress.d;
    float x = progress_x;
    for (std::size_t i = 0; i < info.slide_count; ++i, x += progress.step) {
      fill(scene, {x, std::round(progress_row + (rows.row_h - d) / 2), d, d}, i == info.slide_index ? p.accent : p.rule,
           d / 2);
    }
  } else {
    put(scene, progress.counter, progress_x, rows.centre_y(progress.counter, progress_row), p.muted);
  }
}

}  // namespace

void add_footer(Scene& scene, const LayoutContext& ctx, const FooterInfo& info) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const Rect f = m.footer;
  if (f.h <= 0) return;
  fill(scene, {f.x, f.y, f.w, std::max(1.0f, std::round(m.unit_px * 0.0015f))}, p.rule);
  const FooterRows rows = footer_rows(m, f);

  // The clock is what a passer-by looks for: a step larger than the rest.
  TextPtr clock, date;
  float clock_w = 0, date_w = 0;
  if (info.show_clock && info.now) {
    clock = lay_text(ctx, clock_text(info.now->minutes), footer_style(ctx, Weight::bold, text::Align::start, Role::secondary),
                     f.w);
    date = lay_text(ctx, korean_date(info.now->date), footer_style(ctx, Weight::regular, text::Align::start), f.w);
    clock_w = clock->lines.front().width_px;
    date_w = date->lines.front().width_px;
  }
  const float gap = std::round(m.gap_px * 0.6f);
  const float right_w = m.portrait ? clock_w : clock_w + gap + date_w;

  const Progress progress = measure_progress(ctx, info, f);
  const float progress_x = m.portrait ? f.x : std::round(f.x + (f.w - progress.width) / 2);

  if (!info.left_text.empty()) {
    const float room = m.portrait ? f.w - right_w - 2 * gap : progress_x - f.x - 2 * gap;
    put_left_text(scene, ctx, info, f, rows, room);
  }
  if (progress.width > 0) put_progress(scene, ctx, info, f, rows, progress, progress_x, gap);
  if (clock) {
    put(scene, clock, f.right() - clock_w, rows.centre_y(clock, rows.top_row), p.text);
    const float date_x = m.portrait ? f.right() - date_w : f.right() - clock_w - gap - date_w;
    put(scene, date, date_x, rows.centre_y(date, m.portrait ? rows.bottom_row : rows.top_row), p.muted);
  }
}

}  // namespace annae::slides
