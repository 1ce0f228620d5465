#include "text/line_fill.hpp"

#include <cmath>

#include <unicode/utf16.h>

namespace annae::text {
namespace {

char32_t code_point_before(const std::u16string& s, std::uint32_t i) {
  if (i == 0) return 0;
  UChar32 c = 0;
  U16_PREV(s.data(), 0, i, c);
  return static_cast<char32_t>(c);
}

char32_t code_point_at(const std::u16string& s, std::uint32_t i) {
  if (i >= s.size()) return 0;
  UChar32 c = 0;
  U16_GET(s.data(), 0, i, s.size(), c);
  return static_cast<char32_t>(c);
}

bool ends_with_soft_hyphen(const Paragraph& p, std::uint32_t start, std::uint32_t b) {
  return b > start && p.text[b - 1] == u'\u00AD' && p.segmentation.breaks[b] == BreakKind::allowed;
}

bool inside_number(const Paragraph& p, std::uint32_t i) {
  const char32_t left = code_point_before(p.text, i);
  const char32_t right = code_point_at(p.text, i);
  if (is_digit_char(left) && is_digit_char(right)) return true;
  if (is_digit_char(left) && is_number_separator(right)) return true;
  if (is_number_separator(left) && is_digit_char(right)) return true;
  return false;
}

// A cut between clusters where no opportunity fitted. Never before a space:
// the space would start the next line; it hangs at the end of this one instead.
bool emergency_break_ok(const Paragraph& p, std::uint32_t i) {
  const char32_t right = code_point_at(p.text, i);
  return p.segmentation.grapheme_start[i] && !inside_number(p, i) && !is_no_start(right) && !is_hanging_space(right) &&
         !is_no_end(code_point_before(p.text, i));
}

// Last resort before overflowing: a cut right after a run of spaces (they
// hang), even where a no-start character (：, ）) then begins the next line.
bool after_spaces_ok(const Paragraph& p, std::uint32_t i) {
  return p.segmentation.grapheme_start[i] && is_hanging_space(code_point_before(p.text, i)) &&
         !is_hanging_space(code_point_at(p.text, i));
}

// Where to cut [start, first_opportunity) so that the line fits; 0 if nowhere.
std::uint32_t emergency_cut(const Paragraph& p, std::uint32_t start, std::uint32_t first_opportunity, double limit,
                            double tab_stop_em) {
  for (const auto ok : {emergency_break_ok, after_spaces_ok}) {
    std::uint32_t cut = 0;
    for (std::uint32_t g = start + 1; g < first_opportunity; ++g) {
      if (!ok(p, g)) continue;
      if (measure_em(p, start, visible_end(p, start, g), tab_stop_em) > limit) break;
      cut = g;
    }
    if (cut) return cut;
  }
  return 0;
}

}  // namespace

std::uint32_t visible_end(const Paragraph& p, std::uint32_t start, std::uint32_t b) {
  std::uint32_t e = b;
  while (e > start) {
    const char16_t c = p.text[e - 1];
    if (!(is_hanging_space(c) || is_hard_break_char(c) || c == u'\u00AD' || c == u'\u200B')) break;
    --e;
  }
  return e;
}

double line_width_em(const Paragraph& p, std::uint32_t start, std::uint32_t b, const FillOptions& o, bool* hyphen) {
  const std::uint32_t e = visible_end(p, start, b);
  double w = measure_em(p, start, e, o.tab_stop_em);
  const bool h = ends_with_soft_hyphen(p, start, b);
  if (h) w += p.hyphen.advance_em;
  if (hyphen) *hyphen = h;
  return w;
}

double measure_em(const Paragraph& p, std::uint32_t start, std::uint32_t end, double tab_stop_em) {
  if (end <= start) return 0;
  if (!p.has_tabs) return p.pen_em[end] - p.pen_em[start];
  double x = 0;
  std::uint32_t from = start;
  for (std::uint32_t i = start; i < end; ++i) {
    if (p.text[i] != u'\t') continue;
    x += p.pen_em[i] - p.pen_em[from];
    x = (std::floor(x / tab_stop_em + 1e-9) + 1) * tab_stop_em;
    from = i + 1;
  }
  return x + p.pen_em[end] - p.pen_em[from];
}

std::vector<LineSpan> fill_lines(const Paragraph& p, const FillOptions& o) {
  std::vector<LineSpan> lines;
  const auto n = static_cast<std::uint32_t>(p.text.size());
  const auto& breaks = p.segmentation.breaks;
  const double limit = o.max_width_em + 1e-9;
  std::uint32_t start = 0;
  while (start < n) {
    LineSpan line;
    line.start = start;
    std::uint32_t best = 0;
    std::uint32_t first_opportunity = 0;
    for (std::uint32_t b = start + 1; b <= n; ++b) {
      if (breaks[b] == BreakKind::none) continue;
      if (!first_opportunity) first_opportunity = b;
      bool hyphen = false;
      const double w = line_width_em(p, start, b, o, &hyphen);
      if (w > limit) break;
      best = b;
      line.width_em = w;
      line.hyphen = hyphen;
      if (breaks[b] == BreakKind::mandatory) break;
    }
    if (best) {
      line.end = visible_end(p, start, best);
      line.next = best;
    } else {
      // Nothing fits: break between grapheme clusters inside the first segment.
      const std::uint32_t cut = emergency_cut(p, start, first_opportunity, limit, o.tab_stop_em);
      if (cut) {
        line.end = visible_end(p, start, cut);
        line.next = cut;
        line.broke_inside_word = true;
      } else {  // a single cluster or an unbreakable number wider than the box: it overflows
        line.end = visible_end(p, start, first_opportunity);
        line.next = first_opportunity;
      }
      line.width_em = measure_em(p, start, line.end, o.tab_stop_em);
    }
    lines.push_back(line);
    start = line.next;
  }
  return lines;
}

void truncate_with_ellipsis(const Paragraph& p, LineSpan& line, const FillOptions& o) {
  const double room = o.max_width_em - p.ellipsis.advance_em + 1e-9;
  std::uint32_t e = line.end;
  while (e > line.start && (measure_em(p, line.start, e, o.tab_stop_em) > room ||
                            !p.segmentation.grapheme_start[e] || is_hanging_space(p.text[e - 1]))) {
    --e;
  }
  line.end = e;
  line.hyphen = false;
  line.ellipsis = true;
  line.width_em = measure_em(p, line.start, e, o.tab_stop_em) + p.ellipsis.advance_em;
}

}  // namespace annae::text
