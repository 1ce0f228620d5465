// `annae check` decodes every picture as the player would: a damaged one is
// an error at the slide's image key, before anyone copies the show.
#include <doctest/doctest.h>

#include <SDL_image.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "box/check_command.hpp"
#include "hostile_images.hpp"
#include "render/image_decoder.hpp"

namespace fs = std::filesystem;
using namespace annae::test;

namespace {

struct Show {
  fs::path path = fs::temp_directory_path() / ("annae-test-check-images-" + std::to_string(::getpid()));
  Show() {
    fs::remove_all(path);
    fs::create_directories(path);
    write_file(path / "show.toml", "title = \"지역균형발전포럼\"\n");
  }
  ~Show() { fs::remove_all(path); }
  void slide(const std::string& name, const std::string& image_key, const std::string& image) const {
    const bool cover = image_key == "logo";
    write_file(path / name, std::string("kind = \"") + (cover ? "cover" : "image") + "\"\n" +
                                (cover ? "title = \"지역균형발전포럼\"\n" : "") + image_key + " = \"" + image + "\"\n");
  }
  std::string check(int& exit_code) const {
    std::ostringstream out;
    exit_code = annae::box::run_check(path, out, annae::render::verify_image);
    return out.str();
  }
};

}  // namespace

TEST_CASE("a damaged picture is an error in check, at the image key") {
  IMG_Init(IMG_INIT_PNG);
  Show show;
  const std::string png = png_bytes(200, 100);
  write_file(show.path / "logo.png", png.substr(0, png.size() / 2));
  write_file(show.path / "crc.png", with_bad_crc(png));
  write_file(show.path / "photo.jpg", jpeg_bytes(320, 240, false).substr(0, 2000));
  write_file(show.path / "bomb.jpg", scan_bomb(512, 512, 500));
  show.slide("010-cover.toml", "logo", "logo.png");
  show.slide("020-crc.toml", "file", "crc.png");
  show.slide("030-photo.toml", "file", "photo.jpg");
  show.slide("040-bomb.toml", "file", "bomb.jpg");
  show.slide("050-cover.toml", "logo", "logo.png");  // the same file: decoded once, reported for each slide
  int exit_code = 0;
  const std::string out = show.check(exit_code);
  CAPTURE(out);
  CHECK(exit_code == 2);
  CHECK(out.find("010-cover.toml:3:8: error: image \"logo.png\" is a damaged PNG image (") != std::string::npos);
  CHECK(out.find("020-crc.toml:2:8: error: image \"crc.png\" is a damaged PNG image (") != std::string::npos);
  CHECK(out.find("030-photo.toml:2:8: error: image \"photo.jpg\" is a damaged JPEG image (the file ends too early); copy it again") !=
        std::string::npos);
  CHECK(out.find("040-bomb.toml:2:8: error: image \"bomb.jpg\" is a JPEG image made of more than 100 progressive scans") !=
        std::string::npos);
  CHECK(out.find("050-cover.toml:3:8: error: image \"logo.png\" is a damaged PNG image (") != std::string::npos);
  CHECK(out.ends_with("5 errors in 6 files (5 slides)\n"));
}

TEST_CASE("pictures that decode are clean in check, whatever they are called or hold first") {
  IMG_Init(IMG_INIT_PNG);
  Show show;
  write_file(show.path / "logo.png", svg_bytes("width=\"20000\" height=\"20000\""));  // an SVG saved as .png
  write_file(show.path / "photo.jpg", with_comments(jpeg_bytes(320, 240, true), 500));
  write_file(show.path / "mark.svg", svg_bytes("", "<!--" + std::string(5000, '=') + "-->\n"));
  show.slide("010-cover.toml", "logo", "logo.png");
  show.slide("020-photo.toml", "file", "photo.jpg");
  show.slide("030-mark.toml", "file", "mark.svg");
  int exit_code = 0;
  const std::string out = show.check(exit_code);
  CHECK(out == "ok: 4 files, 3 slides, no problems\n");
  CHECK(exit_code == 0);
}
