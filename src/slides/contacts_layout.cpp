// Contacts: the department, then a clean table of role | name | phone, the
// phone numbers in the accent colour where a visitor's eye looks for them.
// Names and phones are set large (a visitor copies them from across the
// lobby) and the rows spread over the page.
#include <algorithm>
#include <cmath>

#include "slides/qr_code.hpp"
#include "slides/slide_layout.hpp"

namespace annae::slides {

SlidePages layout_contacts(const content::ContactsSlide& s, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  // A URL becomes a QR code: right of the table in landscape, in its own block in portrait.
  const auto qr = s.url.empty() ? std::nullopt : encode_qr(s.url.value);
  const float qr_side = std::round(m.unit_px * (m.portrait ? 0.34f : 0.3f));
  const float qr_gap = std::round(m.gap_px * 2);
  const float table_w = m.portrait || !qr ? m.content.w : m.content.w - qr_side - qr_gap;
  // Portrait: role and name on one line, the phone under the name.
  const float role_w = std::round(table_w * (m.portrait ? 0.3f : 0.22f));
  const float name_w = m.portrait ? table_w - role_w : std::round(table_w * 0.30f);
  const float phone_w = m.portrait ? name_w : table_w - role_w - name_w;
  const float pad = std::round(m.gap_px * 0.55f);
  std::vector<FlowBlock> blocks;

  if (!s.department.empty()) {
    FlowBlock b;
    b.measure = [=, &ctx, &s](float scale) {
      return lay_text(ctx, s.department.value, text_style(ctx, Role::heading, Weight::bold, 1.35f), table_w, scale)
          ->height_px;
    };
    b.place = [=, &ctx, &s](float scale, float y, Scene& scene) {
      put(scene, lay_text(ctx, s.department.value, text_style(ctx, Role::heading, Weight::bold, 1.35f), table_w, scale),
          m.content.x, y, p.accent);
    };
    blocks.push_back(std::move(b));
  }
  for (std::size_t i = 0; i < s.people.size(); ++i) {
    const auto& person = s.people[i];
    const auto parts = [&ctx, &person, m, role_w, name_w, phone_w](float scale) {
      return std::array<TextPtr, 3>{
          lay_text(ctx, person.role.value, text_style(ctx, Role::body, Weight::regular, 1.35f), role_w, scale),
          lay_text(ctx, person.name.value, text_style(ctx, Role::title, Weight::bold, 1.3f), name_w, scale),
          lay_text(ctx, person.phone.value, text_style(ctx, Role::title, Weight::medium, 1.3f), phone_w, scale)};
    };
    FlowBlock b;
    b.gap_before_px = 2 * pad;
    b.measure = [=](float scale) {
      const auto x = parts(scale);
      if (m.portrait) return std::max(x[0]->height_px, x[1]->height_px) + x[2]->height_px;
      return std::max({x[0]->height_px, x[1]->height_px, x[2]->height_px});
    };
    b.whole = [=](float scale) {
      const auto x = parts(scale);
      return set_whole(x[0]) && set_whole(x[1]) && set_whole(x[2]);
    };
    b.separator = [=](float y, Scene& scene) {
      fill(scene, {m.content.x, y, table_w, std::max(1.0f, std::round(m.unit_px * 0.0015f))}, p.rule);
    };
    b.place = [=](float scale, float y, Scene& scene) {
      const auto x = parts(scale);
      const float top = y;
      const float base = x[1]->lines.empty() ? 0 : first_baseline(x[1]);
      const auto align = [&](const TextPtr& t) { return t->lines.empty() ? top : top + base - first_baseline(t); };
      put(scene, x[0], m.content.x, align(x[0]), p.muted);
      put(scene, x[1], m.content.x + role_w, top, p.text);
      if (m.portrait) put(scene, x[2], m.content.x + role_w, top + std::max(x[0]->height_px, x[1]->height_px), p.accent);
      else put(scene, x[2], m.content.x + role_w + name_w, align(x[2]), p.accent);
    };
    blocks.push_back(std::move(b));
  }
  if (!s.note.empty()) {
    FlowBlock b;
    b.gap_before_px = m.gap_px;
    b.measure = [=, &ctx, &s](float scale) {
      return lay_text(ctx, s.note.value, text_style(ctx, Role::body, Weight::regular, 1.45f), table_w, scale)->height_px;
    };
    b.place = [=, &ctx, &s](float scale, float y, Scene& scene) {
      put(scene, lay_text(ctx, s.note.value, text_style(ctx, Role::body, Weight::regular, 1.45f), table_w, scale),
          m.content.x, y, p.text);
    };
    blocks.push_back(std::move(b));
  }
  if (qr && m.portrait) {
    FlowBlock b;
    b.gap_before_px = m.gap_px * 1.5f;
    b.measure = [=](float scale) { return qr_side * scale; };
    b.place = [=, &qr](float scale, float y, Scene& scene) {
      put_qr(scene, *qr, {m.content.x, y, qr_side * scale, qr_side * scale});
    };
    blocks.push_back(std::move(b));
  }
  SlidePages out = paginate_titled(s.title, blocks, {2.5f, 0, 0.35f}, ctx, {});
  if (qr && !m.portrait) {
    for (auto& page : out.pages) {
      const float x = m.content.right() - qr_side;
      const float y = m.content.y + m.content.h * 0.18f;
      put_qr(page, *qr, {x, y, qr_side, qr_side});
      auto caption = lay_text(ctx, s.url.value, text_style(ctx, Role::caption, Weight::regular, 1.3f, text::Align::center),
                              qr_side);
      put(page, caption, x, y + qr_side + m.gap_px * 0.5f, p.muted);
    }
  }
  return out;
}

}  // namespace annae::slides
