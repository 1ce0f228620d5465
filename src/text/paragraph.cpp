#include "text/paragraph.hpp"

#include "text/paragraph_breaker.hpp"

#include "text/unicode/normalize.hpp"

namespace annae::text {
namespace {

ShapedGlyph shape_single(std::u16string_view s, FontChain& chain, FontLibrary& fonts) {
  const auto runs = itemize(s, chain);
  const auto glyphs = shape(s, runs, fonts);
  ShapedGlyph g = glyphs.empty() ? ShapedGlyph{} : glyphs.front();
  for (std::size_t k = 1; k < glyphs.size(); ++k) g.advance_em += glyphs[k].advance_em;
  return g;
}

}  // namespace

std::shared_ptr<const Paragraph> prepare_paragraph(std::string_view utf8, FontChain& chain, FontLibrary& fonts,
                                                   Segmenter& segmenter) {
  auto p = std::make_shared<Paragraph>();
  p->text = decode_normalized(utf8);
  p->segmentation = segmenter.segment(p->text);
  p->glyphs = shape(p->text, itemize(p->text, chain), fonts);
  p->primary = chain.primary();
  p->primary_info = fonts.info(p->primary);

  const std::size_t n = p->text.size();
  std::vector<double> advance_at(n + 1, 0.0);
  for (const auto& g : p->glyphs) {
    if (g.cluster < n && p->text[g.cluster] != u'\t') advance_at[g.cluster] += g.advance_em;
  }
  p->pen_em.assign(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) p->pen_em[i + 1] = p->pen_em[i] + advance_at[i];
  p->has_tabs = p->text.find(u'\t') != std::u16string::npos;
  p->hyphen = shape_single(u"-", chain, fonts);
  p->ellipsis = shape_single(u"…", chain, fonts);
  p->break_penalty = break_penalties(*p);  // size-independent: once, not at every size a fit tries
  return p;
}

}  // namespace annae::text
