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

SlidePages paginate_titled(const content::Text& title, const std::vector<FlowBlock>& blocks, const Spread& spread,
                           const LayoutContext& ctx, std::vector<Diagnostic> issues, std::optional<std::size_t> focus) {
  SlidePages out;
  const auto& m = ctx.metrics;
  Scene probe = blank_page(ctx);
  const float top = put_title(probe, ctx, title, issues);
  const float height = m.content.bottom() - top;
  const auto pages = paginate(blocks, height, {m.type.min_step(), m.max_step});
  for (std::size_t k = 0; k < pages.size(); ++k) {
    Scene page = blank_page(ctx);
    std::vector<Diagnostic> ignored;  // the title's issues were collected once, above
    put_title(page, ctx, title, ignored);
    // A slide split over pages keeps its flow at the top of each page.
    Spread page_spread = spread;
    if (pages.size() > 1) page_spread.centre = 0;
    place_page(blocks, pages[k], top, height, page_spread, page);
    if (pages.size() > 1) {
      auto counter = lay_text(ctx, std::to_string(k + 1) + " / " + std::to_string(pages.size()),
                              text_style(ctx, Role::caption, Weight::medium, 1.2f, text::Align::end), m.content.w * 0.2f);
      // On the accent rule's line, above the title, so that a full-width title never runs into it.
      const float rule_h = title_rule_px(m);
      put(page, counter, m.content.right() - m.content.w * 0.2f,
          std::round(m.content.y + rule_h / 2 - counter->height_px / 2), ctx.palette.muted);
    }
    if (focus && *focus >= pages[k].first && *focus < pages[k].last) out.initial_page = k;
    out.pages.push_back(std::move(page));
  }
  out.issues = std::move(issues);
  return out;
}

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace

// One overload per SlideContent alternative and no catch-all: a kind added to
// the model without a layout here is a compile error (std::visit finds no
// function to call), not a blank slide.
SlidePages layout_slide(const content::Slide& slide, const LayoutContext& ctx) {
  return std::visit(
      Overloaded{
          [&](const content::CoverSlide& c) { return layout_cover(slide, c, ctx); },
          [&](const content::StrategiesSlide& c) { return layout_strategies(c, ctx); },
          [&](const content::TextSlide& c) { return layout_text(c, ctx); },
          [&](const content::AgendaSlide& c) { return layout_agenda(slide, c, ctx); },
          [&](const content::TalksSlide& c) { return layout_talks(c, ctx); },
          [&](const content::ContactsSlide& c) { return layout_contacts(c, ctx); },
          [&](const content::QuoteSlide& c) { return layout_quote(c, ctx); },
          [&](const content::ImageSlide& c) { return layout_image(c, ctx); },
      },
      slide.content);
}

}  // namespace annae::slides
