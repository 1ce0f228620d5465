#include "text/layout.hpp"

#include <algorithm>
#include <cmath>
#include <list>
#include <unordered_map>

#include "text/line_fill.hpp"
#include "text/paragraph_breaker.hpp"
#include "text/paragraph.hpp"
#include "text/unicode/normalize.hpp"

namespace annae::text {
namespace {

constexpr std::size_t paragraph_cache_capacity = 1024;

bool draws_nothing(char16_t c) {
  return is_hanging_space(c) || is_hard_break_char(c) || c == u'\u00AD' || c == u'\u200B' || c == u'\u2060' ||
         c == u'\uFEFF';
}

FillOptions fill_options(const TextStyle& style, float width_px) {
  return {static_cast<double>(width_px) / style.size_px, style.tab_stop_em};
}

// Where a line of width_px starts in the box for an alignment; never left of the box.
float line_start_px(Align align, float box_width_px, float width_px) {
  float x_px = 0;
  switch (align) {
    case Align::start: x_px = 0; break;
    case Align::center: x_px = (box_width_px - width_px) / 2; break;
    case Align::end: x_px = box_width_px - width_px; break;
  }
  return std::max(0.0f, x_px);
}

// Appends the glyphs of span's clusters that draw something, placed on line's baseline.
void place_span_glyphs(const Paragraph& p, const LineSpan& span, const TextStyle& style, const TextLine& line,
                       std::vector<PlacedGlyph>& glyphs) {
  const auto size = static_cast<float>(style.size_px);
  auto it = std::lower_bound(p.glyphs.begin(), p.glyphs.end(), span.start,
                             [](const ShapedGlyph& g, std::uint32_t c) { return g.cluster < c; });
  double pen_em = 0;
  std::uint32_t current_cluster = UINT32_MAX;
  for (; it != p.glyphs.end() && it->cluster < span.end; ++it) {
    if (it->cluster != current_cluster) {
      current_cluster = it->cluster;
      pen_em = measure_em(p, span.start, it->cluster, style.tab_stop_em);
    }
    if (!draws_nothing(p.text[it->cluster])) {
      glyphs.push_back({it->face, it->glyph, line.x_px + static_cast<float>((pen_em + it->x_offset_em) * size),
                        line.baseline_px - it->y_offset_em * size});
    }
    pen_em += it->advance_em;
  }
}

// The span's text as shown, soft hyphens dropped (a hyphen or ellipsis mark is added by the caller).
std::u16string span_text(const Paragraph& p, const LineSpan& span) {
  std::u16string shown;
  shown.reserve(span.end - span.start + 1);
  for (std::uint32_t i = span.start; i < span.end; ++i) {
    if (p.text[i] != u'\u00AD') shown += p.text[i];
  }
  return shown;
}

TextBlock build_block(const Paragraph& p, const std::vector<LineSpan>& spans, const TextStyle& style,
                      float box_width_px) {
  TextBlock block;
  const auto size = static_cast<float>(style.size_px);
  block.size_px = style.size_px;
  block.line_height_px = size * style.line_height;
  block.box_width_px = box_width_px;
  block.height_px = block.line_height_px * static_cast<float>(spans.size());
  const float ascent = p.primary_info.ascender_em * size;
  const float descent = p.primary_info.descender_em * size;
  const float half_leading = (block.line_height_px - ascent - descent) / 2;

  for (std::size_t k = 0; k < spans.size(); ++k) {
    const LineSpan& span = spans[k];
    TextLine line;
    line.width_px = static_cast<float>(span.width_em * size);
    line.baseline_px = std::round(half_leading + ascent + static_cast<float>(k) * block.line_height_px);
    line.x_px = line_start_px(style.align, box_width_px, line.width_px);
    line.first_glyph = static_cast<std::uint32_t>(block.glyphs.size());

    place_span_glyphs(p, span, style, line, block.glyphs);
    const double end_em = measure_em(p, span.start, span.end, style.tab_stop_em);
    std::u16string shown = span_text(p, span);
    if (span.hyphen || span.ellipsis) {
      const ShapedGlyph& mark = span.hyphen ? p.hyphen : p.ellipsis;
      block.glyphs.push_back({mark.face, mark.glyph, line.x_px + static_cast<float>(end_em * size), line.baseline_px});
      shown += span.hyphen ? u"-" : u"…";
    }
    line.text = to_utf8(shown);
    line.glyph_count = static_cast<std::uint32_t>(block.glyphs.size()) - line.first_glyph;
    line.ends_paragraph = k + 1 == spans.size() || (span.next > 0 && is_hard_break_char(p.text[span.next - 1]));
    block.width_px = std::max(block.width_px, line.width_px);
    block.truncated |= span.ellipsis;
    block.broke_inside_word |= span.broke_inside_word;
    block.overflows |= line.width_px > box_width_px + 0.01f;
    block.lines.push_back(std::move(line));
  }
  return block;
}

bool fits(const std::vector<LineSpan>& spans, const TextStyle& style, float width_px, float height_px,
          bool allow_word_breaks) {
  const double line_px = style.size_px * static_cast<double>(style.line_height);
  if (static_cast<double>(spans.size()) * line_px > height_px + 0.5) return false;
  for (const auto& s : spans) {
    if (s.width_em * style.size_px > width_px + 0.01) return false;
    if (s.broke_inside_word && !allow_word_breaks) return false;
  }
  return true;
}

// Whether a line ends where the paragraph breaker counts a strong penalty
// (a bound noun, a parenthesised affiliation, a short quoted term).
bool takes_penalised_break(const Paragraph& p, const std::vector<LineSpan>& spans) {
  if (p.break_penalty.size() != p.text.size() + 1) return false;
  for (const auto& line : spans) {
    if (line.next < p.text.size() && p.break_penalty[line.next] >= strong_break_penalty) return true;
  }
  return false;
}

}  // namespace

struct TextEngine::Cache {
  using Entry = std::pair<std::string, std::shared_ptr<const Paragraph>>;
  std::list<Entry> lru;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index;
};

TextEngine::TextEngine(FontLibrary::Options fonts)
    : fonts_(std::make_unique<FontLibrary>(std::move(fonts))),
      segmenter_(std::make_unique<Segmenter>()),
      cache_(std::make_unique<Cache>()) {}

TextEngine::~TextEngine() = default;

bool TextEngine::has_fonts() { return fonts_->chain({}) != nullptr; }

void TextEngine::clear_cache() {
  cache_->lru.clear();
  cache_->index.clear();
}

std::shared_ptr<const Paragraph> TextEngine::prepare(std::string_view utf8, const FontRequest& font) {
  std::string key = font.family;
  key += '\0';
  key += std::to_string(font.weight);
  key += '\0';
  key += utf8;
  if (auto it = cache_->index.find(key); it != cache_->index.end()) {
    cache_->lru.splice(cache_->lru.begin(), cache_->lru, it->second);
    return it->second->second;
  }
  FontChain* chain = fonts_->chain(font);
  if (!chain) return nullptr;
  auto paragraph = prepare_paragraph(utf8, *chain, *fonts_, *segmenter_);
  cache_->lru.emplace_front(key, paragraph);
  cache_->index[std::move(key)] = cache_->lru.begin();
  if (cache_->lru.size() > paragraph_cache_capacity) {
    cache_->index.erase(cache_->lru.back().first);
    cache_->lru.pop_back();
  }
  return paragraph;
}

TextBlock TextEngine::layout(std::string_view utf8, const TextStyle& style, float max_width_px) {
  auto p = prepare(utf8, style.font);
  if (!p || style.size_px <= 0) return {};
  return build_block(*p, break_lines(*p, fill_options(style, max_width_px), style.wrap), style, max_width_px);
}

TextBlock TextEngine::fit(std::string_view utf8, const TextStyle& style, float width_px, float height_px,
                          const FitOptions& options) {
  auto p = prepare(utf8, style.font);
  if (!p || style.size_px <= 0) return {};
  TextStyle s = style;
  const auto lines_at = [&](int size) {  // the breaker that draws is the one that decides what fits
    s.size_px = size;
    return break_lines(*p, fill_options(s, width_px), s.wrap);
  };
  const int floor_px = std::clamp(options.min_size_px, 1, style.size_px);
  // A fit is tight, so pretty and balance may have had to take a break they
  // penalise ("강화할 수 | 있는"): a few pixels smaller often has a clean one.
  const auto settle = [&](int size_px) {
    if (s.wrap == Wrap::greedy) return size_px;
    const int lowest = std::max(floor_px, size_px - std::max(2, size_px * 6 / 100));
    for (int size = size_px; size >= lowest; --size) {
      const auto spans_at = lines_at(size);
      if (!fits(spans_at, s, width_px, height_px, false)) continue;
      if (!takes_penalised_break(*p, spans_at)) return size;
    }
    return size_px;
  };

  auto spans = lines_at(style.size_px);
  if (fits(spans, s, width_px, height_px, false)) {
    const int size = settle(style.size_px);
    return build_block(*p, lines_at(size), s, width_px);
  }

  int lo = floor_px, hi = style.size_px - 1, best = 0;
  while (lo <= hi) {
    const int mid = lo + (hi - lo) / 2;
    if (fits(lines_at(mid), s, width_px, height_px, false)) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (best) {
    spans = lines_at(settle(best));
    return build_block(*p, spans, s, width_px);
  }

  spans = lines_at(floor_px);  // at the floor, words may break between clusters
  if (options.allow_truncate && !fits(spans, s, width_px, height_px, true)) {
    const double line_px = floor_px * static_cast<double>(s.line_height);
    const auto max_lines = static_cast<std::size_t>(std::max(1.0, std::floor((height_px + 0.5) / line_px)));
    if (spans.size() > max_lines) spans.resize(max_lines);
    truncate_with_ellipsis(*p, spans.back(), fill_options(s, width_px));
  }
  return build_block(*p, spans, s, width_px);
}

}  // namespace annae::text
