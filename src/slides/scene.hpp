#pragma once
// A Scene is what one screen shows, as backend-neutral draw operations in
// screen pixels (origin top-left, y down). Layout produces it without any
// window; render/ draws it with SDL. Items draw in order.
#include <cstdint>
#include <memory>
#include <string>
#include <optional>
#include <variant>
#include <vector>

#include "core/confined_dir.hpp"
#include "slides/role.hpp"
#include "text/block.hpp"

namespace annae::slides {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

// A rectangle with rounded corners (radius 0: square; half the shorter
// side: a pill or a disc), drawn with anti-aliased edges. When `clipped`,
// only its part inside `clip` is drawn (an accent bar inside a card).
struct FillItem {
  Rect rect;
  Color color;
  float corner_radius_px = 0;
  bool clipped = false;
  Rect clip;
};

struct TextItem {
  std::shared_ptr<const text::TextBlock> block;  // never null
  float x_px = 0;  // where the block's top-left corner goes
  float y_px = 0;
  Color color;
  Role role = Role::body;  // the type-scale role it was set in (for inspection and tests)
  text::FontRequest font;  // as requested; an empty family is the default (Noto Sans CJK KR)
};

enum class ImageFit { contain, cover };

struct ImageItem {
  std::string path;  // absolute: for messages and cache keys only, never opened
  Rect rect;         // where the image goes; it keeps its aspect ratio inside
  ImageFit fit = ImageFit::contain;
  // render/ reads the bytes (PNG, JPEG, SVG) through the show folder, the
  // content::ImageRef's: nothing outside it is ever opened.
  files::ConfinedDir folder;
  std::string relative;  // inside `folder`, '/'-separated
  std::string version;   // content::ImageRef::version: part of the cache key
};

using SceneItem = std::variant<FillItem, TextItem, ImageItem>;

// A place on the page where a tap means something of its own (the tap
// zones of app/interaction.hpp cover the rest): laid out with what it
// covers, so a touch target can never drift from what is drawn.
enum class HitTarget { open_index };  // the progress dots
struct HitRegion {
  Rect rect;  // scene pixels
  HitTarget target = HitTarget::open_index;
};

struct Scene {
  int width_px = 0;
  int height_px = 0;
  Color background;
  std::vector<SceneItem> items;
  std::vector<HitRegion> hits;
};

// The target under a point in scene pixels, if any.
inline std::optional<HitTarget> hit_at(const std::vector<HitRegion>& hits, float x_px, float y_px) {
  for (const auto& h : hits) {
    if (x_px >= h.rect.x && x_px < h.rect.right() && y_px >= h.rect.y && y_px < h.rect.bottom()) return h.target;
  }
  return std::nullopt;
}

}  // namespace annae::slides
