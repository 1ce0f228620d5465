#pragma once
// Stage 5: HarfBuzz shaping of itemized runs. Output is size-independent
// (em units), so one shaping serves every font size the fitter tries.
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/fonts.hpp"
#include "text/itemize.hpp"

namespace annae::text {

struct ShapedGlyph {
  std::uint32_t glyph = 0;    // glyph id in `face`
  FaceId face = 0;
  std::uint32_t cluster = 0;  // first code unit of the cluster this glyph belongs to
  float advance_em = 0;
  float x_offset_em = 0;
  float y_offset_em = 0;      // up is positive, as in fonts
};

// Shapes each run with the whole paragraph as context (script from the run,
// language ko, left to right). Glyphs come out in logical order.
std::vector<ShapedGlyph> shape(std::u16string_view text, const std::vector<Run>& runs, FontLibrary& fonts);

}  // namespace annae::text
