#include "render/blend.hpp"

#include <cstring>

namespace annae::render {

void cross_fade(ConstPixelRows a, ConstPixelRows b, PixelRows dst, int width_px, int y0, int y1, unsigned t) {
  // Byte-wise in 16-bit arithmetic: a*(256-t) + b*t <= 255*256 fits exactly,
  // and the loop vectorizes with plain SSE2 (16 bytes a step).
  const std::uint16_t s = static_cast<std::uint16_t>(t), r = static_cast<std::uint16_t>(256 - t);
  const std::size_t bytes = static_cast<std::size_t>(width_px) * 4;
  for (int y = y0; y < y1; ++y) {
    const std::uint8_t* __restrict pa = a.pixels + static_cast<std::ptrdiff_t>(y) * a.pitch_bytes;
    const std::uint8_t* __restrict pb = b.pixels + static_cast<std::ptrdiff_t>(y) * b.pitch_bytes;
    std::uint8_t* __restrict pd = dst.pixels + static_cast<std::ptrdiff_t>(y) * dst.pitch_bytes;
    for (std::size_t i = 0; i < bytes; ++i) {
      pd[i] = static_cast<std::uint8_t>(static_cast<std::uint16_t>(pa[i] * r + pb[i] * s) >> 8);
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
