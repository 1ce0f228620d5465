#include "render/glyph_atlas.hpp"

#include <vector>

#include "core/log.hpp"

namespace annae::render {

namespace {
constexpr int padding_px = 1;  // keeps bilinear neighbours from bleeding between glyphs
}

GlyphAtlas::GlyphAtlas(SDL_Renderer* renderer, text::GlyphCache& glyphs, int size_px)
    : renderer_(renderer), glyphs_(glyphs), size_px_(size_px) {
  texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, size_px_, size_px_);
  if (!texture_) {
    log::error(std::string("cannot create the glyph atlas texture: ") + SDL_GetError());
    return;
  }
  SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_BLEND);
  clear();
}

GlyphAtlas::~GlyphAtlas() {
  if (texture_) SDL_DestroyTexture(texture_);
}

void GlyphAtlas::clear() {
  slots_.clear();
  shelf_x_ = shelf_y_ = shelf_h_ = 0;
}

const AtlasSlot* GlyphAtlas::slot(const text::GlyphKey& key) {
  if (auto it = slots_.find(key); it != slots_.end()) return &it->second;
  if (!texture_) return nullptr;
  const text::GlyphBitmap& bitmap = glyphs_.get(key);
  AtlasSlot slot;
  slot.left = bitmap.left;
  slot.top = bitmap.top;
  if (bitmap.width > 0 && bitmap.height > 0) {
    const int w = bitmap.width + padding_px, h = bitmap.height + padding_px;
    if (w > size_px_ || h > size_px_) {
      log::once(log::Level::warning, "a glyph is larger than the glyph atlas; it is not drawn");
      return &slots_.emplace(key, slot).first->second;
    }
    if (shelf_x_ + w > size_px_) {  // next shelf
      shelf_y_ += shelf_h_;
      shelf_x_ = 0;
      shelf_h_ = 0;
    }
    if (shelf_y_ + h > size_px_) return nullptr;  // full
    slot.src = {shelf_x_, shelf_y_, bitmap.width, bitmap.height};
    // White pixels whose alpha is the coverage: vertex colours tint them.
    std::vector<Uint32> pixels(static_cast<std::size_t>(bitmap.width) * static_cast<std::size_t>(bitmap.height));
    for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = (Uint32{bitmap.coverage[i]} << 24) | 0x00FFFFFFu;
    SDL_UpdateTexture(texture_, &slot.src, pixels.data(), bitmap.width * 4);
    shelf_x_ += w;
    shelf_h_ = std::max(shelf_h_, h);
  }
  return &slots_.emplace(key, slot).first->second;
}

}  // namespace annae::render
