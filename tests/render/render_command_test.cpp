// `annae render` writes, for every example slide at every screen shape, a
// PNG that is not blank and has ink where the slide's title is.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "app/render_command.hpp"
#include "content/show_loader.hpp"
#include "core/utf8.hpp"
#include "png_util.hpp"
#include "shared_engine.hpp"
#include "slides/show_view.hpp"

namespace fs = std::filesystem;

namespace {

const annae::app::WallTime event_day{2020, 9, 25, 14 * 60 + 20};

fs::path render_all(int w, int h) {
  const auto dir = fs::temp_directory_path() / ("annae-render-" + std::to_string(w) + "x" + std::to_string(h));
  fs::remove_all(dir);
  annae::app::RenderCommand cmd;
  cmd.show_dir = std::string(ANNAE_SOURCE_DIR) + "/content";
  cmd.slide = "all";
  cmd.size = {w, h};
  cmd.out = dir.string();
  cmd.at = event_day;
  std::ostringstream out, err;
  REQUIRE(annae::app::run_render(cmd, out, err) == 0);
  CHECK(err.str().empty());  // no diagnostics, nothing cut
  return dir;
}


}  // namespace

TEST_CASE("every example slide renders at every size, with ink where its title is") {
  const auto loaded = annae::content::load_show(fs::path(ANNAE_SOURCE_DIR) / "content");
  REQUIRE(loaded.show);
  const auto& show = *loaded.show;
  const std::pair<int, int> sizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};
  for (const auto& [w, h] : sizes) {
    const auto dir = render_all(w, h);
    const auto view = annae::slides::view_for(show, w, h);
    for (std::size_t i = 0; i < show.slides.size(); ++i) {
      CAPTURE(w);
      CAPTURE(show.slides[i].id);
      // The first page of each slide; its title is its largest block of words (a quote's
      // opening mark is larger but is one decorative character).
      const auto pages = annae::slides::layout_show_slide(show, i, annae::test::engine(), view, {{2020, 9, 25}, 860});
      std::string stem = (i < 9 ? "0" : "") + std::to_string(i + 1) + "-" + show.slides[i].id;
      std::replace(stem.begin(), stem.end(), '/', '_');
      const auto file = dir / (stem + (pages.pages.size() > 1 ? "-p1.png" : ".png"));
      REQUIRE(fs::exists(file));
      const auto img = annae::test::load_png(file.string());
      REQUIRE(img.width == w);
      REQUIRE(img.height == h);
      CHECK(annae::test::light_pixels(img, 0, 0, w, h) > w * h / 400);  // not blank: real text on it
      const annae::slides::TextItem* title = nullptr;
      for (const auto& item : pages.pages.front().items) {
        const auto* t = std::get_if<annae::slides::TextItem>(&item);
        const bool words = t && !t->block->lines.empty() && annae::utf8::length(t->block->lines.front().text) > 1;
        if (words && (!title || t->block->size_px > title->block->size_px)) title = t;
      }
      REQUIRE(title != nullptr);
      const int x0 = static_cast<int>(title->x_px), y0 = static_cast<int>(title->y_px);
      const int x1 = x0 + static_cast<int>(title->block->width_px), y1 = y0 + static_cast<int>(title->block->height_px);
      CHECK(annae::test::light_pixels(img, x0, y0, x1, y1) > (x1 - x0) * (y1 - y0) / 50);  // the title is drawn there
    }
  }
}

TEST_CASE("a portrait render is its own layout, not the landscape one turned on its side") {
  // The first page of the strategies (a slide may take more than one page on either screen).
  const auto first_page = [](const fs::path& dir) {
    for (const char* name : {"04-forum-2023_030-strategies.png", "04-forum-2023_030-strategies-p1.png"}) {
      if (fs::exists(dir / name)) return (dir / name).string();
    }
    return std::string("(no strategies render in ") + dir.string() + ")";
  };
  const auto landscape = annae::test::load_png(first_page(render_all(1920, 1080)));
  const auto portrait = annae::test::load_png(first_page(render_all(1080, 1920)));
  REQUIRE(portrait.width == 1080);
  REQUIRE(landscape.width == 1920);
  int differing = 0;
  for (int y = 0; y < 1920; ++y) {
    for (int x = 0; x < 1080; ++x) differing += portrait.at(x, y) != landscape.at(y, 1079 - x);  // landscape turned 90°
  }
  CHECK(differing > 1080 * 1920 / 20);
}

TEST_CASE("render explains a slide that does not exist") {
  annae::app::RenderCommand cmd;
  cmd.show_dir = std::string(ANNAE_SOURCE_DIR) + "/content/seminar-2020";
  cmd.slide = "99";
  cmd.out = (fs::temp_directory_path() / "annae-nope.png").string();
  std::ostringstream out, err;
  CHECK(annae::app::run_render(cmd, out, err) == 2);
  CHECK(err.str().find("no slide '99'; the show has slides 1 to 7") != std::string::npos);
}
