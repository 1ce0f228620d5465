// Strategies: numbered rows. Landscape: marker | heading | description in
// columns on a shared top line; portrait: marker and heading over the
// description. Rows grow or shrink to fill one page, else paginate.
#include <cmath>
#include <optional>

#include "slides/slide_layout.hpp"

namespace annae::slides {
namespace {

std::string marker_of(const content::StrategyItem& item) {
  if (!item.marker.empty()) return item.marker.value;
  if (item.number && *item.number >= 1 && *item.number <= 20) {
    std::string s;
    const char32_t c = U'\u2460' + static_cast<char32_t>(*item.number - 1);  // ① ...
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
    return s;
  }
  if (item.number) return std::to_string(*item.number) + ".";
  return {};
}

// ①-⑳ (or a number with no marker) is drawn as a filled disc with a bold
// numeral: a glyph's thin ring does not read across a lobby.
std::optional<int> disc_number(const content::StrategyItem& item) {
  if (item.marker.empty()) {
    if (item.number && *item.number >= 1 && *item.number <= 99) return *item.number;
    return std::nullopt;
  }
  const std::string& m = item.marker.value;
  if (m.size() == 3 && static_cast<unsigned char>(m[0]) == 0xE2 && static_cast<unsigned char>(m[1]) == 0x91) {
    const int c = ((static_cast<unsigned char>(m[0]) & 0x0F) << 12) | ((static_cast<unsigned char>(m[1]) & 0x3F) << 6) |
                  (static_cast<unsigned char>(m[2]) & 0x3F);
    if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  }
  return std::nullopt;
}

std::string points_text(const std::vector<content::Text>& points) {
  std::string s;
  for (const auto& p : points) s += (s.empty() ? "· " : "\n· ") + p.value;
  return s;
}

// The columns of a row. Portrait and 4:3 screens are too narrow for a
// heading column: marker and heading are stacked over the description.
struct StrategyColumns {
  float marker_w = 0;
  bool stacked = false;
  float heading_w = 0;
  float body_x = 0;
  float body_w = 0;
  float pad = 0;
};

StrategyColumns strategy_columns(const Metrics& m) {
  StrategyColumns c;
  c.marker_w = std::round(m.type.px(Role::heading) * 1.9f);
  const float col_gap = std::round(m.gap_px * 1.2f);
  c.stacked = m.portrait || static_cast<float>(m.width_px) < 1.5f * static_cast<float>(m.height_px);
  c.heading_w = c.stacked ? m.content.w - c.marker_w : std::round((m.content.w - c.marker_w) * 0.34f);
  c.body_x = c.stacked ? c.marker_w : c.marker_w + c.heading_w + col_gap;
  c.body_w = m.content.w - c.body_x;
  c.pad = std::round(m.gap_px * 0.55f);
  return c;
}

struct Parts {
  TextPtr marker, heading, body, points;
  bool disc = false;  // marker is a numeral to set on a disc
};

Parts lay_parts(const LayoutContext& ctx, const content::StrategyItem& item, const StrategyColumns& c, float scale) {
  Parts out;
  if (const auto n = disc_number(item)) {
    out.disc = true;
    out.marker = lay_text(ctx, std::to_string(*n),
                          text_style(ctx, Role::heading, Weight::bold, 1.0f, text::Align::center), c.marker_w, scale);
  } else {
    out.marker = lay_text(ctx, marker_of(item), text_style(ctx, Role::heading, Weight::bold, 1.3f), c.marker_w, scale * 1.12f);
  }
  out.heading = lay_text(ctx, item.heading.value, text_style(ctx, Role::heading, Weight::bold, 1.3f, text::Align::start, true),
                         c.heading_w, scale);
  out.body = lay_text(ctx, item.body.value, text_style(ctx, Role::body, Weight::regular, 1.45f), c.body_w, scale);
  if (!item.points.empty()) {
    out.points = lay_text(ctx, points_text(item.points), text_style(ctx, Role::secondary, Weight::regular, 1.45f),
                          c.body_w, scale);
  }
  return out;
}

// The row's height with its padding above and below.
float parts_height(const Parts& x, const StrategyColumns& c, float scale) {
  const float pad = c.pad;
  const float body_h = x.body->height_px + (x.points ? x.points->height_px + pad * 0.5f * scale : 0);
  const float h = c.stacked ? x.heading->height_px + pad * 0.4f * scale + body_h : std::max(x.heading->height_px, body_h);
  return h + 2 * pad * scale;
}

// Draws the row with its top (above the padding) at y.
void put_parts(Scene& scene, const Metrics& m, const Palette& p, const Parts& x, const StrategyColumns& c, float scale,
               float y) {
  const float pad = c.pad;
  const float top = y + pad * scale;
  if (x.disc) {
    // The disc is centred on the heading's first line (its x-height), the numeral in it.
    const float d = std::round(static_cast<float>(x.marker->size_px) * 1.3f);
    const float centre_y = top + first_baseline(x.heading) - 0.36f * static_cast<float>(x.heading->size_px);
    const Rect disc{m.content.x, std::round(centre_y - d / 2), d, d};
    fill(scene, disc, p.accent, d / 2);
    const float numeral_y = centre_y + 0.36f * static_cast<float>(x.marker->size_px) - first_baseline(x.marker);
    put(scene, x.marker, disc.x + (d - c.marker_w) / 2, std::round(numeral_y), p.background);
  } else {
    // The marker and the heading share the heading's first baseline.
    const float marker_y = top + first_baseline(x.heading) - first_baseline(x.marker);
    put(scene, x.marker, m.content.x, marker_y, p.accent);
  }
  put(scene, x.heading, m.content.x + c.marker_w, top, p.text);
  float body_y = c.stacked ? top + x.heading->height_px + pad * 0.4f * scale
                           : top + first_baseline(x.heading) - first_baseline(x.body);
  put(scene, x.body, m.content.x + c.body_x, body_y, c.stacked ? p.text : p.muted);
  if (x.points) put(scene, x.points, m.content.x + c.body_x, body_y + x.body->height_px + pad * 0.5f * scale, p.muted);
}

}  // namespace

SlidePages layout_strategies(const content::StrategiesSlide& s, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const StrategyColumns c = strategy_columns(m);

  std::vector<FlowBlock> blocks;
  for (std::size_t i = 0; i < s.items.size(); ++i) {
    const auto& item = s.items[i];
    FlowBlock b;
    b.measure = [&ctx, &item, c](float scale) { return parts_height(lay_parts(ctx, item, c, scale), c, scale); };
    b.whole = [&ctx, &item, c](float scale) {
      const Parts x = lay_parts(ctx, item, c, scale);
      return set_whole(x.marker) && set_whole(x.heading) && set_whole(x.body) && set_whole(x.points);
    };
    b.separator = [=](float y, Scene& scene) {
      fill(scene, {m.content.x, y, m.content.w, std::max(1.0f, std::round(m.unit_px * 0.0015f))}, p.rule);
    };
    b.place = [&ctx, &item, c](float scale, float y, Scene& scene) {
      put_parts(scene, ctx.metrics, ctx.palette, lay_parts(ctx, item, c, scale), c, scale, y);
    };
    blocks.push_back(std::move(b));
  }
  return paginate_titled(s.title, blocks, {2.0f, m.gap_px * 0.5f, 0.35f}, ctx, {});
}

}  // namespace annae::slides
