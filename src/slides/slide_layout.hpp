#pragma once
// Lays out one slide for one screen: content model in, Scenes out (one per
// page). Pure code: no SDL, no window; the same call serves the screen and
// `annae render`.
#include <vector>

#include "content/model.hpp"
#include "core/diagnostic.hpp"
#include "slides/compose.hpp"
#include "slides/flow.hpp"

namespace annae::slides {

struct SlidePages {
  std::vector<Scene> pages;        // at least one; background filled, no footer yet
  std::size_t initial_page = 0;    // the agenda's page with the current row
  std::vector<Diagnostic> issues;  // text that had to be cut, with its source position
};

SlidePages layout_slide(const content::Slide& slide, const LayoutContext& ctx);

// One function per kind (each in its own file).
SlidePages layout_cover(const content::Slide& slide, const content::CoverSlide& cover, const LayoutContext& ctx);
SlidePages layout_strategies(const content::StrategiesSlide& s, const LayoutContext& ctx);
SlidePages layout_text(const content::TextSlide& s, const LayoutContext& ctx);
SlidePages layout_agenda(const content::Slide& slide, const content::AgendaSlide& s, const LayoutContext& ctx);
SlidePages layout_talks(const content::TalksSlide& s, const LayoutContext& ctx);
SlidePages layout_contacts(const content::ContactsSlide& s, const LayoutContext& ctx);
SlidePages layout_quote(const content::QuoteSlide& s, const LayoutContext& ctx);
SlidePages layout_image(const content::ImageSlide& s, const LayoutContext& ctx);

// A fresh page: the screen size and the theme's background.
Scene blank_page(const LayoutContext& ctx);

// Composes a titled list slide: the title on every page, the flow below it
// grown or shrunk to fill the content area (flow.hpp) and spread as asked,
// "1 / 2" at the top right when there is more than one page. The page that
// holds block `focus` is the one shown first.
SlidePages paginate_titled(const content::Text& title, const std::vector<FlowBlock>& blocks, const Spread& spread,
                           const LayoutContext& ctx, std::vector<Diagnostic> issues,
                           std::optional<std::size_t> focus = std::nullopt);

}  // namespace annae::slides
