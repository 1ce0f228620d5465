#include "render/headless.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include "render/scene_renderer.hpp"

namespace annae::render {

std::string render_png(const slides::Scene& scene, text::GlyphCache& glyphs, const std::filesystem::path& out) {
  if (scene.width_px <= 0 || scene.height_px <= 0) return "the image size must be positive";
  SDL_Surface* surface =
      SDL_CreateRGBSurfaceWithFormat(0, scene.width_px, scene.height_px, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!surface) return std::string("cannot allocate the image: ") + SDL_GetError();
  std::string error;
  if (SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface)) {
    {
      SceneRenderer scene_renderer(renderer, glyphs);
      scene_renderer.draw(scene);
      SDL_RenderFlush(renderer);
    }
    SDL_DestroyRenderer(renderer);
    if (IMG_SavePNG(surface, out.c_str()) != 0) error = "cannot write " + out.string() + ": " + IMG_GetError();
  } else {
    error = std::string("cannot create a software renderer: ") + SDL_GetError();
  }
  SDL_FreeSurface(surface);
  return error;
}

}  // namespace annae::render
