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
  const float column = m.content.w;
  std::vector<FlowBlock> blocks;

  // A run of text, optionally with a hanging mark ("•", "–", "※") before it.
  // `child`: a sub-point, whose mark lines up with its parent's text.
  const auto add = [&](const std::string& text, const std::string& mark, bool child, Role role, Color color, float gap) {
    // The mark's column grows with the text it hangs before.
    const auto mark_width = [&m, role, none = mark.empty()](float scale) {
      return none ? 0.0f : std::round(static_cast<float>(m.type.px_at(role, scale)) * 1.2f);
    };
    const auto indent = [&m, child](float scale) {
      return child ? std::round(static_cast<float>(m.type.px_at(Role::body, scale)) * 1.2f) : 0.0f;
    };
    FlowBlock b;
    b.gap_before_px = gap;
    b.keep_with_previous = child;
    b.measure = [=, &ctx](float scale) {
      const float mark_w = mark_width(scale), left = indent(scale);
      return lay_text(ctx, text, text_style(ctx, role, Weight::regular, 1.5f), column - left - mark_w, scale)->height_px;
    };
    b.whole = [=, &ctx](float scale) {
      const float mark_w = mark_width(scale), left = indent(scale);
      return set_whole(lay_text(ctx, text, text_style(ctx, role, Weight::regular, 1.5f), column - left - mark_w, scale));
    };
    b.place = [=, &ctx](float scale, float y, Scene& scene) {
      const float mark_w = mark_width(scale), left = indent(scale);
      auto body = lay_text(ctx, text, text_style(ctx, role, Weight::regular, 1.5f), column - left - mark_w, scale);
      if (!mark.empty()) {
        auto m_block = lay_text(ctx, mark, text_style(ctx, role, Weight::bold, 1.5f), mark_w, scale);
        put(scene, m_block, m.content.x + left, y, p.accent);
      }
      put(scene, body, m.content.x + left + mark_w, y, color);
    };
    blocks.push_back(std::move(b));
  };

  for (const auto& para : s.paragraphs) add(para.value, "", false, Role::body, p.text, m.gap_px * 0.8f);
  for (const auto& bullet : s.bullets) {
    const auto [mark, text] = own_marker(bullet.text.value, "•");
    add(text, mark, false, Role::body, p.text, m.gap_px * 0.7f);
    for (const auto& child : bullet.children) {
      const auto [child_mark, child_text] = own_marker(child.value, "–");
      add(child_text, child_mark, true, Role::secondary, p.muted, m.gap_px * 0.3f);
    }
  }
  for (const auto& note : s.notes) add(note.value, "※", false, Role::secondary, p.muted, m.gap_px * 1.0f);
  return paginate_titled(s.title, blocks, {2.0f, 0, 0.35f}, ctx, {});
}

}  // namespace annae::slides
