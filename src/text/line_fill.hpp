#pragma once
// Stage 6: greedy line filling in em units (size-independent).
#include <cstdint>
#include <vector>

#include "text/paragraph.hpp"

namespace annae::text {

struct LineSpan {
  std::uint32_t start = 0;  // first code unit on the line
  std::uint32_t end = 0;    // one past the last visible code unit (trailing spaces and hard breaks trimmed)
  std::uint32_t next = 0;   // where the following line starts
  double width_em = 0;      // visible width, including a soft hyphen's '-' and an ellipsis
  bool hyphen = false;      // ends at a soft hyphen: draw '-'
  bool ellipsis = false;    // truncated here: draw '…'
  bool broke_inside_word = false;  // no opportunity fitted; broken between grapheme clusters
};

struct FillOptions {
  double max_width_em = 1e9;
  double tab_stop_em = 4.0;  // tab stops every this many ems from the line start
};

// Lines are filled greedily: each takes as many break opportunities as fit.
// Trailing spaces hang past the edge; no line after the first starts with
// one (a paragraph's own leading spaces, after a hard break, stay). A segment with no opportunity that
// fits is broken between grapheme clusters (never inside a number, never
// before a no-start character); if even one cluster is too wide, it overflows.
std::vector<LineSpan> fill_lines(const Paragraph& p, const FillOptions& options);

// Where the visible part of a line [start, b) ends: trailing spaces (they
// hang past the edge), a hard break, a soft hyphen and a ZWSP are trimmed.
std::uint32_t visible_end(const Paragraph& p, std::uint32_t start, std::uint32_t b);

// Visible width of a line that starts at `start` and ends at the break
// opportunity `b`, in ems, with a soft hyphen's '-' when it breaks there
// (*hyphen, may be null, tells which).
double line_width_em(const Paragraph& p, std::uint32_t start, std::uint32_t b, const FillOptions& options,
                     bool* hyphen);

// Visible width of [start, end) on a line that starts at `start`, in ems.
double measure_em(const Paragraph& p, std::uint32_t start, std::uint32_t end, double tab_stop_em);

// Shortens the line so that its text plus '…' fits `max_width_em`.
void truncate_with_ellipsis(const Paragraph& p, LineSpan& line, const FillOptions& options);

}  // namespace annae::text
