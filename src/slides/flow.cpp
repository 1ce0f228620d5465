#include "slides/flow.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace annae::slides {

float flow_height(const std::vector<FlowBlock>& blocks, std::size_t first, std::size_t last, float scale) {
  float h = 0;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) h += blocks[i].gap_before_px * scale;
    h += blocks[i].measure(scale);
  }
  return h;
}

namespace {

// How much larger one page of a split flow may be set than the smallest.
constexpr float max_page_spread = 1.2f;

// The largest scale in [lo, hi] at which `fits` holds, given that it holds at lo (to 1/64 of the range).
template <typename Fits>
float largest_fitting(float lo, float hi, Fits fits) {
  if (fits(hi)) return hi;
  for (int i = 0; i < 6; ++i) {
    const float mid = (lo + hi) / 2;
    (fits(mid) ? lo : hi) = mid;
  }
  return lo;
}

// The same number of pages, their breaks chosen (at blocks not kept with
// the one before) so that the tallest page is as short as it can be: the
// last page is not a lone item. None when no such split fits.
template <typename Height>
std::optional<std::vector<FlowPage>> balance_pages(const std::vector<FlowBlock>& blocks, std::size_t page_count,
                                                   Height height, float height_px) {
  const std::size_t n = blocks.size();
  constexpr float none = std::numeric_limits<float>::infinity();
  // tallest[k][i]: the least possible tallest page when blocks [0, i) fill k pages.
  std::vector<std::vector<float>> tallest(page_count + 1, std::vector<float>(n + 1, none));
  std::vector<std::vector<std::size_t>> from(page_count + 1, std::vector<std::size_t>(n + 1, 0));
  tallest[0][0] = 0;
  for (std::size_t k = 1; k <= page_count; ++k) {
    for (std::size_t i = 1; i <= n; ++i) {
      if (i < n && blocks[i].keep_with_previous) continue;  // no page ends here
      for (std::size_t j = 0; j < i; ++j) {
        if (tallest[k - 1][j] == none) continue;
        const float h = height(j, i);
        if (h > height_px) continue;
        const float t = std::max(tallest[k - 1][j], h);
        if (t < tallest[k][i]) {
          tallest[k][i] = t;
          from[k][i] = j;
        }
      }
    }
  }
  if (tallest[page_count][n] == none) return std::nullopt;
  std::vector<FlowPage> pages(page_count);
  for (std::size_t k = page_count, i = n; k > 0; i = from[k][i], --k) pages[k - 1] = {from[k][i], i, 1};
  return pages;
}

// Splits at `scale` into as few pages as fit, then balances them.
std::vector<FlowPage> split_pages(const std::vector<FlowBlock>& blocks, const std::vector<float>& block_px,
                                  float scale, float height_px) {
  const auto height = [&](std::size_t first, std::size_t last) {
    float h = 0;
    for (std::size_t i = first; i < last; ++i) h += (i > first ? blocks[i].gap_before_px * scale : 0) + block_px[i];
    return h;
  };
  // The end of the group of blocks that starts at i (blocks kept with their previous one).
  const auto group_end = [&](std::size_t i) {
    std::size_t e = i + 1;
    while (e < blocks.size() && blocks[e].keep_with_previous) ++e;
    return e;
  };
  std::vector<FlowPage> pages;
  std::size_t first = 0;
  while (first < blocks.size()) {
    std::size_t last = group_end(first);
    if (height(first, last) > height_px) {  // a group taller than a page is split block by block
      last = first + 1;
      while (last < group_end(first) && height(first, last + 1) <= height_px) ++last;
    } else {
      while (last < blocks.size() && height(first, group_end(last)) <= height_px) last = group_end(last);
    }
    pages.push_back({first, last, scale});
    first = last;
  }
  if (pages.size() > 1) pages = balance_pages(blocks, pages.size(), height, height_px).value_or(pages);
  return pages;
}

}  // namespace

std::vector<FlowPage> paginate(const std::vector<FlowBlock>& blocks, float height_px, FlowLimits limits) {
  if (blocks.empty()) return {FlowPage{0, 0, 1}};
  const float lo = std::min(limits.min_scale, 1.0f), hi = std::max(limits.max_scale, 1.0f);
  const auto fits_at = [&](std::size_t first, std::size_t last) {
    return [&, first, last](float scale) {
      if (flow_height(blocks, first, last, scale) > height_px) return false;
      if (scale <= 1) return true;
      for (std::size_t i = first; i < last; ++i) {
        if (blocks[i].whole && !blocks[i].whole(scale)) return false;
      }
      return true;
    };
  };
  const auto all = fits_at(0, blocks.size());
  if (all(lo)) {
    return {FlowPage{0, blocks.size(), all(1) ? largest_fitting(1, hi, all) : largest_fitting(lo, 1, all)}};
  }
  // Split as few pages as the smallest step allows. Each block is measured
  // once for that: measuring lays text out, and filling pages by
  // re-measuring from the page's top was quadratic.
  std::vector<float> block_px(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) block_px[i] = blocks[i].measure(lo);
  auto pages = split_pages(blocks, block_px, lo, height_px);
  // Then each page grows to fill, at most a little past the page that can
  // grow least, so that the pages of one slide look alike.
  std::vector<float> best(pages.size());
  float shared = hi;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    const auto fits = fits_at(pages[k].first, pages[k].last);
    best[k] = fits(lo) ? largest_fitting(lo, hi, fits) : lo;
    shared = std::min(shared, best[k]);
  }
  for (std::size_t k = 0; k < pages.size(); ++k) pages[k].scale = std::min(best[k], shared * max_page_spread);
  return pages;
}

void place_page(const std::vector<FlowBlock>& blocks, const FlowPage& page, float y_top, float height_px,
                const Spread& spread, Scene& scene) {
  std::vector<float> heights;
  float used = 0, gaps = 0;
  for (std::size_t i = page.first; i < page.last; ++i) {
    heights.push_back(blocks[i].measure(page.scale));
    used += heights.back();
    if (i > page.first) {
      used += blocks[i].gap_before_px * page.scale;
      gaps += std::max(blocks[i].gap_before_px * page.scale, spread.min_gap_px);
    }
  }
  float spare = std::max(0.0f, height_px - used);
  // Each gap grows in proportion to its own size, up to the limit.
  const float growth = gaps > 0 ? std::min(spare, gaps * spread.max_gap_growth) : 0;
  spare -= growth;
  float y = y_top + std::round(spare * spread.centre);
  for (std::size_t i = page.first; i < page.last; ++i) {
    if (i > page.first) {
      const float own = blocks[i].gap_before_px * page.scale;
      const float gap = own + (gaps > 0 ? growth * std::max(own, spread.min_gap_px) / gaps : 0);
      if (blocks[i].separator) blocks[i].separator(std::round(y + gap / 2), scene);
      y += gap;
    }
    blocks[i].place(page.scale, std::round(y), scene);
    y += heights[i - page.first];
  }
}

}  // namespace annae::slides
