#include "slides/slide_layout.hpp"

#include <cmath>

namespace annae::slides {

Scene blank_page(const LayoutContext& ctx) {
  Scene s;
  s.width_px = ctx.metrics.width_px;
  s.height_px = ctx.metrics.height_px;
  s.background = ctx.palette.background;
  return s;
}

SlidePages paginate_titled(const content::Text& title, const std::vector<FlowBlock>& blocks, float min_scale,
                           const LayoutContext& ctx, std::vector<Diagnostic> issues) {
  SlidePages out;
  const auto& m = ctx.metrics;
  Scene probe = blank_page(ctx);
  const float top = put_title(probe, ctx, title, issues);
  const auto pages = paginate(blocks, m.content.bottom() - top, min_scale);
  for (std::size_t k = 0; k < pages.size(); ++k) {
    Scene page = blank_page(ctx);
    std::vector<Diagnostic> ignored;  // the title's issues were collected once, above
    put_title(page, ctx, title, ignored);
    place_page(blocks, pages[k], top, page);
    if (pages.size() > 1) {
      auto counter = lay_text(ctx, std::to_string(k + 1) + " / " + std::to_string(pages.size()),
                              text_style(ctx, m.type.small_px, Weight::medium, 1.2f, text::Align::end), m.content.w * 0.2f);
      put(page, counter, m.content.right() - m.content.w * 0.2f, m.content.y, ctx.palette.muted);
    }
    out.pages.push_back(std::move(page));
  }
  out.issues = std::move(issues);
  return out;
}

SlidePages layout_slide(const content::Slide& slide, const LayoutContext& ctx) {
  return std::visit(
      [&](const auto& c) -> SlidePages {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, content::CoverSlide>) return layout_cover(slide, c, ctx);
        if constexpr (std::is_same_v<T, content::StrategiesSlide>) return layout_strategies(c, ctx);
        if constexpr (std::is_same_v<T, content::TextSlide>) return layout_text(c, ctx);
        if constexpr (std::is_same_v<T, content::AgendaSlide>) return layout_agenda(slide, c, ctx);
        if constexpr (std::is_same_v<T, content::TalksSlide>) return layout_talks(c, ctx);
        if constexpr (std::is_same_v<T, content::ContactsSlide>) return layout_contacts(c, ctx);
        if constexpr (std::is_same_v<T, content::QuoteSlide>) return layout_quote(c, ctx);
        if constexpr (std::is_same_v<T, content::ImageSlide>) return layout_image(c, ctx);
      },
      slide.content);
}

}  // namespace annae::slides
