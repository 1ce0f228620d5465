#pragma once
// Positioned text: the output of layout, input of rasterization and drawing.
// Plain values, no font library handles; coordinates in pixels relative to
// the block's top-left corner, y down.
#include <cstdint>
#include <string>
#include <vector>

#include "text/fonts.hpp"

namespace annae::text {

enum class Align { start, center, end };

// How a paragraph (the text between hard breaks) is broken into lines.
//  - greedy: each line takes as many words as fit (fastest; the default).
//  - pretty: all breaks of the paragraph chosen together (total fit): even
//    lines, no single-어절 or very short last line, no break inside "할 수
//    있다", before "(소속)" or inside a short quoted term, where avoidable.
//  - balance: for titles; every line about the same width (CSS
//    `text-wrap: balance`, any number of lines), same penalties as pretty.
// pretty and balance never use more lines than greedy at the same width.
enum class Wrap : std::uint8_t { greedy, pretty, balance };

struct TextStyle {
  FontRequest font;
  int size_px = 40;
  float line_height = 1.45f;  // multiple of size_px
  Align align = Align::start;
  float tab_stop_em = 4.0f;
  Wrap wrap = Wrap::greedy;
};

struct PlacedGlyph {
  FaceId face = 0;
  std::uint32_t glyph = 0;
  float x_px = 0;      // pen position (sub-pixel), from the block's left edge
  float y_px = 0;      // baseline, whole pixels, from the block's top edge
};

struct TextLine {
  std::string text;          // what the line shows, UTF-8 (a soft hyphen's '-' and an ellipsis included)
  float x_px = 0;            // left edge after alignment
  float baseline_px = 0;
  float width_px = 0;
  std::uint32_t first_glyph = 0;  // range in TextBlock::glyphs
  std::uint32_t glyph_count = 0;
  bool ends_paragraph = false;    // the last line, or one that ends at a hard break
};

struct TextBlock {
  int size_px = 0;
  float line_height_px = 0;
  float box_width_px = 0;    // the width lines were filled to (alignment reference)
  float width_px = 0;        // widest line
  float height_px = 0;       // lines × line height
  std::vector<TextLine> lines;
  std::vector<PlacedGlyph> glyphs;
  bool truncated = false;           // the fitter cut text and drew '…'
  bool broke_inside_word = false;   // some word did not fit and was broken between clusters
  bool overflows = false;           // some line is wider than the box (an unbreakable run)
};

}  // namespace annae::text
