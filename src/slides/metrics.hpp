#pragma once
// Resolution-independent geometry: every size derives from the screen's
// shorter side (`unit_px`), so a 720p TV, a 4K panel and a portrait screen
// get the same proportions. Sizes in pixels of the scene.
#include "content/model.hpp"
#include "slides/scene.hpp"

namespace annae::slides {

struct TypeScale {
  int display_px;  // cover title
  int title_px;    // slide title
  int heading_px;  // item headings, agenda titles, names
  int body_px;     // running text
  int small_px;    // labels, captions, footer
  int floor_px;    // auto-fit never goes below this: still legible at 3-5 m
};

struct Metrics {
  int width_px = 0;
  int height_px = 0;
  bool portrait = false;
  float unit_px = 0;   // the shorter side
  Rect safe;           // inside overscan margins
  Rect content;        // where slide content goes: safe area less margins, above the footer
  Rect footer;         // the footer band (zero height when the footer is off)
  float gap_px = 0;    // the standard space between blocks
  TypeScale type;
};

// `footer_on`: whether a footer band is reserved at the bottom.
Metrics metrics_for(int width_px, int height_px, const content::Screen& screen, float size_scale, bool footer_on);

}  // namespace annae::slides
