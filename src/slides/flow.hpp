#pragma once
// Vertical flow of blocks with shrink-then-paginate: a list of items first
// shrinks (down to `min_scale` of its design size) to fit one page; when it
// still does not fit, it is split into pages at design size, never inside a
// block. Used by every list-like slide (strategies, agenda rows, talks...).
#include <functional>
#include <vector>

#include "slides/scene.hpp"

namespace annae::slides {

struct FlowBlock {
  // Height of the block at `scale` (1 = design sizes).
  std::function<float(float scale)> measure;
  // Draws the block with its top at y.
  std::function<void(float scale, float y, Scene& scene)> place;
  float gap_before_px = 0;  // at scale 1; dropped at the top of a page
};

struct FlowPage {
  std::size_t first = 0;  // blocks [first, last)
  std::size_t last = 0;
  float scale = 1;
};

std::vector<FlowPage> paginate(const std::vector<FlowBlock>& blocks, float height_px, float min_scale);

// Places the blocks of `page` from y_top down.
void place_page(const std::vector<FlowBlock>& blocks, const FlowPage& page, float y_top, Scene& scene);

// Total height of blocks [first, last) at `scale`.
float flow_height(const std::vector<FlowBlock>& blocks, std::size_t first, std::size_t last, float scale);

}  // namespace annae::slides
