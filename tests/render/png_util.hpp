#pragma once
// Reading PNGs back for assertions about what a visitor would see.
#include <SDL_image.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace annae::test {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint32_t> rgb;  // 0xRRGGBB, row-major
  std::uint32_t at(int x, int y) const { return rgb[static_cast<std::size_t>(y * width + x)]; }
};

inline Image load_png(const std::string& path) {
  Image img;
  SDL_Surface* loaded = IMG_Load(path.c_str());
  if (!loaded) return img;
  SDL_Surface* s = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGB888, 0);
  SDL_FreeSurface(loaded);
  img.width = s->w;
  img.height = s->h;
  img.rgb.resize(static_cast<std::size_t>(s->w * s->h));
  for (int y = 0; y < s->h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(s->pixels) + y * s->pitch);
    for (int x = 0; x < s->w; ++x) img.rgb[static_cast<std::size_t>(y * s->w + x)] = row[x] & 0xFFFFFF;
  }
  SDL_FreeSurface(s);
  return img;
}

// Pixels in the rectangle brighter than `threshold` in every channel.
inline int light_pixels(const Image& img, int x0, int y0, int x1, int y1, std::uint32_t threshold = 170) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) {
      const auto c = img.at(x, y);
      n += static_cast<int>((c >> 16 & 0xFF) > threshold && (c >> 8 & 0xFF) > threshold && (c & 0xFF) > threshold);
    }
  }
  return n;
}

}  // namespace annae::test
