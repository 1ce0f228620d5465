// Quote: a large opening mark in the accent colour, the words set big, and
// who said them.
#include <cmath>

#include "slides/slide_layout.hpp"

namespace annae::slides {

SlidePages layout_quote(const content::QuoteSlide& q, const LayoutContext& ctx) {
  SlidePages out;
  const auto& m = ctx.metrics;
  Scene scene = blank_page(ctx);
  // The opening mark hangs in its own column left of the words, at the height of their first line.
  const int mark_px = static_cast<int>(m.type.px(Role::display) * 1.5f);
  auto mark_style = text_style(ctx, Role::display, Weight::bold, 1.0f);
  mark_style.text.size_px = mark_px;
  auto mark = lay_text(ctx, "“", mark_style, static_cast<float>(mark_px));
  const float mark_w = std::round(mark_px * 0.62f);
  const float x = m.content.x + (m.portrait ? 0 : m.content.w * 0.04f) + mark_w;
  const float width = m.content.x + m.content.w * (m.portrait ? 1.0f : 0.9f) - x;

  // The words start as large as the screen allows and shrink to fit.
  // Running text, set as large as the screen allows (up to 1.75 times body size).
  const auto body_style = text_style(ctx, Role::body, Weight::medium, 1.5f);
  auto body = fit_text(ctx, q.text, body_style, width, m.content.h * 0.68f, out.issues, 1.75f);
  auto speaker = lay_text(ctx, q.speaker.value, text_style(ctx, Role::heading, Weight::bold, 1.3f), width);
  TextPtr role;
  if (!q.role.empty()) role = lay_text(ctx, q.role.value, text_style(ctx, Role::body, Weight::regular, 1.3f), width);

  const float rule_gap = m.gap_px * 1.5f;
  const float total = body->height_px + rule_gap + speaker->height_px + (role ? role->height_px : 0);
  float y = std::round(m.content.y + (m.content.h - total) / 2);
  // The mark's top sits on the first line's cap height.
  const float first_top = y + first_baseline(body) - body->size_px * 0.8f;
  put(scene, mark, x - mark_w, first_top - first_baseline(mark) + mark_px * 0.78f, ctx.palette.accent);
  put(scene, body, x, y, ctx.palette.text);
  y += body->height_px + rule_gap;
  fill(scene, {x, y - m.gap_px * 0.6f, std::round(m.unit_px * 0.04f), std::max(3.0f, std::round(m.unit_px * 0.004f))},
       ctx.palette.accent);
  put(scene, speaker, x, y, ctx.palette.text);
  y += speaker->height_px;
  if (role) put(scene, role, x, y, ctx.palette.muted);
  out.pages.push_back(std::move(scene));
  return out;
}

}  // namespace annae::slides
