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
//
// Punctuation spacing, as a Korean typesetter sets it: a full-width bracket
// or quote loses its built-in half-em blank (OpenType `halt`, on that glyph
// only) where the blank would double a gap:
//  - an opening one at the text's start, after a space or a line break, or
//    after another bracket or quote, a middle dot (· ・) or 、。，．;
//  - a closing one at the text's end, before a space or a line break, or
//    before another closing one, a middle dot, 、。，． or ASCII , . : ; ! ?
// So "주최하는 「포럼」에" keeps one space's gap before 「, not 1.7. This agrees
// with Chromium's default `text-spacing-trim` for adjacent punctuation and
// goes further next to spaces and at the edges (which Chromium's `normal`
// leaves spaced). Lines that wrap are not trimmed at their edges. Fonts
// without `halt`, and proportional glyphs (Noto's Korean “” ( )), are unchanged.
std::vector<ShapedGlyph> shape(std::u16string_view text, const std::vector<Run>& runs, FontLibrary& fonts);

}  // namespace annae::text
