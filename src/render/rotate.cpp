#include "render/rotate.hpp"

#include <cstring>

namespace annae::render {

Surface rotated(const SDL_Surface& page, int degrees) {
  degrees = ((degrees % 360) + 360) % 360;
  const bool sideways = degrees == 90 || degrees == 270;
  Surface out = make_surface(sideways ? page.h : page.w, sideways ? page.w : page.h);
  if (!out) return nullptr;
  const int w = page.w, h = page.h;
  const auto src = [&](int x, int y) {
    return reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(page.pixels) + y * page.pitch)[x];
  };
  auto* dst = static_cast<Uint8*>(out->pixels);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      int ox = x, oy = y;
      switch (degrees) {
        case 90: ox = h - 1 - y, oy = x; break;   // clockwise
        case 180: ox = w - 1 - x, oy = h - 1 - y; break;
        case 270: ox = y, oy = w - 1 - x; break;
        default: break;
      }
      reinterpret_cast<Uint32*>(dst + oy * out->pitch)[ox] = src(x, y);
    }
  }
  return out;
}

OutputMotion motion_for_rotation(int degrees) {
  switch (((degrees % 360) + 360) % 360) {
    case 90: return {true, 1};     // logical left is output up
    case 180: return {false, -1};  // logical left is output right
    case 270: return {true, -1};   // logical left is output down
    default: return {false, 1};
  }
}

}  // namespace annae::render
