#include "slides/overlays.hpp"

#include <algorithm>
#include <cmath>

namespace annae::slides {
namespace {

Scene transparent(const ShowView& view) {
  Scene s;
  s.width_px = view.metrics.width_px;
  s.height_px = view.metrics.height_px;
  s.background = {0, 0, 0, 0};
  return s;
}

LayoutContext context(text::TextEngine& engine, const ShowView& view) {
  return {engine, view.metrics, view.palette, "", "", {}};
}

}  // namespace

std::string slide_title(const content::Slide& slide) {
  return std::visit(
      [&](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, content::QuoteSlide>) {
          return c.speaker.empty() ? "인용" : c.speaker.value + " · 인용";
        } else if constexpr (std::is_same_v<T, content::ImageSlide>) {
          return c.caption.empty() ? c.image.written.value : c.caption.value;
        } else {
          return c.title.value;
        }
      },
      slide.content);
}

IndexOverlay index_overlay(const content::Show& show, std::size_t current, text::TextEngine& engine,
                           const ShowView& view) {
  IndexOverlay out;
  out.scene = transparent(view);
  const auto& m = view.metrics;
  const auto& p = view.palette;
  const auto ctx = context(engine, view);
  Color veil = p.background;
  veil.a = 255;  // the index is a page of its own: nothing of the slide shows through
  fill(out.scene, {0, 0, static_cast<float>(m.width_px), static_cast<float>(m.height_px)}, veil);

  auto heading = lay_text(ctx, "슬라이드 목록", text_style(ctx, Role::title, Weight::bold, 1.2f), m.content.w);
  put(out.scene, heading, m.content.x, m.content.y, p.text);
  auto hint = lay_text(ctx, "보고 싶은 슬라이드를 누르세요", text_style(ctx, Role::secondary, Weight::regular, 1.2f),
                       m.content.w);
  const float top = m.content.y + heading->height_px + m.gap_px * 0.3f;
  put(out.scene, hint, m.content.x, top, p.muted);

  const std::size_t n = show.slides.size();
  const std::size_t columns = m.portrait ? 2 : 4;
  const std::size_t rows = (n + columns - 1) / columns;
  const float gap = std::round(m.gap_px * 0.6f);
  const float grid_top = top + hint->height_px + m.gap_px;
  const float grid_h = m.safe.bottom() - m.gap_px - grid_top;
  const float cell_w = (m.content.w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float cell_h = std::min((grid_h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows),
                                std::round(m.unit_px * 0.16f));
  const float pad = std::round(cell_h * 0.14f);
  const float radius = std::round(m.unit_px * 0.01f);
  for (std::size_t i = 0; i < n; ++i) {
    const float x = m.content.x + static_cast<float>(i % columns) * (cell_w + gap);
    const float y = grid_top + static_cast<float>(i / columns) * (cell_h + gap);
    const Rect cell{x, y, cell_w, cell_h};
    out.cells.push_back(cell);
    if (i == current) fill(out.scene, {x - 3, y - 3, cell_w + 6, cell_h + 6}, p.accent, radius + 3);
    fill(out.scene, cell, p.surface, radius);
    auto number = lay_text(ctx, std::to_string(i + 1), text_style(ctx, Role::secondary, Weight::bold, 1.2f), cell_w);
    put(out.scene, number, x + pad, y + pad * 0.8f, p.accent);
    const content::Text title{slide_title(show.slides[i]), {}};
    std::vector<Diagnostic> ignored;
    auto name = fit_text(ctx, title, text_style(ctx, Role::body, Weight::medium, 1.25f), cell_w - 2 * pad,
                         cell_h - pad * 1.8f - number->height_px, ignored);
    put(out.scene, name, x + pad, y + pad * 0.8f + number->height_px, p.text);
  }
  return out;
}

std::optional<std::size_t> index_cell_at(const IndexOverlay& index, float x_norm, float y_norm) {
  const float x = x_norm * static_cast<float>(index.scene.width_px);
  const float y = y_norm * static_cast<float>(index.scene.height_px);
  for (std::size_t i = 0; i < index.cells.size(); ++i) {
    const Rect& c = index.cells[i];
    if (x >= c.x && x < c.right() && y >= c.y && y < c.bottom()) return i;
  }
  return std::nullopt;
}

Scene paused_badge(text::TextEngine& engine, const ShowView& view) {
  Scene s = transparent(view);
  const auto& m = view.metrics;
  const auto ctx = context(engine, view);
  auto label = lay_text(ctx, "❚❚  일시정지", text_style(ctx, Role::secondary, Weight::bold, 1.2f), m.content.w);
  const float w = label->width_px + m.gap_px * 1.6f;
  const float h = label->height_px + m.gap_px * 0.5f;
  const float x = std::round((static_cast<float>(m.width_px) - w) / 2), y = m.safe.y + std::round(m.gap_px * 0.6f);
  Color pill = view.palette.text;
  pill.a = 230;
  fill(s, {x, y, w, h}, pill, h / 2);
  put(s, label, x + m.gap_px * 0.8f, y + (h - label->height_px) / 2, view.palette.background);
  return s;
}

Scene staff_badge(const ShowView& view, bool errors) {
  Scene s = transparent(view);
  const float d = std::round(view.metrics.unit_px * 0.012f);
  const float x = view.metrics.safe.x + d, y = view.metrics.safe.bottom() - 2 * d;
  fill(s, {x, y, d, d}, errors ? Color{0xE5, 0x48, 0x4D, 255} : Color{0xF2, 0xA9, 0x3B, 255}, d / 2);
  return s;
}

Scene staff_notice(const StaffNotice& notice, text::TextEngine& engine, const ShowView& view) {
  Scene s = transparent(view);
  const auto& m = view.metrics;
  const auto ctx = context(engine, view);
  const Color white{255, 255, 255, 255};
  if (notice.ok) {
    auto label = lay_text(ctx, "✓  " + notice.headline, text_style(ctx, Role::secondary, Weight::bold, 1.2f), m.content.w);
    const float w = label->width_px + m.gap_px * 1.6f;
    const float h = label->height_px + m.gap_px * 0.6f;
    const float x = std::round((static_cast<float>(m.width_px) - w) / 2), y = m.safe.y + std::round(m.gap_px * 0.6f);
    fill(s, {x, y, w, h}, Color{0x1F, 0x8A, 0x4C, 255}, h / 2);
    put(s, label, x + m.gap_px * 0.8f, y + (h - label->height_px) / 2, white);
    return s;
  }
  // The refusal card: sized to its text, centred, never taller than the safe area.
  const float pad = std::round(m.gap_px * 0.9f);
  const float inner_w = m.content.w - 2 * pad;
  auto headline = lay_text(ctx, notice.headline, text_style(ctx, Role::body, Weight::bold, 1.25f), inner_w);
  auto keep = lay_text(ctx, "지금 화면을 그대로 유지합니다. USB 메모리의 파일을 고친 뒤 다시 꽂아 주세요.",
                       text_style(ctx, Role::secondary, Weight::regular, 1.3f), inner_w);
  std::vector<TextPtr> lines;
  const std::size_t shown = std::min(notice.details.size(), staff_notice_max_details);
  for (std::size_t i = 0; i < shown; ++i) {
    lines.push_back(lay_text(ctx, notice.details[i], text_style(ctx, Role::caption, Weight::regular, 1.3f),
                             inner_w));
  }
  if (notice.details.size() > shown) {
    lines.push_back(lay_text(ctx, "… 외 " + std::to_string(notice.details.size() - shown) + "건 (annae check로 모두 확인)",
                             text_style(ctx, Role::caption, Weight::regular, 1.3f), inner_w));
  }
  const float line_gap = std::round(m.gap_px * 0.2f);
  float h = pad * 2 + headline->height_px + line_gap * 2 + keep->height_px;
  if (!lines.empty()) h += m.gap_px * 0.6f;
  for (const auto& l : lines) h += l->height_px + line_gap;
  h = std::min(h, m.safe.h);
  const float x = m.content.x, y = std::round(m.safe.y + (m.safe.h - h) / 2);
  const float radius = std::round(m.unit_px * 0.012f);
  // The slide dims behind the card, so the card reads as a message, not as content.
  fill(s, {0, 0, static_cast<float>(m.width_px), static_cast<float>(m.height_px)}, Color{0, 0, 0, 150});
  fill(s, {x, y, m.content.w, h}, Color{0x1A, 0x1D, 0x24, 255}, radius);
  fill(s, {x, y, std::round(m.unit_px * 0.008f), h}, Color{0xE5, 0x48, 0x4D, 255}, 0);
  float at = y + pad;
  put(s, headline, x + pad, at, white);
  at += headline->height_px + line_gap * 2;
  put(s, keep, x + pad, at, Color{0xC9, 0xCE, 0xD6, 255});
  at += keep->height_px + m.gap_px * 0.6f;
  for (const auto& l : lines) {
    if (at + l->height_px > y + h - pad * 0.5f) break;  // a tall card on a small screen: cut at a whole line
    put(s, l, x + pad, at, Color{0xFF, 0xB4, 0xAE, 255});
    at += l->height_px + line_gap;
  }
  return s;
}

Scene touch_marker(const ShowView& view, float x_norm, float y_norm) {
  Scene s = transparent(view);
  const float r = std::round(view.metrics.unit_px * 0.035f);
  const float cx = x_norm * static_cast<float>(view.metrics.width_px), cy = y_norm * static_cast<float>(view.metrics.height_px);
  Color ring = view.palette.accent;
  ring.a = 110;
  fill(s, {cx - r, cy - r, 2 * r, 2 * r}, ring, r);
  return s;
}

}  // namespace annae::slides
