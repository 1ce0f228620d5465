// grab_screen DISPLAY OUT.png — writes what an X server shows to a PNG, so
// a developer can look at the real window (e.g. under Xvfb).
#include <SDL.h>
#include <SDL_image.h>

#include <cstdio>

#include "xvfb.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: grab_screen DISPLAY OUT.png\n");
    return 2;
  }
  const auto grab = annae::test::grab_display(argv[1]);
  if (grab.pixels.empty()) {
    std::fprintf(stderr, "grab_screen: cannot read display %s\n", argv[1]);
    return 1;
  }
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, grab.width, grab.height, 24, SDL_PIXELFORMAT_RGB24);
  for (int y = 0; y < grab.height; ++y) {
    auto* row = static_cast<Uint8*>(s->pixels) + y * s->pitch;
    for (int x = 0; x < grab.width; ++x) {
      const auto& p = grab.at(x, y);
      row[x * 3] = p.r;
      row[x * 3 + 1] = p.g;
      row[x * 3 + 2] = p.b;
    }
  }
  const int rc = IMG_SavePNG(s, argv[2]);
  SDL_FreeSurface(s);
  return rc == 0 ? 0 : 1;
}
