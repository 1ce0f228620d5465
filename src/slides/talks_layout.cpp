// Talks: one card per presentation — label, title, presenter and institute,
// summary. Landscape: two cards a row when both summaries fit at the type
// scale's minimum sizes, else one talk a row; portrait: one a row. Cards
// grow to fill the page and their rows spread over it.
#include <algorithm>
#include <cmath>

#include "slides/slide_layout.hpp"

namespace annae::slides {
namespace {

struct Card {
  TextPtr label, title, who, summary;
  float height(float pad_px, float scale) const {
    const float g = pad_px * 0.35f * scale;
    return 2 * pad_px * scale + label->height_px + g + title->height_px + g + who->height_px + g * 1.5f +
           summary->height_px;
  }
};

struct CardGrid {
  std::size_t per_row = 1;
  float card_w = 0, col_gap = 0, pad = 0;
};

Card lay_card(const LayoutContext& ctx, const content::Talk& t, float inner_w, float scale) {
  Card c;
  c.label = lay_text(ctx, t.label.value, text_style(ctx, Role::secondary, Weight::bold, 1.3f), inner_w, scale);
  c.title = lay_text(ctx, t.title.value, text_style(ctx, Role::heading, Weight::bold, 1.3f, text::Align::start, true),
                     inner_w, scale);
  std::string who = t.presenter.value;
  if (!t.institute.empty()) who += (who.empty() ? "" : " · ") + t.institute.value;
  c.who = lay_text(ctx, who, text_style(ctx, Role::body, Weight::medium, 1.3f), inner_w, scale);
  c.summary = lay_text(ctx, t.summary.value, text_style(ctx, Role::secondary, Weight::regular, 1.5f), inner_w, scale);
  return c;
}

void place_card(Scene& scene, const LayoutContext& ctx, const Card& c, Rect card, float pad, float scale) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const float radius = std::round(m.unit_px * 0.014f);
  fill(scene, card, p.surface, radius);
  // The accent bar is the card's own left edge, so it follows the rounded corners.
  fill(scene, card, p.accent, radius, Rect{card.x, card.y, std::max(6.0f, std::round(m.unit_px * 0.007f)), card.h});
  const float g = pad * 0.35f * scale;
  const float x = card.x + pad;
  float cy = card.y + pad * scale;
  put(scene, c.label, x, cy, p.accent);
  cy += c.label->height_px + g;
  put(scene, c.title, x, cy, p.text);
  cy += c.title->height_px + g;
  put(scene, c.who, x, cy, p.text);
  cy += c.who->height_px + g * 1.5f;
  put(scene, c.summary, x, cy, p.muted);
}

std::vector<FlowBlock> card_rows(const content::TalksSlide& s, const LayoutContext& ctx, const CardGrid& grid) {
  const auto& m = ctx.metrics;
  const float inner_w = grid.card_w - 2 * grid.pad;
  std::vector<FlowBlock> blocks;
  for (std::size_t first = 0; first < s.items.size(); first += grid.per_row) {
    const std::size_t last = std::min(s.items.size(), first + grid.per_row);
    const auto cards = [&ctx, &s, first, last, inner_w](float scale) {
      std::vector<Card> out;
      for (std::size_t i = first; i < last; ++i) out.push_back(lay_card(ctx, s.items[i], inner_w, scale));
      return out;
    };
    const auto row_height = [pad = grid.pad](const std::vector<Card>& row, float scale) {
      float h = 0;
      for (const auto& c : row) h = std::max(h, c.height(pad, scale));
      return h;
    };
    FlowBlock b;
    b.gap_before_px = grid.col_gap;
    b.measure = [=](float scale) { return row_height(cards(scale), scale); };
    b.whole = [=](float scale) {
      const auto row = cards(scale);
      return std::all_of(row.begin(), row.end(), [](const Card& c) {
        return set_whole(c.label) && set_whole(c.title) && set_whole(c.who) && set_whole(c.summary);
      });
    };
    b.place = [=, &ctx](float scale, float y, Scene& scene) {
      const auto row = cards(scale);
      const float h = row_height(row, scale);
      for (std::size_t k = 0; k < row.size(); ++k) {
        const float x = m.content.x + static_cast<float>(k) * (grid.card_w + grid.col_gap);
        place_card(scene, ctx, row[k], {x, y, grid.card_w, h}, grid.pad, scale);
      }
    };
    blocks.push_back(std::move(b));
  }
  return blocks;
}

CardGrid grid_of(const Metrics& m, std::size_t per_row) {
  CardGrid g;
  g.per_row = per_row;
  g.col_gap = std::round(m.gap_px * 1.1f);
  g.card_w = (m.content.w - g.col_gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  g.pad = std::round(m.gap_px * 1.1f);
  return g;
}

}  // namespace

SlidePages layout_talks(const content::TalksSlide& s, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const Spread spread{1.5f, 0, 0.4f};
  if (!m.portrait && s.items.size() > 1) {
    // Two a row only when each row of two fits a page at the minimum sizes.
    const auto pairs = card_rows(s, ctx, grid_of(m, 2));
    Scene probe = blank_page(ctx);
    std::vector<Diagnostic> ignored;
    const float height = m.content.bottom() - put_title(probe, ctx, s.title, ignored);
    const bool fits = std::all_of(pairs.begin(), pairs.end(),
                                  [&](const FlowBlock& b) { return b.measure(m.type.min_step()) <= height; });
    if (fits) return paginate_titled(s.title, pairs, spread, ctx, {});
  }
  return paginate_titled(s.title, card_rows(s, ctx, grid_of(m, 1)), spread, ctx, {});
}

}  // namespace annae::slides
