// Agenda: a timetable. The row in progress sits on a highlight panel with a
// "진행 중" badge and the next one is marked "다음"; rows paginate, and the
// page holding the current (else next) row is the one shown first.
#include <algorithm>
#include <cmath>

#include "slides/agenda_state.hpp"
#include "slides/korean_date.hpp"
#include "slides/slide_layout.hpp"

namespace annae::slides {
namespace {

std::string joined(const std::vector<content::Text>& people) {
  std::string s;
  for (const auto& p : people) s += (s.empty() ? "" : ", ") + p.value;
  return s;
}

}  // namespace

SlidePages layout_agenda(const content::Slide& slide, const content::AgendaSlide& agenda, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const AgendaStatus status = agenda_status(agenda, slide.event.date, ctx.now);

  // The time column fits the widest range ("00:00–00:00" has the widest digits' run) plus a gap.
  const float time_w = std::round(
      lay_text(ctx, "00:00–00:00", text_style(ctx, m.type.body_px, Weight::medium, 1.35f), m.content.w)->width_px +
      m.gap_px * 0.9f);
  const float badge_w = std::round(m.type.small_px * 5.0f);
  const float pad_x = std::round(m.gap_px * 0.6f);
  const float pad_y = std::round(m.gap_px * 0.45f);
  const float title_x = pad_x + time_w;
  const float title_w = m.content.w - title_x - badge_w - pad_x;
  const float radius = std::round(m.unit_px * 0.01f);

  struct Row {
    TextPtr time, title, detail;
  };
  const auto row = [&, rows = &agenda.rows](std::size_t i, float scale) {
    const auto& r = (*rows)[i];
    Row x;
    x.time = lay_text(ctx, time_range(r.start_minutes, r.end_minutes), text_style(ctx, m.type.body_px, Weight::medium, 1.35f),
                      time_w, scale);
    x.title = lay_text(ctx, r.title.value, text_style(ctx, m.type.heading_px, Weight::bold, 1.35f), title_w, scale);
    std::string detail = r.detail.value;
    const std::string people = joined(r.people);
    if (!people.empty()) detail += (detail.empty() ? "" : "\n") + people;
    if (!detail.empty()) {
      x.detail = lay_text(ctx, detail, text_style(ctx, m.type.small_px, Weight::regular, 1.45f), title_w, scale);
    }
    return x;
  };
  const auto height_of = [pad_y](const Row& x, float scale) {
    return x.title->height_px + (x.detail ? x.detail->height_px : 0) + 2 * pad_y * scale;
  };

  std::vector<FlowBlock> blocks;
  for (std::size_t i = 0; i < agenda.rows.size(); ++i) {
    const bool current = status.current == i;
    const bool next = status.next == i;
    FlowBlock b;
    b.gap_before_px = std::round(m.gap_px * 0.12f);
    b.measure = [=](float scale) { return height_of(row(i, scale), scale); };
    b.place = [=, &ctx](float scale, float y, Scene& scene) {
      const Row x = row(i, scale);
      const float h = height_of(x, scale);
      if (current) {
        fill(scene, {m.content.x, y, m.content.w, h}, p.highlight, radius);
        fill(scene, {m.content.x, y + radius, std::max(5.0f, std::round(m.unit_px * 0.006f)), h - 2 * radius}, p.accent);
      } else if (i > 0 && status.current != i - 1) {
        fill(scene, {m.content.x + pad_x, y, m.content.w - 2 * pad_x, std::max(1.0f, std::round(m.unit_px * 0.0015f))}, p.rule);
      }
      const float top = y + pad_y * scale;
      const float baseline = first_baseline(x.title);
      const Color text = current ? p.highlight_text : p.text;
      put(scene, x.time, m.content.x + pad_x, top + baseline - first_baseline(x.time), current ? p.accent : p.muted);
      put(scene, x.title, m.content.x + title_x, top, text);
      if (x.detail) put(scene, x.detail, m.content.x + title_x, top + x.title->height_px, current ? text : p.muted);
      if (current || next) {
        auto badge = lay_text(ctx, current ? "진행 중" : "다음",
                              text_style(ctx, m.type.small_px, Weight::bold, 1.2f, text::Align::center), badge_w, scale);
        const float bx = m.content.right() - pad_x - badge_w;
        const float bh = badge->height_px + std::round(m.gap_px * 0.2f);
        const float by = top + baseline - first_baseline(badge) - (bh - badge->height_px) / 2;
        if (current) {
          fill(scene, {bx, by, badge_w, bh}, p.accent, bh / 2);
          put(scene, badge, bx, by + (bh - badge->height_px) / 2, p.background);
        } else {
          put(scene, badge, bx, by + (bh - badge->height_px) / 2, p.accent);
        }
      }
    };
    blocks.push_back(std::move(b));
  }

  content::Text title = agenda.title;
  SlidePages out = paginate_titled(title, blocks, 0.8f, ctx, {});
  // Show first the page that holds the current row (else the next one).
  if (const auto focus = status.current ? status.current : status.next) {
    Scene probe = blank_page(ctx);
    std::vector<Diagnostic> ignored;
    const float top = put_title(probe, ctx, title, ignored);
    const auto pages = paginate(blocks, m.content.bottom() - top, 0.8f);
    for (std::size_t k = 0; k < pages.size(); ++k) {
      if (*focus >= pages[k].first && *focus < pages[k].last) out.initial_page = k;
    }
  }
  return out;
}

}  // namespace annae::slides
