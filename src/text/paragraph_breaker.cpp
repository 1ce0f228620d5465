#include "text/paragraph_breaker.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <string_view>
#include <utility>

namespace annae::text {
namespace {

// All costs are in badness units: a line left completely empty costs 100
// (badness = badness_scale × (slack / measure)²), a line 30 % short costs 9.
constexpr double badness_scale = 100;

// A last line of one 어절 ("…마련", "발표한다." alone) is the break Korean
// editors send back most. Above the worst badness one line can have (100), so
// that when the same number of lines allows a longer last line, pretty takes
// it (moving one word down costs the line above at most 100).
constexpr double single_word_last_line_penalty = 150;
// A last line shorter than a third of the measure reads as a stray fragment
// even with two 어절 on it. Scaled by how much shorter (full at width 0,
// nothing at a third), and weaker: a last line a little short should not
// cost a much looser line above it.
constexpr double short_last_line_penalty = 40;
constexpr double short_last_line_fraction = 1.0 / 3;

// "가져올 수 | 있는", "할 | 수 있다", "사장 | 등": a bound noun (의존 명사)
// belongs to the 어절 before it, and 수/줄/것/… to the predicate after. As
// strong as a stretched line (r ≈ 0.77): avoided unless it costs a lot.
constexpr double bound_noun_penalty = 60;
// "김은란 | (국토연구원)": a name and its affiliation in parentheses.
constexpr double before_parenthesis_penalty = 60;
// “스마트 지역발전 | 5대 전략”: a short quoted or bracketed term is one name.
constexpr double inside_short_term_penalty = 100;
static_assert(bound_noun_penalty >= strong_break_penalty && before_parenthesis_penalty >= strong_break_penalty &&
                  inside_short_term_penalty >= strong_break_penalty,
              "the penalties a fit avoids are the strong ones");
constexpr int short_term_max_code_points = 20;  // content between the marks
// "Compact & | Network", "Compact | & Network": a lone symbol (&, +, /, ·)
// between two words binds them.
constexpr double lone_symbol_penalty = 40;
// "적기·|적소에" is allowed, but a break at a space reads better.
constexpr double after_joining_dot_penalty = 10;

constexpr double infinite_cost = std::numeric_limits<double>::infinity();

// Bound nouns alone or with a particle or copula: a line must not start with
// one, since it completes the 어절 before it ("가져올 | 수 있는", "사장 | 등").
constexpr std::u16string_view bound_noun_forms[] = {
    u"수", u"수가", u"수는", u"수도", u"수를", u"수밖에", u"수만",
    u"것", u"것이", u"것은", u"것을", u"것도", u"것과", u"것에", u"것으로", u"것이다", u"것이며", u"것입니다",
    u"것만", u"것처럼",
    u"등", u"등의", u"등을", u"등이", u"등은", u"등에", u"등과", u"등도", u"등으로", u"등이다", u"등에서", u"등과의",
    u"때문", u"때문에", u"때문이다", u"때문이며",
    u"데", u"데에", u"데도", u"데는",
    u"바", u"바가", u"바와", u"바를", u"바에", u"바는", u"바이다",
    u"뿐", u"뿐만", u"뿐이다", u"뿐이며", u"뿐더러",
    u"줄", u"줄도", u"줄은",
    u"듯", u"듯이", u"듯한", u"듯하다",
    u"만큼", u"따름", u"따름이다",
    u"터", u"터이다",
    u"채", u"채로",
    u"김에", u"대로", u"리가", u"척", u"적이", u"적은", u"적도",
};

// Bound nouns that form a construction with the predicate after them: a line
// must not end with one ("가져올 수 | 있는", "할 것 | 같다", "할 줄 | 안다").
// Not 등/데/때문에: a list or a clause may well end a line there.
constexpr std::u16string_view construction_heads[] = {
    u"수", u"수가", u"수는", u"수도", u"수밖에", u"줄", u"줄도", u"것", u"듯", u"뿐", u"바", u"터", u"리",
    u"리가", u"적이", u"채",
};

constexpr std::size_t longest_bound_noun_form = 4;  // 것입니다, 때문이다: a quick filter before the lists

template <std::size_t N>
bool one_of(std::u16string_view word, const std::u16string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool ends_word(char16_t c) { return is_hanging_space(c) || is_hard_break_char(c); }

// The 어절 (space-separated word) that starts at `from`.
std::u16string_view word_after(const std::u16string& s, std::uint32_t from) {
  std::uint32_t to = from;
  while (to < s.size() && !ends_word(s[to])) ++to;
  return std::u16string_view(s).substr(from, to - from);
}

// The 어절 that ends at `to`, spaces before `to` skipped.
std::u16string_view word_before(const std::u16string& s, std::uint32_t to) {
  while (to > 0 && ends_word(s[to - 1])) --to;
  std::uint32_t from = to;
  while (from > 0 && !ends_word(s[from - 1])) --from;
  return std::u16string_view(s).substr(from, to - from);
}

// A word without the punctuation and brackets around it: "있다." -> "있다".
std::u16string_view core(std::u16string_view w) {
  while (!w.empty() && !is_word_char(w.front())) w.remove_prefix(1);
  while (!w.empty() && !is_word_char(w.back())) w.remove_suffix(1);
  return w;
}

// A cheap filter before comparing whole words: short, and starting like a form of the list.
template <std::size_t N>
bool may_be_one_of(std::u16string_view w, const std::u16string_view (&list)[N]) {
  if (w.empty() || w.size() > longest_bound_noun_form) return false;
  return std::any_of(std::begin(list), std::end(list), [&](std::u16string_view f) { return f.front() == w.front(); });
}

bool lone_symbol(std::u16string_view w) {
  return w.size() == 1 && std::u16string_view(u"&+/=·ㆍ・×").find(w[0]) != std::u16string_view::npos;
}

// Quote and bracket pairs whose short content is one term.
constexpr std::array<std::pair<char16_t, char16_t>, 13> term_marks = {{
    {u'“', u'”'}, {u'‘', u'’'}, {u'「', u'」'}, {u'『', u'』'}, {u'《', u'》'}, {u'〈', u'〉'}, {u'(', u')'},
    {u'（', u'）'}, {u'[', u']'}, {u'［', u'］'}, {u'【', u'】'}, {u'<', u'>'}, {u'"', u'"'},
}};

// Where the term opened at `open` closes, if it does within the length limit
// and before a hard break; 0 otherwise. Nested pairs of the same kind count.
std::uint32_t short_term_close(const std::u16string& s, std::uint32_t open, char16_t opening, char16_t closing) {
  int depth = 0, code_points = 0;
  for (std::uint32_t i = open + 1; i < s.size() && !is_hard_break_char(s[i]); ++i) {
    if (s[i] == closing && depth == 0) return i;
    if (s[i] == closing) {
      --depth;
    } else if (s[i] == opening) {
      ++depth;
    }
    if ((s[i] & 0xFC00) != 0xDC00 && ++code_points > short_term_max_code_points) return 0;
  }
  return 0;
}

void add_short_term_penalties(const Paragraph& p, std::vector<double>& penalty) {
  const std::u16string& s = p.text;
  for (std::uint32_t i = 0; i < s.size(); ++i) {
    for (const auto& [opening, closing] : term_marks) {
      if (s[i] != opening) continue;
      const std::uint32_t close = short_term_close(s, i, opening, closing);
      for (std::uint32_t b = i + 1; b <= close; ++b) penalty[b] = std::max(penalty[b], inside_short_term_penalty);
      if (opening == closing && close) i = close;  // a straight quote closes; it does not open the next term
      break;
    }
  }
}

// Penalty for a break at the opportunity `b` that follows a space.
double word_boundary_penalty(const Paragraph& p, std::uint32_t b) {
  const std::u16string_view after = word_after(p.text, b);
  const std::u16string_view before = word_before(p.text, b);
  double cost = 0;
  const auto after_core = core(after), before_core = core(before);
  if ((may_be_one_of(after_core, bound_noun_forms) && one_of(after_core, bound_noun_forms)) ||
      (may_be_one_of(before_core, construction_heads) && one_of(before_core, construction_heads)))
    cost += bound_noun_penalty;
  if (lone_symbol(after) || lone_symbol(before)) cost += lone_symbol_penalty;
  const char16_t next = p.text[b];
  const std::uint32_t e = visible_end(p, 0, b);
  if ((next == u'(' || next == u'（' || next == u'[' || next == u'［') && e > 0 && is_word_char(p.text[e - 1])) {
    cost += before_parenthesis_penalty;
  }
  return cost;
}

// The cost of ending a line at each code unit boundary (size n+1; 0 where no
// penalty applies). Size-independent.
std::vector<double> compute_break_penalties(const Paragraph& p) {
  const auto n = static_cast<std::uint32_t>(p.text.size());
  std::vector<double> penalty(n + 1, 0.0);
  add_short_term_penalties(p, penalty);
  for (std::uint32_t b = 1; b < n; ++b) {
    if (p.segmentation.breaks[b] != BreakKind::allowed) continue;
    const char16_t left = p.text[b - 1];
    if (is_hanging_space(left)) penalty[b] += word_boundary_penalty(p, b);
    if (is_joining_dot(left)) penalty[b] += after_joining_dot_penalty;
  }
  return penalty;
}

double badness(double width_em, double measure_em) {
  const double r = std::max(0.0, measure_em - width_em) / measure_em;
  return badness_scale * r * r;
}

// One paragraph [from, to) of a text, to be broken into at most max_lines lines.
struct Problem {
  const Paragraph& p;
  const FillOptions& options;
  Wrap wrap;
  const std::vector<double>& penalty;
  std::vector<std::uint32_t> candidates;  // from, every opportunity after it, to
  std::vector<std::uint32_t> visible_ends;  // per candidate: visible_end(p, from, candidate)
  std::vector<double> hyphen_em;            // per candidate: the '-' a soft hyphen adds there, or 0
  std::size_t max_lines = 0;
  std::uint32_t last_space = 0;  // the last space inside the paragraph's visible text, or 0 (none after `from`)
  double balance_target_em = 0;  // balance: the paragraph's width shared evenly over greedy's line count
};

// Balance measures each line against the even share, not the measure, so
// that "Compact & / Network 구축" beats "Compact & Network / 구축" however
// wide the box is (as CSS `text-wrap: balance` narrows the box until the
// line count would change).
double balance_badness(double width_em, double target_em) {
  const double r = (width_em - target_em) / target_em;
  return badness_scale * r * r;
}

double last_line_penalty(const Problem& pr, std::uint32_t start, double width_em) {
  double cost = 0;
  if (start > pr.last_space) cost += single_word_last_line_penalty;  // no space on the line: one 어절
  const double short_em = pr.options.max_width_em * short_last_line_fraction;
  if (width_em < short_em) cost += short_last_line_penalty * (1 - width_em / short_em);
  return cost;
}

// Cost of a line from candidate i to candidate j, or infinity when it does
// not fit. A last line that starts after candidate 0 is not the only line.
double line_cost(const Problem& pr, std::size_t i, std::size_t j) {
  const std::uint32_t start = pr.candidates[i];
  const double w = pr.p.has_tabs ? line_width_em(pr.p, start, pr.candidates[j], pr.options, nullptr)
                                 : pr.p.pen_em[std::max(pr.visible_ends[j], start)] - pr.p.pen_em[start] +
                                       pr.hyphen_em[j];  // line_width_em without tabs, precomputed
  if (w > pr.options.max_width_em + 1e-9) return infinite_cost;
  const bool last = j + 1 == pr.candidates.size();
  const bool balance = pr.wrap == Wrap::balance;
  const double line_badness = balance ? balance_badness(w, pr.balance_target_em) : badness(w, pr.options.max_width_em);
  if (!last) return line_badness + pr.penalty[pr.candidates[j]];
  // Balanced lines need no last-line rule: a title's last line of one long
  // 어절 ("연계협력방안") is as good as any when the widths match.
  if (balance) return line_badness;
  return i > 0 ? last_line_penalty(pr, start, w) : 0.0;
}

// Total fit by dynamic programming over the candidates. Unbounded: cost[j]
// is the cheapest way to end a line at candidate j, whatever the count.
// Bounded: cost[k][j] the cheapest with k lines, k <= max_lines (G times the
// work, needed only when the unbounded optimum takes more lines than greedy).
// Returns the chosen line ends (indices into candidates), empty if none fits.
std::vector<std::size_t> total_fit(const Problem& pr, bool bounded) {
  const std::size_t m = pr.candidates.size();
  const std::size_t layers = bounded ? pr.max_lines + 1 : 1;
  std::vector<double> cost(layers * m, infinite_cost);
  std::vector<std::size_t> parent(cost.size(), 0);
  cost[0] = 0;
  for (std::size_t k = 0; k < (bounded ? pr.max_lines : 1); ++k) {
    const std::size_t to_layer = bounded ? k + 1 : 0;
    for (std::size_t i = 0; i + 1 < m; ++i) {
      const double here = cost[k * m + i];
      if (here == infinite_cost) continue;
      for (std::size_t j = i + 1; j < m; ++j) {
        const double c = line_cost(pr, i, j);
        if (c == infinite_cost) break;  // wider ends only get wider
        if (here + c < cost[to_layer * m + j]) {
          cost[to_layer * m + j] = here + c;
          parent[to_layer * m + j] = i;
        }
      }
    }
  }
  std::size_t best_k = bounded ? 0 : 1;  // unbounded: layer 0 holds every count
  for (std::size_t k = 1; bounded && k <= pr.max_lines; ++k) {
    if (cost[k * m + m - 1] < (best_k ? cost[best_k * m + m - 1] : infinite_cost)) best_k = k;
  }
  std::vector<std::size_t> ends;
  if (cost[(bounded ? best_k : 0) * m + m - 1] == infinite_cost) return ends;
  for (std::size_t k = best_k, j = m - 1; j != 0; k -= bounded ? 1 : 0) {
    ends.push_back(j);
    j = parent[(bounded ? k : 0) * m + j];
  }
  std::reverse(ends.begin(), ends.end());
  return ends;
}

std::vector<std::size_t> choose_breaks(const Problem& pr) {
  auto ends = total_fit(pr, false);
  if (ends.size() > pr.max_lines) ends = total_fit(pr, true);
  return ends;
}

LineSpan span_between(const Paragraph& p, const FillOptions& o, std::uint32_t start, std::uint32_t b) {
  LineSpan line;
  line.start = start;
  line.next = b;
  line.end = visible_end(p, start, b);
  line.width_em = line_width_em(p, start, b, o, &line.hyphen);
  return line;
}

// Re-breaks one paragraph that greedy broke into `greedy` (≥ 2 lines, none
// broken inside a word nor overflowing) and appends the result to `out`.
void break_paragraph(Problem& pr, const std::vector<LineSpan>& greedy, std::vector<LineSpan>& out) {
  const std::uint32_t from = greedy.front().start;
  const std::uint32_t to = greedy.back().next;
  pr.candidates.clear();
  pr.candidates.push_back(from);
  for (std::uint32_t b = from + 1; b < to; ++b) {
    if (pr.p.segmentation.breaks[b] != BreakKind::none) pr.candidates.push_back(b);
  }
  pr.candidates.push_back(to);
  pr.visible_ends.clear();
  pr.hyphen_em.clear();
  for (std::uint32_t c : pr.candidates) {
    bool hyphen = false;
    (void)line_width_em(pr.p, from, c, pr.options, &hyphen);
    pr.visible_ends.push_back(visible_end(pr.p, from, c));
    pr.hyphen_em.push_back(hyphen ? pr.p.hyphen.advance_em : 0.0);
  }
  pr.max_lines = greedy.size();
  pr.balance_target_em = std::max(
      1e-6, (pr.p.pen_em[visible_end(pr.p, from, to)] - pr.p.pen_em[from]) / static_cast<double>(std::max<std::size_t>(1, pr.max_lines)));
  pr.last_space = 0;
  for (std::uint32_t e = visible_end(pr.p, from, to); e > from; --e) {
    if (is_hanging_space(pr.p.text[e - 1])) {
      pr.last_space = e - 1;
      break;
    }
  }
  const auto ends = choose_breaks(pr);
  if (ends.empty()) {  // cannot happen (greedy's own breaks are a solution); stay safe
    out.insert(out.end(), greedy.begin(), greedy.end());
    return;
  }
  std::uint32_t start = from;
  for (std::size_t j : ends) {
    out.push_back(span_between(pr.p, pr.options, start, pr.candidates[j]));
    start = pr.candidates[j];
  }
}

bool needs_total_fit(const std::vector<LineSpan>& lines, const FillOptions& o) {
  if (lines.size() < 2) return false;
  return std::none_of(lines.begin(), lines.end(), [&](const LineSpan& l) {
    return l.broke_inside_word || l.width_em > o.max_width_em + 1e-9;
  });
}

}  // namespace

std::vector<double> break_penalties(const Paragraph& p) { return compute_break_penalties(p); }

std::vector<LineSpan> break_lines(const Paragraph& p, const FillOptions& options, Wrap wrap) {
  std::vector<LineSpan> greedy = fill_lines(p, options);
  if (wrap == Wrap::greedy || greedy.size() < 2) return greedy;
  std::vector<double> computed;
  if (p.break_penalty.size() != p.text.size() + 1) computed = compute_break_penalties(p);
  const std::vector<double>& penalty = computed.empty() ? p.break_penalty : computed;
  Problem problem{p, options, wrap, penalty, {}, {}, {}, 0, 0};
  std::vector<LineSpan> out;
  out.reserve(greedy.size());
  std::vector<LineSpan> paragraph;
  for (const LineSpan& line : greedy) {
    paragraph.push_back(line);
    if (p.segmentation.breaks[line.next] != BreakKind::mandatory) continue;  // the paragraph goes on
    if (needs_total_fit(paragraph, options))
      break_paragraph(problem, paragraph, out);
    else
      out.insert(out.end(), paragraph.begin(), paragraph.end());
    paragraph.clear();
  }
  out.insert(out.end(), paragraph.begin(), paragraph.end());  // defensive: the text always ends with a mandatory break
  return out;
}

}  // namespace annae::text
