// Pictures are decoded once and kept across page compositions, within a budget.
#include <doctest/doctest.h>

#include <string>

#include "render/decoded_images.hpp"

namespace {
const std::string images = std::string(ANNAE_TEST_DATA_DIR) + "/shows/images-ok/";
}

TEST_CASE("an image is decoded once and served again from memory") {
  annae::render::DecodedImages decoded;
  const SDL_Surface* first = decoded.get(images + "logo.png", 0, 0);
  REQUIRE(first != nullptr);
  CHECK(first->w == 4);  // the corpus logo is 4x3
  CHECK(first->h == 3);
  CHECK(decoded.get(images + "logo.png", 0, 0) == first);  // the same surface: no second decode
}

TEST_CASE("an SVG is rasterized at the size it is drawn, once per size") {
  annae::render::DecodedImages decoded;
  const SDL_Surface* small = decoded.get(images + "mark.svg", 40, 40);
  REQUIRE(small != nullptr);
  CHECK(small->w == 40);
  const SDL_Surface* large = decoded.get(images + "mark.svg", 200, 200);
  REQUIRE(large != nullptr);
  CHECK(large->w == 200);
  CHECK(decoded.get(images + "mark.svg", 40, 40) == small);
}

TEST_CASE("over budget, the least recently used image goes first; a missing file is nothing") {
  annae::render::DecodedImages decoded(40 * 40 * 4 + 100);  // room for one 40x40 picture
  const SDL_Surface* a = decoded.get(images + "mark.svg", 40, 40);
  REQUIRE(a != nullptr);
  decoded.get(images + "mark.svg", 41, 41);                            // evicts the 40x40 one
  CHECK(decoded.get(images + "no-such-file.png", 0, 0) == nullptr);
}
