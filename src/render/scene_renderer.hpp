#pragma once
// Draws a slides::Scene with an SDL_Renderer: the same code for the screen
// and for headless PNGs.
//
// Thread: the renderer's thread. Does not own the renderer or the cache.
#include <SDL.h>

#include <map>
#include <vector>

#include "render/glyph_atlas.hpp"
#include "render/decoded_images.hpp"
#include "render/shape_painter.hpp"
#include "slides/scene.hpp"

namespace annae::render {

class SceneRenderer {
 public:
  // Images come decoded from `images`, which outlives this renderer.
  SceneRenderer(SDL_Renderer* renderer, text::GlyphCache& glyphs, DecodedImages& images);
  ~SceneRenderer();

  // Draws the scene into the renderer's current target (first painting its
  // background, unless drawing an overlay). Does not present.
  void draw(const slides::Scene& scene, bool paint_background = true);

 private:
  void draw_text(const slides::TextItem& text);
  void draw_image(const slides::ImageItem& image);
  void flush_glyphs();

  SDL_Renderer* renderer_;
  GlyphAtlas atlas_;
  ShapePainter shapes_;
  DecodedImages& images_;
  std::map<const SDL_Surface*, SDL_Texture*> textures_;  // uploads for this renderer
  std::vector<SDL_Vertex> vertices_;
  std::vector<int> indices_;
};

}  // namespace annae::render
