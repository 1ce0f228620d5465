#include "render/blend.hpp"

#include <cstring>

namespace annae::render {

void cross_fade(ConstPixelRows a, ConstPixelRows b, PixelRows dst, int width_px, int y0, int y1, unsigned t) {
  // Two channels per 32-bit lane (0x00FF00FF masks), so one multiply blends two channels.
  const std::uint32_t s = t, r = 256 - t;
  for (int y = y0; y < y1; ++y) {
    const auto* pa = reinterpret_cast<const std::uint32_t*>(a.pixels + static_cast<std::ptrdiff_t>(y) * a.pitch_bytes);
    const auto* pb = reinterpret_cast<const std::uint32_t*>(b.pixels + static_cast<std::ptrdiff_t>(y) * b.pitch_bytes);
    auto* pd = reinterpret_cast<std::uint32_t*>(dst.pixels + static_cast<std::ptrdiff_t>(y) * dst.pitch_bytes);
    for (int x = 0; x < width_px; ++x) {
      const std::uint32_t ca = pa[x], cb = pb[x];
      const std::uint32_t rb = (((ca & 0x00FF00FFu) * r + (cb & 0x00FF00FFu) * s) >> 8) & 0x00FF00FFu;
      const std::uint32_t ag = ((((ca >> 8) & 0x00FF00FFu) * r + ((cb >> 8) & 0x00FF00FFu) * s)) & 0xFF00FF00u;
      pd[x] = rb | ag;
    }
  }
}

void push(ConstPixelRows from, ConstPixelRows to, PixelRows dst, int width_px, int y0, int y1, int offset_px,
          int direction) {
  if (offset_px < 0) offset_px = 0;
  if (offset_px > width_px) offset_px = width_px;
  const auto bytes = [](int px) { return static_cast<std::size_t>(px) * 4; };
  for (int y = y0; y < y1; ++y) {
    const auto* f = from.pixels + static_cast<std::ptrdiff_t>(y) * from.pitch_bytes;
    const auto* t = to.pixels + static_cast<std::ptrdiff_t>(y) * to.pitch_bytes;
    auto* d = dst.pixels + static_cast<std::ptrdiff_t>(y) * dst.pitch_bytes;
    if (direction >= 0) {  // old slide leaves to the left, new one enters from the right
      std::memcpy(d, f + bytes(offset_px), bytes(width_px - offset_px));
      std::memcpy(d + bytes(width_px - offset_px), t, bytes(offset_px));
    } else {
      std::memcpy(d, t + bytes(width_px - offset_px), bytes(offset_px));
      std::memcpy(d + bytes(offset_px), f, bytes(width_px - offset_px));
    }
  }
}

void push_vertical(ConstPixelRows from, ConstPixelRows to, PixelRows dst, int width_px, int height_px, int offset_px,
                   int direction) {
  if (offset_px < 0) offset_px = 0;
  if (offset_px > height_px) offset_px = height_px;
  const auto row = [](const std::uint8_t* base, int pitch, int y) { return base + static_cast<std::ptrdiff_t>(y) * pitch; };
  const std::size_t bytes = static_cast<std::size_t>(width_px) * 4;
  for (int y = 0; y < height_px; ++y) {
    const std::uint8_t* src = nullptr;
    if (direction >= 0) {  // old rows move up, new rows follow from below
      src = y + offset_px < height_px ? row(from.pixels, from.pitch_bytes, y + offset_px)
                                      : row(to.pixels, to.pitch_bytes, y + offset_px - height_px);
    } else {
      src = y < offset_px ? row(to.pixels, to.pitch_bytes, height_px - offset_px + y)
                          : row(from.pixels, from.pitch_bytes, y - offset_px);
    }
    std::memcpy(dst.pixels + static_cast<std::ptrdiff_t>(y) * dst.pitch_bytes, src, bytes);
  }
}

}  // namespace annae::render
