#pragma once
// Draws slides::FillItem shapes with anti-aliased edges on any SDL_Renderer
// (GPU or software), so the screen and `annae render` PNGs get the same
// pixels: straight edges are snapped to whole pixels, and each rounded
// corner is a small coverage texture computed here, drawn 1:1 and tinted.
//
// Thread: the renderer's thread. Does not own the renderer.
#include <SDL.h>

#include <cstdint>
#include <map>
#include <vector>

#include "slides/scene.hpp"

namespace annae::render {

// Coverage (0-255) of a top-left quarter disc of `radius_px` whose centre
// is the bottom-right corner of a radius x radius grid, row-major.
// Exact to 1/16 of a pixel (4x4 samples per pixel).
std::vector<std::uint8_t> corner_coverage(int radius_px);

class ShapePainter {
 public:
  explicit ShapePainter(SDL_Renderer* renderer);
  ~ShapePainter();
  ShapePainter(const ShapePainter&) = delete;
  ShapePainter& operator=(const ShapePainter&) = delete;

  void fill(const slides::FillItem& item);

 private:
  enum Corner { top_left, top_right, bottom_right, bottom_left };
  SDL_Texture* corner(int radius_px, Corner which);  // may be null (out of memory): the corner is skipped
  void fill_rect(SDL_Rect rect, const SDL_Rect& clip, slides::Color color);
  void copy_corner(int radius_px, Corner which, SDL_Rect dst, const SDL_Rect& clip, slides::Color color);

  SDL_Renderer* renderer_;
  std::map<std::pair<int, int>, SDL_Texture*> corners_;  // (radius, corner) -> texture, owned
};

}  // namespace annae::render
