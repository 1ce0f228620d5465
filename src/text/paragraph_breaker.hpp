#pragma once
// Stage 6, whole paragraphs: the breaks of a paragraph (the text between hard
// breaks) chosen together by dynamic programming over the opportunities the
// segmenter offers (Knuth–Plass-style total fit), instead of line by line.
//
// Cost of a layout = Σ badness of its lines + Σ penalties, where a line's
// badness is 100 × (slack / measure)², slack = measure − visible width:
//  - pretty: every line but the last has badness (the last line's slack is
//    free, only its penalties count); a typeset paragraph, not a ragged one;
//  - balance: every line, the last included, is measured against an even
//    share of the paragraph's width (its width over greedy's line count),
//    not against the measure: this minimises the spread of line widths
//    (titles), as CSS `text-wrap: balance` does by narrowing the box.
// Penalties (see paragraph_breaker.cpp for the values and why): a last line
// of a single 어절 or shorter than a third of the measure; a break inside a
// bound-noun construction ("가져올 수 | 있는", "할 | 수 있다"); a break
// before a parenthesised group ("김은란 | (국토연구원)"); a break inside a
// short quoted or bracketed term (“스마트 지역발전 | 5대 전략”); a break
// after a joining middle dot rather than at a space.
//
// Contract, for every wrap and width:
//  - never more lines than greedy (fill_lines) at the same width, so heights
//    and auto-fit behave as with greedy;
//  - never a line wider than the measure: a paragraph where greedy has to
//    break inside a word or overflow (an unbreakable run) is kept exactly as
//    greedy breaks it;
//  - the same LineSpan values as fill_lines (trailing spaces hang, soft
//    hyphens, hard breaks), so the rest of layout does not care who broke.
#include <vector>

#include "text/block.hpp"
#include "text/line_fill.hpp"

namespace annae::text {

// Lines of the whole text (hard breaks included). Wrap::greedy is fill_lines.
std::vector<LineSpan> break_lines(const Paragraph& p, const FillOptions& options, Wrap wrap);

// Penalties at or above this are breaks a Korean editor sends back (a bound
// noun from its verb, a name from its affiliation, inside a short quoted
// term); a fit steps a little smaller to avoid them (layout.cpp).
inline constexpr double strong_break_penalty = 60;

// The penalty of a break before each code unit (size n+1), independent of
// size and width: prepare_paragraph stores it in Paragraph::break_penalty so
// that a fit's size search does not recompute it at every size.
std::vector<double> break_penalties(const Paragraph& p);

}  // namespace annae::text
