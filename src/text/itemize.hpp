#pragma once
// Stage 4: split a paragraph into runs of one script and one face.
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/fonts.hpp"

namespace annae::text {

struct Run {
  std::uint32_t start = 0;  // code units, [start, end)
  std::uint32_t end = 0;
  FaceId face = 0;
  std::uint32_t script_tag = 0;  // ISO 15924 tag as HarfBuzz spells it (e.g. 'Hang')
};

// Characters that carry no script or glyph of their own (spaces, controls,
// marks, variation selectors, default ignorables) stay in the run before
// them, so fallback never splits a word from its spacing or its marks.
// Scripts are resolved as Chromium resolves them (see itemize.cpp), because
// with language ko the script selects Noto's Korean forms of the space, the
// middle dot and Latin punctuation, and browser widths are the reference.
std::vector<Run> itemize(std::u16string_view text, FontChain& chain);

}  // namespace annae::text
