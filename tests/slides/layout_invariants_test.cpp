// Every slide of both example shows, at four screen shapes: text stays
// inside the safe area and inside its panel, no two text blocks overlap,
// and nothing had to be cut.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "content/show_loader.hpp"
#include "shared_engine.hpp"
#include "slides/show_view.hpp"

namespace {

struct Box {
  float x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 - 0.5f && o.x0 < x1 - 0.5f && y0 < o.y1 - 0.5f && o.y0 < y1 - 0.5f; }
  bool inside(const Box& o) const {
    return x0 >= o.x0 - 0.5f && y0 >= o.y0 - 0.5f && x1 <= o.x1 + 0.5f && y1 <= o.y1 + 0.5f;
  }
};

// The ink area of each line: from the top of its ascent to the bottom of its descent.
std::vector<Box> line_boxes(const annae::slides::TextItem& t) {
  std::vector<Box> out;
  const auto& b = *t.block;
  const float ascent = 0.88f * static_cast<float>(b.size_px), descent = 0.12f * static_cast<float>(b.size_px);
  for (const auto& line : b.lines) {
    if (line.width_px <= 0) continue;
    out.push_back({t.x_px + line.x_px, t.y_px + line.baseline_px - ascent, t.x_px + line.x_px + line.width_px,
                   t.y_px + line.baseline_px + descent});
  }
  return out;
}


}  // namespace

TEST_CASE("example slides: inside the safe area and their panels, no overlaps, nothing cut") {
  const std::pair<int, int> sizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};
  const auto loaded = annae::content::load_show(std::filesystem::path(ANNAE_SOURCE_DIR) / "content");
  REQUIRE(loaded.show);
  const auto& show = *loaded.show;
  // Event day at 14:20: the agenda shows its live state too.
  const annae::text::CivilTime now{{2020, 9, 25}, 14 * 60 + 20};
  for (const auto& [w, h] : sizes) {
    const auto view = annae::slides::view_for(show, w, h);
    const Box safe{view.metrics.safe.x, view.metrics.safe.y, view.metrics.safe.right(), view.metrics.safe.bottom()};
    for (std::size_t i = 0; i < show.slides.size(); ++i) {
      const auto pages = annae::slides::layout_show_slide(show, i, annae::test::engine(), view, now);
      CAPTURE(w);
      CAPTURE(h);
      CAPTURE(show.slides[i].id);
      CHECK(pages.issues.empty());  // nothing was cut with '…'
      for (std::size_t p = 0; p < pages.pages.size(); ++p) {
        const auto scene = annae::slides::page_with_footer(show, i, pages, p, annae::test::engine(), view, now);
        std::vector<Box> panels;
        std::vector<std::vector<Box>> blocks;
        for (const auto& item : scene.items) {
          if (const auto* f = std::get_if<annae::slides::FillItem>(&item); f && f->corner_radius_px > 0 &&
                                                                           f->rect.h > view.metrics.unit_px * 0.05f) {
            panels.push_back({f->rect.x, f->rect.y, f->rect.right(), f->rect.bottom()});
          }
          if (const auto* t = std::get_if<annae::slides::TextItem>(&item)) {
            CHECK_FALSE(t->block->truncated);
            blocks.push_back(line_boxes(*t));
          }
        }
        for (std::size_t a = 0; a < blocks.size(); ++a) {
          for (const auto& box : blocks[a]) {
            CHECK(box.inside(safe));
            // A line that starts inside a panel stays inside it.
            for (const auto& panel : panels) {
              if (box.x0 >= panel.x0 && box.x0 < panel.x1 && box.y0 >= panel.y0 && box.y0 < panel.y1) {
                CHECK(box.inside(panel));
              }
            }
            for (std::size_t b = a + 1; b < blocks.size(); ++b) {
              for (const auto& other : blocks[b]) CHECK_FALSE(box.overlaps(other));
            }
          }
        }
      }
    }
  }
}

TEST_CASE("portrait screens get a portrait layout, not a squeezed landscape one") {
  const auto loaded = annae::content::load_show(std::filesystem::path(ANNAE_SOURCE_DIR) / "content");
  REQUIRE(loaded.show);
  const auto landscape = annae::slides::view_for(*loaded.show, 1920, 1080);
  const auto portrait = annae::slides::view_for(*loaded.show, 1080, 1920);
  CHECK(portrait.metrics.portrait);
  CHECK_FALSE(landscape.metrics.portrait);
  // same short side: the same type sizes, so text reads the same from the same distance
  CHECK(portrait.metrics.type.px(annae::slides::Role::body) == landscape.metrics.type.px(annae::slides::Role::body));
  // but the content column uses the full height
  CHECK(portrait.metrics.content.h > landscape.metrics.content.h * 1.6f);
}
