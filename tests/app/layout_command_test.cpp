// `annae layout` prints exactly the laid-out lines and draws them to a PNG.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <filesystem>
#include <sstream>

#include "app/layout_command.hpp"

using annae::app::LayoutCommand;

namespace {

struct Output {
  int status;
  std::string out;
  std::string err;
};

Output run(LayoutCommand cmd, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int status = annae::app::run_layout(cmd, in, out, err);
  return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("one output line per laid-out line, trailing spaces trimmed") {
  LayoutCommand cmd;
  cmd.width_px = 300;
  cmd.text = "국토 경쟁력 재고를 위해";  // breaks after 경쟁력 at 40 px in 300 px
  const auto r = run(cmd);
  CHECK(r.status == 0);
  CHECK(r.out == "국토 경쟁력\n재고를 위해\n");
}

TEST_CASE("TEXT - reads standard input") {
  LayoutCommand cmd;
  cmd.text = "-";
  const auto r = run(cmd, "국토교통부\n세종\n");
  CHECK(r.out == "국토교통부\n세종\n");  // the final newline of the input is not an extra empty line
}

TEST_CASE("--fit shrinks the text and says so") {
  LayoutCommand cmd;
  cmd.size_px = 100;
  cmd.width_px = 400;
  cmd.fit_height_px = 200;
  cmd.text = "지역균형발전포럼";
  const auto r = run(cmd);
  CHECK(r.out == "지역균형발전포럼\n");
  CHECK(r.err == "annae: fitted at 54 px\n");
}

TEST_CASE("--png draws the lines: ink where the text is, none below it") {
  const auto png = std::filesystem::temp_directory_path() / "annae-layout-test.png";
  std::filesystem::remove(png);
  LayoutCommand cmd;
  cmd.width_px = 400;
  cmd.text = "지역균형발전포럼";
  cmd.png = png.string();
  REQUIRE(run(cmd).status == 0);
  SDL_Surface* loaded = IMG_Load(png.c_str());
  REQUIRE(loaded != nullptr);
  SDL_Surface* image = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(loaded);
  CHECK(image->w == 480);  // 400 px box and 40 px margins
  const auto bright_pixels_in_rows = [&](int y0, int y1) {
    int count = 0;
    for (int y = y0; y < y1; ++y) {
      const auto* row = static_cast<const std::uint8_t*>(image->pixels) + y * image->pitch;
      for (int x = 0; x < image->w; ++x) count += row[x * 4] > 200;
    }
    return count;
  };
  CHECK(bright_pixels_in_rows(40, 98) > 1500);       // the line of eight syllables (58 px line box)
  CHECK(bright_pixels_in_rows(0, 40) == 0);          // nothing in the top margin
  CHECK(bright_pixels_in_rows(100, image->h) == 0);  // nothing below the one line
  SDL_FreeSurface(image);
  std::filesystem::remove(png);
}

TEST_CASE("a font that does not exist falls back to Noto Sans CJK KR") {
  LayoutCommand cmd;
  cmd.font = "No Such Font Family";
  cmd.text = "국토교통부";
  const auto r = run(cmd);
  CHECK(r.status == 0);
  CHECK(r.out == "국토교통부\n");
}
