// Agenda: a timetable read across a lobby. The row in progress sits on a
// high-contrast panel with a "진행 중" pill and the next one is marked
// "다음"; rows that have ended are dimmed. Before the first row a line says
// when it starts and how long until then; after the last one, that the
// day's programme has ended. Rows grow to fill the page (and shrink to stay
// on one page before they split); the page holding the current (else next)
// row is the one shown first.
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

Color mix(Color a, Color b, float t) {
  const auto m = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(static_cast<float>(x) * (1 - t) + static_cast<float>(y) * t));
  };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), 255};
}

std::string duration_text(int minutes) {
  const int h = minutes / 60, m = minutes % 60;
  if (h == 0) return std::to_string(m) + "분";
  return std::to_string(h) + "시간" + (m ? " " + std::to_string(m) + "분" : "");
}

// The line above the rows that says where the day stands, if anything.
std::string day_line(const AgendaStatus& status) {
  switch (status.phase) {
    case AgendaPhase::before:
      return clock_text(status.start_minutes) + " 시작 · " + duration_text(status.minutes_to_start) + " 남았습니다";
    case AgendaPhase::after: return "행사 종료 · 오늘 일정이 모두 끝났습니다";
    default: return {};
  }
}

struct Columns {
  float time_w, badge_w, title_x, title_w, pad_x, pad_y, radius;
};

// The columns at one composition step: the time column grows with its text.
Columns columns_of(const LayoutContext& ctx, float scale) {
  const auto& m = ctx.metrics;
  Columns c;
  // The time column fits the widest range ("00:00–00:00" has the widest digits' run) plus a gap.
  c.time_w = std::round(
      lay_text(ctx, "00:00–00:00", text_style(ctx, Role::body, Weight::medium, 1.35f), m.content.w, scale)->width_px +
      m.gap_px * 0.9f);
  c.badge_w = std::round(m.type.px_at(Role::secondary, scale) * 4.6f);
  // Text sits on the title margin; the current row's panel reaches out into the margin.
  c.pad_x = std::round(m.gap_px * 0.7f);
  c.pad_y = std::round(m.gap_px * 0.45f);
  c.title_x = c.time_w;
  c.title_w = m.content.w - c.title_x - c.badge_w - m.gap_px * 0.5f;
  c.radius = std::round(m.unit_px * 0.012f);
  return c;
}

struct Row {
  TextPtr time, title, detail;
  float height(float pad_y, float scale) const {
    return title->height_px + (detail ? detail->height_px : 0) + 2 * pad_y * scale;
  }
};

Row lay_row(const LayoutContext& ctx, const content::AgendaRow& r, float scale) {
  const Columns c = columns_of(ctx, scale);
  Row x;
  x.time = lay_text(ctx, time_range(r.start_minutes, r.end_minutes),
                    text_style(ctx, Role::body, Weight::medium, 1.35f), c.time_w, scale);
  x.title = lay_text(ctx, r.title.value, text_style(ctx, Role::heading, Weight::bold, 1.3f), c.title_w, scale);
  // Details and people share one paragraph: a timetable's rows stay short.
  std::string detail = r.detail.value;
  const std::string people = joined(r.people);
  if (!people.empty()) detail += (detail.empty() ? "" : " · ") + people;
  if (!detail.empty()) {
    x.detail = lay_text(ctx, detail, text_style(ctx, Role::secondary, Weight::regular, 1.35f), c.title_w, scale);
  }
  return x;
}

void place_badge(Scene& scene, const LayoutContext& ctx, const Columns& c, bool current, float baseline_y,
                 float scale) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  auto badge = lay_text(ctx, current ? "진행 중" : "다음",
                        text_style(ctx, Role::secondary, Weight::bold, 1.2f, text::Align::center), c.badge_w, scale);
  const float bx = m.content.right() - c.badge_w;
  const float bh = std::round(badge->height_px * 1.25f);
  const float by = std::round(baseline_y - first_baseline(badge) - (bh - badge->height_px) / 2);
  if (current) {
    fill(scene, {bx, by, c.badge_w, bh}, p.accent, bh / 2);
    put(scene, badge, bx, by + (bh - badge->height_px) / 2, p.background);
  } else {
    put(scene, badge, bx, by + (bh - badge->height_px) / 2, p.accent);
  }
}

FlowBlock row_block(const LayoutContext& ctx, const content::AgendaSlide& agenda, std::size_t i,
                    const AgendaStatus& status) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  const bool current = status.current == i, next = status.next == i, past = status.past[i];
  const auto row = [&ctx, &agenda, i](float scale) { return lay_row(ctx, agenda.rows[i], scale); };
  const Columns design = columns_of(ctx, 1);
  const float pad_x = design.pad_x, pad_y = design.pad_y, radius = design.radius;
  FlowBlock b;
  b.gap_before_px = std::round(m.gap_px * 0.3f);
  if (!current && !(i > 0 && status.current == i - 1)) {
    b.separator = [=](float y, Scene& scene) {
      fill(scene, {m.content.x, y, m.content.w, std::max(1.0f, std::round(m.unit_px * 0.0015f))}, p.rule);
    };
  }
  b.measure = [=](float scale) { return row(scale).height(pad_y, scale); };
  b.whole = [=](float scale) {
    const Row x = row(scale);
    return set_whole(x.time) && set_whole(x.title) && set_whole(x.detail);
  };
  b.place = [=, &ctx](float scale, float y, Scene& scene) {
    const Row x = row(scale);
    const Columns c = columns_of(ctx, scale);
    const float h = x.height(pad_y, scale);
    if (current) {
      const Rect panel{m.content.x - pad_x, y, m.content.w + 2 * pad_x, h};
      fill(scene, panel, p.highlight, radius);
      fill(scene, panel, p.accent, radius, Rect{panel.x, panel.y, std::max(6.0f, std::round(m.unit_px * 0.007f)), h});
    }
    const float top = y + pad_y * scale;
    const float baseline = top + first_baseline(x.title);
    const Color dim = mix(p.muted, p.background, 0.35f);
    const Color ink = current ? p.highlight_text : past ? dim : p.text;
    put(scene, x.time, m.content.x, baseline - first_baseline(x.time), current ? p.highlight_text : past ? dim : p.muted);
    put(scene, x.title, m.content.x + c.title_x, top, ink);
    if (x.detail) put(scene, x.detail, m.content.x + c.title_x, top + x.title->height_px, current ? ink : past ? dim : p.muted);
    if (current || next) place_badge(scene, ctx, c, current, baseline, scale);
  };
  return b;
}

}  // namespace

SlidePages layout_agenda(const content::Slide& slide, const content::AgendaSlide& agenda, const LayoutContext& ctx) {
  const auto& m = ctx.metrics;
  const AgendaStatus status = agenda_status(agenda, slide.event.date, ctx.now);
  std::vector<FlowBlock> blocks;
  if (const std::string line = day_line(status); !line.empty()) {
    FlowBlock b;
    const auto style = text_style(ctx, Role::body, Weight::bold, 1.3f);
    b.measure = [=, &ctx](float scale) { return lay_text(ctx, line, style, m.content.w, scale)->height_px; };
    b.place = [=, &ctx](float scale, float y, Scene& scene) {
      put(scene, lay_text(ctx, line, style, m.content.w, scale), m.content.x, y, ctx.palette.accent);
    };
    blocks.push_back(std::move(b));
  }
  const std::size_t first_row = blocks.size();
  for (std::size_t i = 0; i < agenda.rows.size(); ++i) blocks.push_back(row_block(ctx, agenda, i, status));
  if (first_row > 0 && blocks.size() > first_row) blocks[first_row].gap_before_px = m.gap_px * 0.6f;
  const auto focus = status.current ? status.current : status.next;
  return paginate_titled(agenda.title, blocks, {1.2f, 0, 0.3f}, ctx, {},
                         focus ? std::optional<std::size_t>(*focus + first_row) : std::nullopt);
}

}  // namespace annae::slides
