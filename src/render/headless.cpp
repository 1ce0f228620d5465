#include "render/headless.hpp"

#include <SDL_image.h>

#include "render/compositor.hpp"

namespace annae::render {

std::string render_png(const slides::Scene& scene, text::GlyphCache& glyphs, const std::filesystem::path& out) {
  if (scene.width_px <= 0 || scene.height_px <= 0) return "the image size must be positive";
  Compositor compositor(glyphs);
  return save_png(compositor.compose(scene).get(), out);
}

std::string save_png(const SDL_Surface* surface, const std::filesystem::path& out) {
  if (!surface) return std::string("cannot draw the image: ") + SDL_GetError();
  if (IMG_SavePNG(const_cast<SDL_Surface*>(surface), out.c_str()) != 0) {
    return "cannot write " + out.string() + ": " + IMG_GetError();
  }
  return {};
}

}  // namespace annae::render
