// Image: the picture as large as the content area allows, caption below.
#include "slides/slide_layout.hpp"

namespace annae::slides {

SlidePages layout_image(const content::ImageSlide& s, const LayoutContext& ctx) {
  SlidePages out;
  const auto& m = ctx.metrics;
  Scene scene = blank_page(ctx);
  TextPtr caption;
  float caption_h = 0;
  if (!s.caption.empty()) {
    caption = fit_text(ctx, s.caption, text_style(ctx, Role::body, Weight::regular, 1.4f, text::Align::center),
                       m.content.w, m.type.px(Role::body) * 1.4f * 2, out.issues);
    caption_h = caption->height_px + m.gap_px;
  }
  const Rect area{m.content.x, m.content.y, m.content.w, m.content.h - caption_h};
  scene.items.emplace_back(std::in_place_type<ImageItem>,
                           ImageItem{s.image.file.string(), area,
                                     s.fit == content::ImageFit::cover ? ImageFit::cover : ImageFit::contain,
                                     s.image.folder, s.image.relative, s.image.version});
  if (caption) put(scene, caption, m.content.x, area.bottom() + m.gap_px, ctx.palette.muted);
  out.pages.push_back(std::move(scene));
  return out;
}

}  // namespace annae::slides
