// Pictures are decoded once and kept across page compositions, within a budget.
#include <doctest/doctest.h>

#include <string>

#include "render/decoded_images.hpp"

namespace {

const std::string images = std::string(ANNAE_TEST_DATA_DIR) + "/shows/images-ok";

annae::slides::ImageItem item(const std::string& relative, float w = 0, float h = 0) {
  annae::slides::ImageItem i;
  i.path = images + "/" + relative;
  i.rect = {0, 0, w, h};
  i.folder = annae::files::ConfinedDir::open(images);
  i.relative = relative;
  return i;
}

}  // namespace

TEST_CASE("an image is decoded once and served again from memory") {
  annae::render::DecodedImages decoded;
  const SDL_Surface* first = decoded.get(item("logo.png"));
  REQUIRE(first != nullptr);
  CHECK(first->w == 4);  // the corpus logo is 4x3
  CHECK(first->h == 3);
  CHECK(decoded.get(item("logo.png")) == first);  // the same surface: no second decode
}

TEST_CASE("an SVG is rasterized at the size it is drawn, once per size") {
  annae::render::DecodedImages decoded;
  const SDL_Surface* small = decoded.get(item("mark.svg", 40, 40));
  REQUIRE(small != nullptr);
  CHECK(small->w == 40);
  const SDL_Surface* large = decoded.get(item("mark.svg", 200, 200));
  REQUIRE(large != nullptr);
  CHECK(large->w == 200);
  CHECK(decoded.get(item("mark.svg", 40, 40)) == small);
}

TEST_CASE("over budget, the least recently used image goes first; a missing file is nothing") {
  annae::render::DecodedImages decoded(annae::render::Decoding::now, 40 * 40 * 4 + 100);  // room for one 40x40 picture
  const SDL_Surface* a = decoded.get(item("mark.svg", 40, 40));
  REQUIRE(a != nullptr);
  decoded.get(item("mark.svg", 41, 41));  // evicts the 40x40 one
  CHECK(decoded.get(item("no-such-file.png")) == nullptr);
}

TEST_CASE("a photo is read through the show folder, never through its path") {
  annae::render::DecodedImages decoded;
  annae::slides::ImageItem photo = item("logo.png", 64, 64);
  photo.path = "/nonexistent/logo.png";  // only for messages and the cache key
  CHECK(decoded.get(photo) != nullptr);
  annae::slides::ImageItem outside = item("../images-ok/logo.png", 64, 64);
  CHECK(decoded.get(outside) == nullptr);  // the folder refuses to climb out
}
