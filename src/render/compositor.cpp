#include "render/compositor.hpp"

#include <cstring>

namespace annae::render {

Surface make_surface(int width_px, int height_px) {
  static std::uintptr_t next_serial = 1;
  Surface s(SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888));
  if (s) s->userdata = reinterpret_cast<void*>(next_serial++);
  return s;
}

std::uintptr_t serial_of(const SDL_Surface& s) { return reinterpret_cast<std::uintptr_t>(s.userdata); }

namespace {

bool draw_into(SDL_Surface* target, const slides::Scene& scene, text::GlyphCache& glyphs, DecodedImages& images,
               bool paint_background) {
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(target);
  if (!renderer) return false;
  {
    SceneRenderer scene_renderer(renderer, glyphs, images);
    scene_renderer.draw(scene, paint_background);
    SDL_RenderFlush(renderer);
  }
  SDL_DestroyRenderer(renderer);
  return true;
}

}  // namespace

Surface Compositor::compose(const slides::Scene& scene) {
  Surface out = make_surface(scene.width_px, scene.height_px);
  if (!out || !draw_into(out.get(), scene, glyphs_, images_, true)) return nullptr;
  return out;
}

Surface Compositor::compose_over(const SDL_Surface& base, const slides::Scene& overlay) {
  Surface out = make_surface(base.w, base.h);
  if (!out) return nullptr;
  for (int y = 0; y < base.h; ++y) {
    std::memcpy(static_cast<Uint8*>(out->pixels) + y * out->pitch,
                static_cast<const Uint8*>(base.pixels) + y * base.pitch, static_cast<std::size_t>(base.w) * 4);
  }
  if (!draw_into(out.get(), overlay, glyphs_, images_, false)) return nullptr;
  return out;
}

}  // namespace annae::render
