#pragma once
// A texture atlas of rasterized glyphs for one SDL_Renderer. Glyph bitmaps
// come from text::GlyphCache and are uploaded once; drawing then batches
// every glyph of a frame into SDL_RenderGeometry calls on this one texture.
//
// Thread: the renderer's thread. The atlas does not own the renderer.
#include <SDL.h>

#include <unordered_map>

#include "text/glyph_cache.hpp"

namespace annae::render {

struct AtlasSlot {
  SDL_Rect src{};      // where the bitmap is in the atlas; w or h 0 for blank glyphs
  int left = 0, top = 0;
};

class GlyphAtlas {
 public:
  GlyphAtlas(SDL_Renderer* renderer, text::GlyphCache& glyphs, int size_px = 1024);
  ~GlyphAtlas();
  GlyphAtlas(const GlyphAtlas&) = delete;
  GlyphAtlas& operator=(const GlyphAtlas&) = delete;

  // The glyph's slot, uploading it on first use. Null when the atlas is
  // full: the caller draws what it batched, calls clear(), and asks again.
  const AtlasSlot* slot(const text::GlyphKey& key);
  void clear();
  SDL_Texture* texture() const { return texture_; }
  int size_px() const { return size_px_; }

 private:
  SDL_Renderer* renderer_;
  text::GlyphCache& glyphs_;
  SDL_Texture* texture_ = nullptr;
  int size_px_;
  int shelf_x_ = 0, shelf_y_ = 0, shelf_h_ = 0;  // shelf packing cursor
  std::unordered_map<text::GlyphKey, AtlasSlot, text::GlyphKeyHash> slots_;
};

}  // namespace annae::render
