#include "render/compositor.hpp"

namespace annae::render {

Surface make_surface(int width_px, int height_px) {
  static std::uintptr_t next_serial = 1;
  Surface s(SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888));
  if (s) s->userdata = reinterpret_cast<void*>(next_serial++);
  return s;
}

std::uintptr_t serial_of(const SDL_Surface& s) { return reinterpret_cast<std::uintptr_t>(s.userdata); }

Surface Compositor::compose(const slides::Scene& scene) {
  Surface out = make_surface(scene.width_px, scene.height_px);
  if (!out) return nullptr;
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(out.get());
  if (!renderer) return nullptr;
  {
    SceneRenderer scene_renderer(renderer, glyphs_);
    scene_renderer.draw(scene);
    SDL_RenderFlush(renderer);
  }
  SDL_DestroyRenderer(renderer);
  return out;
}

}  // namespace annae::render
