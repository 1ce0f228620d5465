#pragma once
// Turning a composed page for a screen mounted on its side.
#include "render/compositor.hpp"

namespace annae::render {

// `page` turned `degrees` clockwise (0, 90, 180 or 270). Null on failure.
Surface rotated(const SDL_Surface& page, int degrees);

// Where a slide's horizontal motion goes on the output after turning:
// which axis, and +1 or -1 along it.
struct OutputMotion {
  bool vertical = false;
  int sign = 1;
};
OutputMotion motion_for_rotation(int degrees);

}  // namespace annae::render
