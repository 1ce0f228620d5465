#pragma once
// Resolution-independent geometry: every size derives from the screen's
// shorter side (`unit_px`), so a 720p TV, a 4K panel and a portrait screen
// start from the same proportions; each slide then composes its content to
// fill the area it is given (flow.hpp), so a portrait screen's extra height
// becomes larger type, not empty space. Sizes in pixels of the scene.
#include "content/model.hpp"
#include "slides/scene.hpp"
#include "slides/type_scale.hpp"

namespace annae::slides {


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
  // How far a slide's content may grow past design size to fill its area:
  // portrait screens have height to give.
  float max_step = 1;
};

// `footer_on`: whether a footer band is reserved at the bottom.
Metrics metrics_for(int width_px, int height_px, const content::Screen& screen, float size_scale, bool footer_on);

}  // namespace annae::slides
