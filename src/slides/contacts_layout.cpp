// Contacts: the department, then a clean table of role | name | phone, the
// phone numbers in the accent colour where a visitor's eye looks for them.
// Names and phones are set large (a visitor copies them from across the
// lobby) and the rows spread over the page.
#include <algorithm>
#include <cmath>

#include "slides/qr_code.hpp"
#include "slides/slide_layout.hpp"

namespace annae::slides {

namespace {

// The table's columns, and the QR code's size beside or below it.
struct ContactColumns {
  float qr_side = 0;
  float qr_gap = 0;
  float table_w = 0;
  float role_w = 0;
  float name_w = 0;
  float phone_w = 0;
  float pad = 0;
};

ContactColumns contact_columns(const Metrics& m, bool has_qr) {
  ContactColumns c;
  c.qr_side = std::round(m.unit_px * (m.portrait ? 0.34f : 0.3f));
  c.qr_gap = std::round(m.gap_px * 2);
  c.table_w = m.portrait || !has_qr ? m.content.w : m.content.w - c.qr_side - c.qr_gap;
  // Portrait: role and name on one line, the phone under the name.
  c.role_w = std::round(c.table_w * (m.portrait ? 0.3f : 0.22f));
  c.name_w = m.portrait ? c.table_w - c.role_w : std::round(c.table_w * 0.30f);
  c.phone_w = m.portrait ? c.name_w : c.table_w - c.role_w - c.name_w;
  c.pad = std::round(m.gap_px * 0.55f);
  return c;
}

// A paragraph across the table's width (the department, the note); `text` must outlive the block.
FlowBlock paragraph_block(const LayoutContext& ctx, const std::string& text, Role role, Weight weight,
                          float line_height, float width, Color color) {
  const auto& m = ctx.metrics;
  FlowBlock b;
  b.measure = [=, &ctx, &text](float scale) {
    return lay_text(ctx, text, text_style(ctx, role, weight, line_height), width, scale)->height_px;
  };
  b.place = [=, &ctx, &text](float scale, float y, Scene& scene) {
    put(scene, lay_text(ctx, text, text_style(ctx, role, weight, line_height), width, scale), m.content.x, y, color);
  };
  return b;
}

// One row of the table: role | name | phone, a rule above it; `person` must outlive the block.
FlowBlock person_block(const LayoutContext& ctx, const content::ContactPerson& person, const ContactColumns& c) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const float role_w = c.role_w, name_w = c.name_w, phone_w = c.phone_w, table_w = c.table_w;
  const auto parts = [&ctx, &person, m, role_w, name_w, phone_w](float scale) {
    return std::array<TextPtr, 3>{
        lay_text(ctx, person.role.value, text_style(ctx, Role::body, Weight::regular, 1.35f), role_w, scale),
        lay_text(ctx, person.name.value, text_style(ctx, Role::title, Weight::bold, 1.3f), name_w, scale),
        lay_text(ctx, person.phone.value, text_style(ctx, Role::title, Weight::medium, 1.3f), phone_w, scale)};
  };
  FlowBlock b;
  b.gap_before_px = 2 * c.pad;
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
  return b;
}

// Portrait: the QR code in a block of its own below the table; `qr` must outlive the block.
FlowBlock qr_block(const Metrics& m, const QrMatrix& qr, float qr_side) {
  FlowBlock b;
  b.gap_before_px = m.gap_px * 1.5f;
  b.measure = [=](float scale) { return qr_side * scale; };
  b.place = [=, &qr](float scale, float y, Scene& scene) {
    put_qr(scene, qr, {m.content.x, y, qr_side * scale, qr_side * scale});
  };
  return b;
}

// Landscape: the QR code right of the table on every page, its URL under it.
void put_side_qr(SlidePages& out, const LayoutContext& ctx, const content::ContactsSlide& s, const QrMatrix& qr,
                 float qr_side) {
  const auto& m = ctx.metrics;
  for (auto& page : out.pages) {
    const float x = m.content.right() - qr_side;
    const float y = m.content.y + m.content.h * 0.18f;
    put_qr(page, qr, {x, y, qr_side, qr_side});
    auto caption = lay_text(ctx, s.url.value, text_style(ctx, Role::caption, Weight::regular, 1.3f, text::Align::center),
                            qr_side);
    put(page, caption, x, y + qr_side + m.gap_px * 0.5f, ctx.palette.muted);
  }
}

}  // namespace

SlidePages layout_contacts(const content::ContactsSlide& s, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  // A URL becomes a QR code: right of the table in landscape, in its own block in portrait.
  const auto qr = s.url.empty() ? std::nullopt : encode_qr(s.url.value);
  const ContactColumns columns = contact_columns(m, qr.has_value());
  std::vector<FlowBlock> blocks;

  if (!s.department.empty()) {
    blocks.push_back(
        paragraph_block(ctx, s.department.value, Role::heading, Weight::bold, 1.35f, columns.table_w, p.accent));
  }
  for (const auto& person : s.people) blocks.push_back(person_block(ctx, person, columns));
  if (!s.note.empty()) {
    FlowBlock b = paragraph_block(ctx, s.note.value, Role::body, Weight::regular, 1.45f, columns.table_w, p.text);
    b.gap_before_px = m.gap_px;
    blocks.push_back(std::move(b));
  }
  if (qr && m.portrait) blocks.push_back(qr_block(m, *qr, columns.qr_side));
  SlidePages out = paginate_titled(s.title, blocks, {2.5f, 0, 0.35f}, ctx, {});
  if (qr && !m.portrait) put_side_qr(out, ctx, s, *qr, columns.qr_side);
  return out;
}

}  // namespace annae::slides
