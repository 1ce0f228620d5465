// Text: paragraphs, bullets with one level of children, and ※ notes at the
// end, in a single readable column.
#include <cmath>

#include "slides/slide_layout.hpp"

namespace annae::slides {
namespace {

// A bullet staff numbered themselves ("① (초광역권 계획) …") hangs its own
// marker instead of a '•' before it.
std::pair<std::string, std::string> own_marker(const std::string& text, const char* fallback) {
  static const char* const markers[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "※", "●", "○", "■", "▪", "◆", "•", "-", "–"};
  for (const char* m : markers) {
    const std::string prefix = std::string(m) + " ";
    if (text.rfind(prefix, 0) == 0) return {m, text.substr(prefix.size())};
  }
  return {fallback, text};
}

}  // namespace

SlidePages layout_text(const content::TextSlide& s, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const float column = m.portrait ? m.content.w : std::min(m.content.w, std::round(m.unit_px * 1.45f));
  const float indent = std::round(m.type.body_px * 1.3f);
  std::vector<FlowBlock> blocks;

  // A run of text, optionally with a hanging mark ("•", "–", "※") before it.
  const auto add = [&](const std::string& text, const std::string& mark, float left, int size_px, Color color, float gap) {
    const float mark_w = mark.empty() ? 0 : std::round(size_px * 1.2f);
    FlowBlock b;
    b.gap_before_px = gap;
    b.measure = [=, &ctx](float scale) {
      return lay_text(ctx, text, text_style(ctx, size_px, Weight::regular, 1.5f), column - left - mark_w, scale)->height_px;
    };
    b.place = [=, &ctx](float scale, float y, Scene& scene) {
      auto body = lay_text(ctx, text, text_style(ctx, size_px, Weight::regular, 1.5f), column - left - mark_w, scale);
      if (!mark.empty()) {
        auto m_block = lay_text(ctx, mark, text_style(ctx, size_px, Weight::bold, 1.5f), mark_w, scale);
        put(scene, m_block, m.content.x + left, y, p.accent);
      }
      put(scene, body, m.content.x + left + mark_w, y, color);
    };
    blocks.push_back(std::move(b));
  };

  for (const auto& para : s.paragraphs) add(para.value, "", 0, m.type.body_px, p.text, m.gap_px * 0.8f);
  for (const auto& bullet : s.bullets) {
    const auto [mark, text] = own_marker(bullet.text.value, "•");
    add(text, mark, 0, m.type.body_px, p.text, m.gap_px * 0.7f);
    for (const auto& child : bullet.children) {
      const auto [child_mark, child_text] = own_marker(child.value, "–");
      add(child_text, child_mark, indent, m.type.small_px, p.muted, m.gap_px * 0.3f);
    }
  }
  for (const auto& note : s.notes) add(note.value, "※", 0, m.type.small_px, p.muted, m.gap_px * 1.0f);
  return paginate_titled(s.title, blocks, 0.8f, ctx, {});
}

}  // namespace annae::slides
