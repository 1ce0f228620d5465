#include "slides/show_view.hpp"

namespace annae::slides {
namespace {

LayoutContext context(const content::Show& show, text::TextEngine& engine, const ShowView& view,
                      const text::CivilTime& now) {
  return {engine, view.metrics, view.palette, show.settings.theme.body_font, show.settings.theme.heading_font, now};
}

bool footer_on(const content::Show& show) {
  const auto& f = show.settings.footer;
  return f.clock || f.progress || !f.ticker.empty();
}

}  // namespace

ShowView view_for(const content::Show& show, int width_px, int height_px) {
  return {metrics_for(width_px, height_px, show.settings.screen, show.settings.theme.size_scale, footer_on(show)),
          palette_for(show.settings.theme)};
}

bool is_visible(const content::Slide& slide, const text::CivilTime& now) {
  if (slide.visible_from && now < *slide.visible_from) return false;
  if (slide.visible_until && !(now < *slide.visible_until)) return false;
  return true;
}

SlidePages layout_show_slide(const content::Show& show, std::size_t index, text::TextEngine& engine,
                             const ShowView& view, const text::CivilTime& now) {
  return layout_slide(show.slides.at(index), context(show, engine, view, now));
}

Scene page_with_footer(const content::Show& show, std::size_t index, const SlidePages& pages, std::size_t page,
                       text::TextEngine& engine, const ShowView& view, const text::CivilTime& now) {
  Scene scene = pages.pages.at(page);
  const auto& slide = show.slides.at(index);
  const auto& f = show.settings.footer;
  FooterInfo info;
  info.left_text = !f.ticker.empty() ? f.ticker.value : slide.event.title.value;
  info.show_clock = f.clock;
  info.now = now;
  info.show_progress = f.progress;
  info.slide_index = index;
  info.slide_count = show.slides.size();
  add_footer(scene, context(show, engine, view, now), info);
  return scene;
}

}  // namespace annae::slides
