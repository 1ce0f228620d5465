#include "slides/qr_code.hpp"

#include <qrencode.h>

#include <cmath>

namespace annae::slides {

std::optional<QrMatrix> encode_qr(const std::string& text) {
  QRcode* code = QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                                   QR_ECLEVEL_M);
  if (!code) return std::nullopt;
  QrMatrix m;
  m.size = code->width;
  m.dark.resize(static_cast<std::size_t>(m.size * m.size));
  for (int i = 0; i < m.size * m.size; ++i) m.dark[static_cast<std::size_t>(i)] = code->data[i] & 1;
  QRcode_free(code);
  return m;
}

void put_qr(Scene& scene, const QrMatrix& qr, Rect box) {
  const int modules = qr.size + 8;  // quiet zone of 4 on each side
  const float module = std::floor(box.w / static_cast<float>(modules));  // whole pixels keep the code crisp
  const float side = module * static_cast<float>(modules);
  const float x0 = std::round(box.x + (box.w - side) / 2), y0 = std::round(box.y + (box.h - side) / 2);
  scene.items.emplace_back(std::in_place_type<FillItem>, Rect{x0, y0, side, side}, Color{255, 255, 255, 255},
                           module * 1.5f);
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size;) {
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < qr.size && qr.at(x + run, y)) ++run;
      scene.items.emplace_back(std::in_place_type<FillItem>,
                               Rect{x0 + (4 + x) * module, y0 + (4 + y) * module, run * module, module},
                               Color{0, 0, 0, 255}, 0.0f);
      x += run;
    }
  }
}

}  // namespace annae::slides
