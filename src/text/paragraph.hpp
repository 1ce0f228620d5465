#pragma once
// A paragraph prepared once for layout at any size and width: the normalized
// text, its break opportunities and its shaped glyphs (stages 1-5).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/fonts.hpp"
#include "text/shape.hpp"
#include "text/unicode/segment.hpp"

namespace annae::text {

struct Paragraph {
  std::u16string text;               // NFC, may contain hard breaks (several paragraphs)
  Segmentation segmentation;
  std::vector<ShapedGlyph> glyphs;   // logical order, sorted by cluster
  std::vector<double> pen_em;        // size n+1: advance of everything before code unit i (tabs count 0)
  FaceId primary = 0;
  FaceInfo primary_info;
  bool has_tabs = false;
  ShapedGlyph hyphen;                // drawn where a soft hyphen breaks a line
  ShapedGlyph ellipsis;              // drawn where a truncated block ends
  std::vector<double> break_penalty; // size n+1: paragraph_breaker's cost of breaking before code unit i
};

// Runs stages 1-5. `chain` must outlive nothing here: results are plain values.
std::shared_ptr<const Paragraph> prepare_paragraph(std::string_view utf8, FontChain& chain, FontLibrary& fonts,
                                                   Segmenter& segmenter);

}  // namespace annae::text
