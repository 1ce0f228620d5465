// QR codes for a contacts slide's URL.
#include <doctest/doctest.h>

#include "slides/qr_code.hpp"

TEST_CASE("a short URL becomes a version 2 code with its three finder patterns") {
  const auto qr = annae::slides::encode_qr("https://example.org/forum");
  REQUIRE(qr);
  CHECK(qr->size == 25);  // 25 bytes at error correction M fit version 2 (25x25 modules)
  // Each finder pattern's outer ring is dark, the ring inside it light, its centre dark.
  for (const auto& [fx, fy] : {std::pair{0, 0}, std::pair{18, 0}, std::pair{0, 18}}) {
    CHECK(qr->at(fx, fy));
    CHECK(qr->at(fx + 6, fy + 6));
    CHECK_FALSE(qr->at(fx + 1, fy + 1));
    CHECK(qr->at(fx + 3, fy + 3));
  }
  CHECK_FALSE(qr->at(7, 7));  // the separator around the top-left finder is light
}

TEST_CASE("a QR code is drawn on a light square with whole-pixel modules") {
  const auto qr = annae::slides::encode_qr("https://example.org/forum");
  REQUIRE(qr);
  annae::slides::Scene scene;
  annae::slides::put_qr(scene, *qr, {100, 100, 330, 330});  // 33 modules with the quiet zone: 10 px each
  const auto& panel = std::get<annae::slides::FillItem>(scene.items.front());
  CHECK(panel.color == annae::slides::Color{255, 255, 255, 255});
  CHECK(panel.rect.w == 330);
  const auto& first_module = std::get<annae::slides::FillItem>(scene.items.at(1));
  CHECK(first_module.rect.x == 140);  // 4 quiet modules in
  CHECK(first_module.rect.h == 10);
  CHECK(first_module.rect.w == 70);   // the finder's top edge: 7 dark modules merged into one rectangle
}

TEST_CASE("text too long for any QR version is refused") {
  CHECK_FALSE(annae::slides::encode_qr(std::string(4000, 'x')));
}
