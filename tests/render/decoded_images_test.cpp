// Pictures are decoded once and kept across page compositions, within a budget.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "hostile_images.hpp"
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

TEST_CASE("a picture copied over one of the same name shows the new picture, not the cached old one") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("annae-replaced-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto logo = [&](int w, int h, const std::string& version) {
    annae::test::write_file(dir / "logo.png", annae::test::png_bytes(w, h));
    annae::slides::ImageItem i;
    i.path = (dir / "logo.png").string();
    i.folder = annae::files::ConfinedDir::open(dir);
    i.relative = "logo.png";
    i.version = version;  // as content::ImageRef::version says after each load
    return i;
  };
  annae::render::DecodedImages decoded;
  const SDL_Surface* old_logo = decoded.get(logo(40, 30, "v1"));
  REQUIRE(old_logo != nullptr);
  CHECK(old_logo->w == 40);
  const SDL_Surface* new_logo = decoded.get(logo(64, 16, "v2"));  // staff copied a new logo.png
  REQUIRE(new_logo != nullptr);
  CHECK(new_logo->w == 64);
  CHECK(new_logo->h == 16);
  std::filesystem::remove_all(dir);
}
