#include "slides/compose.hpp"

#include <algorithm>
#include <cmath>

namespace annae::slides {

namespace {

bool light_on_dark(const Palette& p) {
  const auto luma = [](Color c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; };
  return luma(p.text) > luma(p.background);
}

// The style's size (its role's, or one set on it) at composition step `step`, never under the role's minimum.
int size_at(const LayoutContext& ctx, const Style& style, float step) {
  const auto& type = ctx.metrics.type;
  return type.px_at(style.role, step * static_cast<float>(style.text.size_px) / static_cast<float>(type.px(style.role)));
}

std::string screen_name(const Metrics& m) { return std::to_string(m.width_px) + "x" + std::to_string(m.height_px); }

}  // namespace

void put(Scene& scene, const TextPtr& text, float x, float y, Color color) {
  scene.items.emplace_back(std::in_place_type<TextItem>, text.block, x, y, color, text.role, text.font);
}

void fill(Scene& scene, Rect rect, Color color, float radius_px, std::optional<Rect> clip) {
  scene.items.emplace_back(std::in_place_type<FillItem>, rect, color, radius_px, clip.has_value(), clip.value_or(Rect{}));
}

Style text_style(const LayoutContext& ctx, Role role, Weight weight, float line_height, text::Align align,
                 bool heading) {
  if (weight == Weight::regular && light_on_dark(ctx.palette)) weight = Weight::medium;
  Style s;
  s.role = role;
  s.text.font.family = heading && !ctx.heading_font.empty() ? ctx.heading_font : ctx.body_font;
  s.text.font.weight = static_cast<int>(weight);
  s.text.size_px = ctx.metrics.type.px(role);
  s.text.line_height = line_height;
  s.text.align = align;
  // Headings and titles are balanced; running text is set as a paragraph.
  s.text.wrap = role <= Role::heading ? text::Wrap::balance : text::Wrap::pretty;
  return s;
}

TextPtr lay_text(const LayoutContext& ctx, const std::string& utf8, const Style& style, float width_px, float step) {
  text::TextStyle t = style.text;
  t.size_px = size_at(ctx, style, step);
  return {std::make_shared<text::TextBlock>(ctx.engine.layout(utf8, t, width_px)), style.role, t.font};
}

TextPtr fit_text(const LayoutContext& ctx, const content::Text& source, const Style& style, float width_px,
                 float height_px, std::vector<Diagnostic>& issues, float step) {
  const auto& type = ctx.metrics.type;
  text::TextStyle t = style.text;
  t.size_px = size_at(ctx, style, step);
  const int minimum = std::min(t.size_px, type.minimum_px(style.role));
  auto block = ctx.engine.fit(source.value, t, width_px, height_px, {minimum, false});
  const bool fits = !block.broke_inside_word && !block.overflows &&
                    block.height_px <= height_px + 0.5f;
  if (!fits) {
    block = ctx.engine.fit(source.value, t, width_px, height_px, {std::min(minimum, type.floor_px()), true});
    const std::string where = "on a " + screen_name(ctx.metrics) + " screen";
    if (block.truncated) {
      issues.push_back({Severity::warning, source.at.path, source.at.line, source.at.column,
                        "this text is too long for its space " + where +
                            " even at the smallest size, so it is cut off with '…'; shorten it"});
    } else {
      issues.push_back({Severity::warning, source.at.path, source.at.line, source.at.column,
                        "this text fits its space " + where + " only at " + std::to_string(block.size_px) +
                            " px, smaller than " + std::to_string(minimum) +
                            " px, and will be hard to read from across the lobby; shorten it"});
    }
  }
  return {std::make_shared<text::TextBlock>(std::move(block)), style.role, t.font};
}

float put_title(Scene& scene, const LayoutContext& ctx, const content::Text& title, std::vector<Diagnostic>& issues) {
  const auto& m = ctx.metrics;
  const float rule_h = title_rule_px(m);
  fill(scene, {m.content.x, m.content.y, std::round(m.unit_px * 0.06f), rule_h}, ctx.palette.accent);
  float y = m.content.y + rule_h + std::round(m.gap_px * 0.7f);
  if (title.empty()) return y;
  auto style = text_style(ctx, Role::title, Weight::bold, 1.25f, text::Align::start, true);
  auto block = fit_text(ctx, title, style, m.content.w * (m.portrait ? 1.0f : 0.86f), style.text.size_px * 1.25f * 2, issues);
  put(scene, block, m.content.x, y, ctx.palette.text);
  return y + block->height_px + m.gap_px * 1.2f;
}

}  // namespace annae::slides
