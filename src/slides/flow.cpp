#include "slides/flow.hpp"

#include <algorithm>

namespace annae::slides {

float flow_height(const std::vector<FlowBlock>& blocks, std::size_t first, std::size_t last, float scale) {
  float h = 0;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) h += blocks[i].gap_before_px * scale;
    h += blocks[i].measure(scale);
  }
  return h;
}

std::vector<FlowPage> paginate(const std::vector<FlowBlock>& blocks, float height_px, float min_scale) {
  if (blocks.empty()) return {FlowPage{0, 0, 1}};
  // Each block is measured once at design size: measuring lays text out, and
  // filling pages by re-measuring from the page's top was quadratic.
  std::vector<float> design_px(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) design_px[i] = blocks[i].measure(1);
  // Sums in the same order as flow_height, so the results are the same.
  const auto design_height = [&](std::size_t first, std::size_t last) {
    float h = 0;
    for (std::size_t i = first; i < last; ++i) {
      if (i > first) h += blocks[i].gap_before_px;
      h += design_px[i];
    }
    return h;
  };
  if (design_height(0, blocks.size()) <= height_px) return {FlowPage{0, blocks.size(), 1}};
  // Shrink: the largest scale (to 1/64) at which everything fits on one page.
  if (flow_height(blocks, 0, blocks.size(), min_scale) <= height_px) {
    float lo = min_scale, hi = 1;
    for (int i = 0; i < 6; ++i) {
      const float mid = (lo + hi) / 2;
      (flow_height(blocks, 0, blocks.size(), mid) <= height_px ? lo : hi) = mid;
    }
    return {FlowPage{0, blocks.size(), lo}};
  }
  // Paginate at design size; pages are balanced so the last is not a lone item.
  std::vector<FlowPage> pages;
  std::size_t first = 0;
  while (first < blocks.size()) {
    std::size_t last = first + 1;  // a block taller than a page gets a page of its own
    float h = design_px[first];
    while (last < blocks.size() && h + blocks[last].gap_before_px + design_px[last] <= height_px) {
      h += blocks[last].gap_before_px + design_px[last];
      ++last;
    }
    pages.push_back({first, last, 1});
    first = last;
  }
  if (pages.size() > 1) {
    const std::size_t per_page = (blocks.size() + pages.size() - 1) / pages.size();
    std::vector<FlowPage> balanced;
    bool ok = true;
    for (std::size_t f = 0; f < blocks.size(); f += per_page) {
      const std::size_t l = std::min(blocks.size(), f + per_page);
      if (design_height(f, l) > height_px && l - f > 1) ok = false;
      balanced.push_back({f, l, 1});
    }
    if (ok && balanced.size() == pages.size()) pages = balanced;
  }
  return pages;
}

void place_page(const std::vector<FlowBlock>& blocks, const FlowPage& page, float y_top, Scene& scene) {
  float y = y_top;
  for (std::size_t i = page.first; i < page.last; ++i) {
    if (i > page.first) y += blocks[i].gap_before_px * page.scale;
    blocks[i].place(page.scale, y, scene);
    y += blocks[i].measure(page.scale);
  }
}

}  // namespace annae::slides
