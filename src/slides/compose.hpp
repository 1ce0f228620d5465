#pragma once
// Shared pieces of every slide layout: text styles from the type scale,
// placing text blocks into a Scene, reporting text that had to be cut.
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
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
  text::CivilTime now;  // wall clock in the slide's event time zone
};

// A laid-out text block with the role it was set in. Never null once laid
// out; a default-constructed one (an absent subtitle) tests false.
struct TextPtr {
  std::shared_ptr<const text::TextBlock> block;
  Role role = Role::body;
  text::FontRequest font;

  const text::TextBlock* operator->() const { return block.get(); }
  const text::TextBlock& operator*() const { return *block; }
  explicit operator bool() const { return block != nullptr; }
};

enum class Weight { regular = 400, medium = 500, bold = 700 };

// A text style in a role of the type scale. Light text on a dark background
// is set one weight heavier (regular becomes medium where the font has it):
// thin strokes bloom away on a bright screen.
struct Style {
  Role role = Role::body;
  text::TextStyle text;
};

Style text_style(const LayoutContext& ctx, Role role, Weight weight, float line_height = 1.45f,
                 text::Align align = text::Align::start, bool heading = false);

// Lays text out (no fitting) at its role's size at composition step `step`
// (1 = design size), never below the role's minimum.
TextPtr lay_text(const LayoutContext& ctx, const std::string& utf8, const Style& style, float width_px,
                 float step = 1.0f);

// Fits text into a box, from the role's size down to its minimum. Text that
// fits only below the minimum is set smaller with a warning (it will be hard
// to read across the lobby); text that does not fit even at the absolute
// floor is cut with '…' and warned about. Warnings carry the text's source
// position so staff learn which text to shorten.
TextPtr fit_text(const LayoutContext& ctx, const content::Text& source, const Style& style, float width_px,
                 float height_px, std::vector<Diagnostic>& issues, float step = 1.0f);

void put(Scene& scene, const TextPtr& text, float x, float y, Color color);

// A filled shape: a rectangle with `radius_px` corners (a pill or a disc
// when the radius is half the height), drawn with anti-aliased edges; only
// the part inside `clip` (when given) is drawn, so an accent bar can follow
// its card's rounded corner.
void fill(Scene& scene, Rect rect, Color color, float radius_px = 0, std::optional<Rect> clip = std::nullopt);

// The height of the accent rule above a slide title.
inline float title_rule_px(const Metrics& m) { return std::max(3.0f, std::round(m.unit_px * 0.006f)); }

// The slide title with its accent rule; returns the y where content starts below it.
float put_title(Scene& scene, const LayoutContext& ctx, const content::Text& title, std::vector<Diagnostic>& issues);

// The first line's baseline from the block's top; 0 for a block with no lines (empty text).
// True when every word of the text is whole and inside its box (see
// FlowBlock::whole).
inline bool set_whole(const TextPtr& text) { return !text || (!text->broke_inside_word && !text->overflows); }

inline float first_baseline(const TextPtr& text) {
  return text->lines.empty() ? 0.0f : text->lines.front().baseline_px;
}

}  // namespace annae::slides
