#include "slides/compose.hpp"

#include <algorithm>
#include <cmath>

namespace annae::slides {

void put(Scene& scene, const TextPtr& block, float x, float y, Color color) {
  scene.items.emplace_back(std::in_place_type<TextItem>, block, x, y, color);
}

void fill(Scene& scene, Rect rect, Color color, float radius_px) {
  scene.items.emplace_back(std::in_place_type<FillItem>, rect, color, radius_px);
}

int scaled(int size_px, float scale, int floor_px) {
  return std::max(floor_px, static_cast<int>(std::lround(static_cast<float>(size_px) * scale)));
}

text::TextStyle text_style(const LayoutContext& ctx, int size_px, Weight weight, float line_height, text::Align align,
                           bool heading) {
  text::TextStyle s;
  s.font.family = heading && !ctx.heading_font.empty() ? ctx.heading_font : ctx.body_font;
  s.font.weight = static_cast<int>(weight);
  s.size_px = size_px;
  s.line_height = line_height;
  s.align = align;
  return s;
}

TextPtr lay_text(const LayoutContext& ctx, const std::string& utf8, text::TextStyle style, float width_px,
                 float scale) {
  style.size_px = scaled(style.size_px, scale, std::min(style.size_px, ctx.metrics.type.floor_px));
  return std::make_shared<text::TextBlock>(ctx.engine.layout(utf8, style, width_px));
}

TextPtr fit_text(const LayoutContext& ctx, const content::Text& source, text::TextStyle style, float width_px,
                 float height_px, std::vector<Diagnostic>& issues) {
  const int floor = std::min(style.size_px, ctx.metrics.type.floor_px);
  auto block = std::make_shared<text::TextBlock>(
      ctx.engine.fit(source.value, style, width_px, height_px, {floor, true}));
  if (block->truncated) {
    issues.push_back({Severity::warning, source.at.path, source.at.line, source.at.column,
                      "this text is too long for its space on a " + std::to_string(ctx.metrics.width_px) + "x" +
                          std::to_string(ctx.metrics.height_px) +
                          " screen even at the smallest size, so it is cut off with '…'; shorten it"});
  }
  return block;
}

float put_title(Scene& scene, const LayoutContext& ctx, const content::Text& title, std::vector<Diagnostic>& issues) {
  const auto& m = ctx.metrics;
  const float rule_h = std::max(3.0f, std::round(m.unit_px * 0.006f));
  fill(scene, {m.content.x, m.content.y, std::round(m.unit_px * 0.06f), rule_h}, ctx.palette.accent);
  float y = m.content.y + rule_h + std::round(m.gap_px * 0.7f);
  if (title.empty()) return y;
  auto style = text_style(ctx, m.type.title_px, Weight::bold, 1.25f, text::Align::start, true);
  auto block = fit_text(ctx, title, style, m.content.w * (m.portrait ? 1.0f : 0.86f), style.size_px * 1.25f * 2, issues);
  put(scene, block, m.content.x, y, ctx.palette.text);
  return y + block->height_px + m.gap_px * 1.2f;
}

}  // namespace annae::slides
