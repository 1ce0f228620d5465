#pragma once
// Transition frames computed on the CPU, writing each destination pixel
// exactly once: a cross-fade costs one pass over the screen instead of two
// full-screen alpha-blended copies.
#include <cstdint>

namespace annae::render {

struct PixelRows {
  std::uint8_t* pixels;  // ARGB8888 rows
  int pitch_bytes;
};

struct ConstPixelRows {
  const std::uint8_t* pixels;
  int pitch_bytes;
};

// dst = a + (b - a) * t, t in [0, 256]. Rows [y0, y1) of width_px pixels.
void cross_fade(ConstPixelRows a, ConstPixelRows b, PixelRows dst, int width_px, int y0, int y1, unsigned t);

// dst shows `from` moving out and `to` moving in by `offset_px` (0..width):
// direction > 0 pushes to the left (next slide), < 0 to the right.
void push(ConstPixelRows from, ConstPixelRows to, PixelRows dst, int width_px, int y0, int y1, int offset_px,
          int direction);

// The same motion along the vertical axis (a screen turned on its side):
// direction > 0 moves `from` up and brings `to` in from below.
void push_vertical(ConstPixelRows from, ConstPixelRows to, PixelRows dst, int width_px, int height_px, int offset_px,
                   int direction);

}  // namespace annae::render
