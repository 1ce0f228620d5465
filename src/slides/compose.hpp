#pragma once
// Shared pieces of every slide layout: text styles from the type scale,
// placing text blocks into a Scene, reporting text that had to be cut.
#include <memory>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "core/diagnostic.hpp"
#include "slides/metrics.hpp"
#include "slides/scene.hpp"
#include "slides/theme.hpp"
#include "text/layout.hpp"

namespace annae::slides {

// What a layout needs; nothing here outlives one layout call.
struct LayoutContext {
  text::TextEngine& engine;
  const Metrics& metrics;
  const Palette& palette;
  std::string body_font;     // family; empty: Noto Sans CJK KR
  std::string heading_font;  // family; empty: the body font
  content::LocalDateTime now;  // wall clock in the slide's event time zone
};

using TextPtr = std::shared_ptr<const text::TextBlock>;

enum class Weight { regular = 400, medium = 500, bold = 700 };

text::TextStyle text_style(const LayoutContext& ctx, int size_px, Weight weight, float line_height = 1.45f,
                           text::Align align = text::Align::start, bool heading = false);

// Lays text out (no fitting) at a size scaled by `scale`, never below the floor.
TextPtr lay_text(const LayoutContext& ctx, const std::string& utf8, text::TextStyle style, float width_px,
                 float scale = 1.0f);

// Fits text into a box; when it had to be cut, adds a warning at the text's
// source position so staff learn which text to shorten.
TextPtr fit_text(const LayoutContext& ctx, const content::Text& source, text::TextStyle style, float width_px,
                 float height_px, std::vector<Diagnostic>& issues);

void put(Scene& scene, const TextPtr& block, float x, float y, Color color);
void fill(Scene& scene, Rect rect, Color color, float radius_px = 0);

// The slide title with its accent rule; returns the y where content starts below it.
float put_title(Scene& scene, const LayoutContext& ctx, const content::Text& title, std::vector<Diagnostic>& issues);

// The first line's baseline from the block's top; 0 for a block with no lines (empty text).
inline float first_baseline(const TextPtr& block) {
  return block->lines.empty() ? 0.0f : block->lines.front().baseline_px;
}

// Scales an integer pixel size, keeping it at or above the floor.
int scaled(int size_px, float scale, int floor_px);

}  // namespace annae::slides
