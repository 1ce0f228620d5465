#pragma once
// QR codes for a slide's URL (contacts), as filled squares in the Scene.
#include <optional>
#include <string>
#include <vector>

#include "slides/scene.hpp"

namespace annae::slides {

struct QrMatrix {
  int size = 0;                 // modules per side
  std::vector<bool> dark;       // size*size, row-major
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Encodes `text` (UTF-8, byte mode, error correction M). Empty when too long.
std::optional<QrMatrix> encode_qr(const std::string& text);

// Draws the code with its quiet zone (4 modules) on a light panel filling
// `box` (a square); dark runs of each row are merged into one rectangle.
void put_qr(Scene& scene, const QrMatrix& qr, Rect box);

}  // namespace annae::slides
