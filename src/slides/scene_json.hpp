#pragma once
// The laid-out scene as JSON, for people reviewing a layout and for tests
// that check it (`annae render … --scene FILE.json`). One object per page:
//   {"slide": "010-cover", "page": 1, "pages": 1, "size": [w, h],
//    "safe_area": [x, y, w, h], "content_area": [x, y, w, h],
//    "texts":  [{"role", "font", "weight", "size_px", "rect", "lines",
//                 "paragraph_of_line", "line_widths_px"}],
//    "shapes": [{"kind": "rect"|"rounded_rect"|"pill"|"disc", "rect", "radius_px", "color"}],
//    "images": [{"kind": "image", "rect", "file"}]}
// Rects are [x, y, w, h] in pixels of the page; a text's rect is its
// lines' ink box: from its left-most line start to its widest line's end,
// over the block's full line height.
#include <string>
#include <vector>

#include "slides/scene.hpp"

namespace annae::slides {

struct PageForJson {
  std::string slide_id;
  std::size_t page = 0;   // 0-based; written 1-based
  std::size_t pages = 1;
  const Scene* scene = nullptr;  // not owned, never null
  Rect safe_area;
  Rect content_area;
};

// A JSON array of the pages, in order, pretty enough to read (one item a line).
std::string scene_json(const std::vector<PageForJson>& pages);

}  // namespace annae::slides
