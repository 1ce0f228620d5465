#include "render/scene_renderer.hpp"

#include <cmath>

namespace annae::render {

SceneRenderer::SceneRenderer(SDL_Renderer* renderer, text::GlyphCache& glyphs)
    : renderer_(renderer), atlas_(renderer, glyphs) {}

void SceneRenderer::draw(const slides::Scene& scene) {
  const auto& bg = scene.background;
  SDL_SetRenderDrawColor(renderer_, bg.r, bg.g, bg.b, 255);
  SDL_RenderClear(renderer_);
  for (const auto& item : scene.items) {
    if (const auto* fill = std::get_if<slides::FillItem>(&item)) draw_fill(*fill);
    if (const auto* text = std::get_if<slides::TextItem>(&item)) draw_text(*text);
  }
}

void SceneRenderer::draw_fill(const slides::FillItem& fill) {
  SDL_SetRenderDrawBlendMode(renderer_, fill.color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer_, fill.color.r, fill.color.g, fill.color.b, fill.color.a);
  const SDL_FRect rect{fill.rect.x, fill.rect.y, fill.rect.w, fill.rect.h};
  SDL_RenderFillRectF(renderer_, &rect);
}

void SceneRenderer::flush_glyphs() {
  if (!indices_.empty() && atlas_.texture()) {
    SDL_RenderGeometry(renderer_, atlas_.texture(), vertices_.data(), static_cast<int>(vertices_.size()),
                       indices_.data(), static_cast<int>(indices_.size()));
  }
  vertices_.clear();
  indices_.clear();
}

void SceneRenderer::draw_text(const slides::TextItem& item) {
  const text::TextBlock& block = *item.block;
  const SDL_Color color{item.color.r, item.color.g, item.color.b, item.color.a};
  const float inv = 1.0f / static_cast<float>(atlas_.size_px());
  const auto origin_x = item.x_px;
  const auto origin_y = std::round(item.y_px);  // baselines are whole pixels in the block
  for (const auto& g : block.glyphs) {
    const auto pen = text::snap_pen(origin_x + g.x_px);
    const text::GlyphKey key{g.face, g.glyph, static_cast<std::uint16_t>(block.size_px), pen.bin};
    const AtlasSlot* slot = atlas_.slot(key);
    if (!slot) {  // atlas full: draw what is batched, start the atlas over
      flush_glyphs();
      atlas_.clear();
      slot = atlas_.slot(key);
      if (!slot) continue;
    }
    if (slot->src.w == 0) continue;
    const float x0 = static_cast<float>(pen.x_px + slot->left);
    const float y0 = origin_y + g.y_px - static_cast<float>(slot->top);
    const float x1 = x0 + static_cast<float>(slot->src.w);
    const float y1 = y0 + static_cast<float>(slot->src.h);
    const float u0 = static_cast<float>(slot->src.x) * inv, v0 = static_cast<float>(slot->src.y) * inv;
    const float u1 = static_cast<float>(slot->src.x + slot->src.w) * inv;
    const float v1 = static_cast<float>(slot->src.y + slot->src.h) * inv;
    const int base = static_cast<int>(vertices_.size());
    vertices_.push_back({{x0, y0}, color, {u0, v0}});
    vertices_.push_back({{x1, y0}, color, {u1, v0}});
    vertices_.push_back({{x1, y1}, color, {u1, v1}});
    vertices_.push_back({{x0, y1}, color, {u0, v1}});
    for (int k : {0, 1, 2, 0, 2, 3}) indices_.push_back(base + k);
  }
  flush_glyphs();
}

}  // namespace annae::render
