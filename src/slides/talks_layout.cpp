// Talks: one card per presentation — label, title, presenter and institute,
// summary. Landscape: two cards a row; portrait: one.
#include <algorithm>
#include <cmath>

#include "slides/slide_layout.hpp"

namespace annae::slides {

SlidePages layout_talks(const content::TalksSlide& s, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const std::size_t per_row = m.portrait ? 1 : 2;
  const float col_gap = std::round(m.gap_px * 1.1f);
  const float card_w = (m.content.w - col_gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const float pad = std::round(m.gap_px * 0.9f);
  const float inner_w = card_w - 2 * pad;
  const float radius = std::round(m.unit_px * 0.012f);

  struct Card {
    TextPtr label, title, who, summary;
    float height(float pad_px, float scale) const {
      const float g = pad_px * 0.35f * scale;
      return 2 * pad_px * scale + label->height_px + g + title->height_px + g + who->height_px + g * 1.5f +
             summary->height_px;
    }
  };
  const auto card = [&, items = &s.items](std::size_t i, float scale) {
    const auto& t = (*items)[i];
    Card c;
    c.label = lay_text(ctx, t.label.value, text_style(ctx, m.type.small_px, Weight::bold, 1.3f), inner_w, scale);
    c.title = lay_text(ctx, t.title.value, text_style(ctx, m.type.heading_px, Weight::bold, 1.3f, text::Align::start, true),
                       inner_w, scale);
    std::string who = t.presenter.value;
    if (!t.institute.empty()) who += (who.empty() ? "" : " · ") + t.institute.value;
    c.who = lay_text(ctx, who, text_style(ctx, m.type.small_px, Weight::medium, 1.3f), inner_w, scale);
    c.summary = lay_text(ctx, t.summary.value, text_style(ctx, m.type.small_px, Weight::regular, 1.5f), inner_w, scale);
    return c;
  };

  std::vector<FlowBlock> blocks;
  for (std::size_t first = 0; first < s.items.size(); first += per_row) {
    const std::size_t last = std::min(s.items.size(), first + per_row);
    FlowBlock b;
    b.gap_before_px = col_gap;
    b.measure = [=](float scale) {
      float h = 0;
      for (std::size_t i = first; i < last; ++i) h = std::max(h, card(i, scale).height(pad, scale));
      return h;
    };
    b.place = [=](float scale, float y, Scene& scene) {
      float row_h = 0;
      for (std::size_t i = first; i < last; ++i) row_h = std::max(row_h, card(i, scale).height(pad, scale));
      for (std::size_t i = first; i < last; ++i) {
        const Card c = card(i, scale);
        const float x = m.content.x + static_cast<float>(i - first) * (card_w + col_gap);
        fill(scene, {x, y, card_w, row_h}, p.surface, radius);
        fill(scene, {x, y + radius, std::max(4.0f, std::round(m.unit_px * 0.005f)), row_h - 2 * radius}, p.accent);
        const float g = pad * 0.35f * scale;
        float cy = y + pad * scale;
        put(scene, c.label, x + pad, cy, p.accent);
        cy += c.label->height_px + g;
        put(scene, c.title, x + pad, cy, p.text);
        cy += c.title->height_px + g;
        put(scene, c.who, x + pad, cy, p.text);
        cy += c.who->height_px + g * 1.5f;
        put(scene, c.summary, x + pad, cy, p.muted);
      }
    };
    blocks.push_back(std::move(b));
  }
  return paginate_titled(s.title, blocks, 0.78f, ctx, {});
}

}  // namespace annae::slides
