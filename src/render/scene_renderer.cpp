#include "render/scene_renderer.hpp"

#include <algorithm>
#include <cmath>

namespace annae::render {

SceneRenderer::SceneRenderer(SDL_Renderer* renderer, text::GlyphCache& glyphs, DecodedImages& images)
    : renderer_(renderer), atlas_(renderer, glyphs), shapes_(renderer), images_(images) {}

SceneRenderer::~SceneRenderer() {
  for (auto& [_, t] : textures_) {
    if (t) SDL_DestroyTexture(t);
  }
}

void SceneRenderer::draw(const slides::Scene& scene, bool paint_background) {
  if (paint_background) {
    const auto& bg = scene.background;
    SDL_SetRenderDrawColor(renderer_, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(renderer_);
  }
  for (const auto& item : scene.items) {
    if (const auto* fill = std::get_if<slides::FillItem>(&item)) shapes_.fill(*fill);
    if (const auto* text = std::get_if<slides::TextItem>(&item)) draw_text(*text);
    if (const auto* image = std::get_if<slides::ImageItem>(&item)) draw_image(*image);
  }
}

void SceneRenderer::draw_image(const slides::ImageItem& image) {
  const auto& box = image.rect;
  const SDL_Surface* decoded = images_.get(image);
  if (!decoded) return;
  SDL_Texture*& texture = textures_[decoded];
  if (!texture) texture = SDL_CreateTextureFromSurface(renderer_, const_cast<SDL_Surface*>(decoded));
  if (!texture) return;
  int tw = 0, th = 0;
  SDL_QueryTexture(texture, nullptr, nullptr, &tw, &th);
  if (tw <= 0 || th <= 0) return;
  const float sx = box.w / static_cast<float>(tw), sy = box.h / static_cast<float>(th);
  SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
  SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
  if (image.fit == slides::ImageFit::contain) {
    const float s = std::min(sx, sy);
    const SDL_FRect dst{box.x + (box.w - tw * s) / 2, box.y + (box.h - th * s) / 2, tw * s, th * s};
    SDL_RenderCopyF(renderer_, texture, nullptr, &dst);
  } else {  // cover: crop the source to the box's aspect ratio
    const float s = std::max(sx, sy);
    const float src_w = box.w / s, src_h = box.h / s;
    const SDL_Rect src{static_cast<int>((tw - src_w) / 2), static_cast<int>((th - src_h) / 2), static_cast<int>(src_w),
                       static_cast<int>(src_h)};
    const SDL_FRect dst{box.x, box.y, box.w, box.h};
    SDL_RenderCopyF(renderer_, texture, &src, &dst);
  }
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
