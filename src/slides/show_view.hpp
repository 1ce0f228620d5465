#pragma once
// A show on a given screen: the one place that turns (show, slide, page,
// time) into the Scene a visitor sees, footer included. The player and
// `annae render` both call this, so a preview is exactly the screen.
#include <optional>
#include <vector>

#include "content/model.hpp"
#include "slides/footer.hpp"
#include "slides/slide_layout.hpp"

namespace annae::slides {

struct ShowView {
  Metrics metrics;
  Palette palette;
};

ShowView view_for(const content::Show& show, int width_px, int height_px);

// Whether a slide's visible window (from/until) includes `now`.
bool is_visible(const content::Slide& slide, const text::CivilTime& now);

SlidePages layout_show_slide(const content::Show& show, std::size_t index, text::TextEngine& engine,
                             const ShowView& view, const text::CivilTime& now);

// `pages.pages[page]` with the footer drawn for `now` and the slide's place in the show.
Scene page_with_footer(const content::Show& show, std::size_t index, const SlidePages& pages, std::size_t page,
                       text::TextEngine& engine, const ShowView& view, const text::CivilTime& now);

}  // namespace annae::slides
