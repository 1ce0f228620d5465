#include "slides/status_scene.hpp"

#include "slides/compose.hpp"

#include <algorithm>
#include <cmath>

namespace annae::slides {
namespace {

constexpr Color ground{0x10, 0x14, 0x1B, 255};
constexpr Color ink{0xF2, 0xF4, 0xF7, 255};
constexpr Color muted{0xA9, 0xB4, 0xC2, 255};
constexpr Color accent{0x4C, 0xB3, 0xD4, 255};

}  // namespace

Scene status_scene(text::TextEngine& engine, int width_px, int height_px, std::string_view headline,
                   std::string_view detail) {
  Scene scene;
  scene.width_px = width_px;
  scene.height_px = height_px;
  scene.background = ground;
  const float unit = static_cast<float>(std::min(width_px, height_px));
  const float margin = std::round(unit * 0.08f);
  const float column = static_cast<float>(width_px) - 2 * margin;

  text::TextStyle title_style;
  title_style.font.weight = 700;
  title_style.size_px = static_cast<int>(std::lround(unit * 0.07f));
  title_style.line_height = 1.25f;
  const TextPtr title{std::make_shared<text::TextBlock>(
      engine.fit(headline, title_style, column, unit * 0.3f, {static_cast<int>(unit * 0.035f), true})), Role::title, title_style.font};

  text::TextStyle body_style;
  body_style.size_px = static_cast<int>(std::lround(unit * 0.032f));
  body_style.line_height = 1.5f;
  const TextPtr body{std::make_shared<text::TextBlock>(
      engine.fit(detail, body_style, column, unit * 0.4f, {static_cast<int>(unit * 0.02f), true})), Role::body, body_style.font};

  const float rule_h = std::max(2.0f, std::round(unit * 0.006f));
  const float gap = std::round(unit * 0.04f);
  const float total = title->height_px + gap + rule_h + gap + body->height_px;
  float y = std::round((static_cast<float>(height_px) - total) / 2);
  put(scene, title, margin, y, ink);
  y += title->height_px + gap;
  fill(scene, {margin, y, std::round(unit * 0.12f), rule_h}, accent);
  y += rule_h + gap;
  put(scene, body, margin, y, muted);
  return scene;
}

Scene text_specimen_scene(const std::shared_ptr<const text::TextBlock>& block, float box_width_px,
                          float box_height_px) {
  constexpr float margin = 40;
  Scene scene;
  scene.width_px = static_cast<int>(std::ceil(box_width_px + 2 * margin));
  scene.height_px = static_cast<int>(std::ceil(std::max(box_height_px, block->height_px) + 2 * margin));
  scene.background = ground;
  fill(scene, {margin, margin, box_width_px, std::max(box_height_px, block->height_px)}, Color{0x1C, 0x23, 0x2D, 255});
  put(scene, TextPtr{block, Role::body, {}}, margin, margin, ink);
  return scene;
}

}  // namespace annae::slides
