#pragma once
// Decoded images (PNG, JPEG; SVG rasterized at the size drawn), kept between
// page compositions so a slide's picture is read and decoded once, not on
// every redraw (the footer clock redraws each minute). Bounded by bytes,
// least recently used first out. A file that cannot be loaded is logged
// once and drawn as nothing.
//
// Thread: the compositing thread. Owns its surfaces.
#include <SDL.h>

#include <cstddef>
#include <list>
#include <string>
#include <utility>

namespace annae::render {

class DecodedImages {
 public:
  explicit DecodedImages(std::size_t budget_bytes = 48u << 20) : budget_bytes_(budget_bytes) {}
  ~DecodedImages();
  DecodedImages(const DecodedImages&) = delete;
  DecodedImages& operator=(const DecodedImages&) = delete;

  // The image at `path`, or null. `want_w`/`want_h` size an SVG's
  // rasterization; raster images ignore them. Valid until the next get().
  const SDL_Surface* get(const std::string& path, int want_w, int want_h);

 private:
  std::size_t budget_bytes_;
  std::size_t bytes_ = 0;
  std::list<std::pair<std::string, SDL_Surface*>> lru_;  // most recent first; null: could not be loaded
};

}  // namespace annae::render
