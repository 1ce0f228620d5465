#pragma once
// Vertical flow of blocks composed to fill: a list of items grows (up to
// `max_scale` of its design size) or shrinks (down to `min_scale`) to the
// largest size at which it fits one page; when it does not fit even at
// `min_scale`, it is split into pages, never inside a block, and the pages
// share the largest size at which each of them fits. Used by every
// list-like slide (strategies, agenda rows, talks...).
#include <functional>
#include <vector>

#include "slides/scene.hpp"

namespace annae::slides {

struct FlowBlock {
  // Height of the block at `scale` (1 = design sizes).
  std::function<float(float scale)> measure;
  // Draws the block with its top at y.
  std::function<void(float scale, float y, Scene& scene)> place;
  // Whether every word of the block stays whole at `scale`; may be empty
  // (always). A flow never grows past design size into broken words.
  std::function<bool(float scale)> whole;
  float gap_before_px = 0;  // at scale 1; dropped at the top of a page
  // Never the first block of a page when the block before it is on the
  // page before (a sub-point stays with its point), unless their group is
  // taller than a page.
  bool keep_with_previous = false;
  // Drawn in the middle of the gap above this block (a rule between rows);
  // may be empty. Not drawn at the top of a page.
  std::function<void(float y_middle, Scene& scene)> separator;
};

struct FlowPage {
  std::size_t first = 0;  // blocks [first, last)
  std::size_t last = 0;
  float scale = 1;
};

struct FlowLimits {
  float min_scale = 1;
  float max_scale = 1;
};

std::vector<FlowPage> paginate(const std::vector<FlowBlock>& blocks, float height_px, FlowLimits limits);

// What to do with the height a page leaves over: first widen the gaps
// between blocks (each by at most `max_gap_growth` times its own gap, or
// by `min_gap_px` where a block has none), then move the whole flow down by
// `centre` of what is still left (0: top-aligned, 0.5: centred).
struct Spread {
  float max_gap_growth = 0;
  float min_gap_px = 0;
  float centre = 0;
};

// Places the blocks of `page` into [y_top, y_top + height_px).
void place_page(const std::vector<FlowBlock>& blocks, const FlowPage& page, float y_top, float height_px,
                const Spread& spread, Scene& scene);

// Total height of blocks [first, last) at `scale`.
float flow_height(const std::vector<FlowBlock>& blocks, std::size_t first, std::size_t last, float scale);

}  // namespace annae::slides
