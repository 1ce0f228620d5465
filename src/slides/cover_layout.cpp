// Cover: the event's name large, then when, where and who, as a calm
// left-aligned composition centred vertically.
#include <cmath>

#include "slides/korean_date.hpp"
#include "slides/slide_layout.hpp"

namespace annae::slides {

namespace {

struct Fact {
  const char* label;
  std::string value;
};

// "date time" of the cover, else of the slide's event; empty when neither has one.
std::string when_text(const content::Slide& slide, const content::CoverSlide& cover) {
  const auto date = cover.date ? cover.date : slide.event.date;
  const auto time = cover.time_minutes ? cover.time_minutes : slide.event.start_minutes;
  std::string when;
  if (date) when = korean_date(*date);
  if (time) when += (when.empty() ? "" : " ") + clock_text(*time);
  return when;
}

std::vector<Fact> cover_facts(const content::CoverSlide& cover, const std::string& when) {
  std::vector<Fact> facts;
  if (!when.empty()) facts.push_back({"일시", when});
  if (!cover.venue.empty()) facts.push_back({"장소", cover.venue.value});
  // A host line that names its own roles ("주최 …, 참여 …") needs no label of ours.
  if (!cover.host.empty()) facts.push_back({cover.host.value.rfind("주최", 0) == 0 ? "" : "주최", cover.host.value});
  return facts;
}

// The facts laid out as (label, value) pairs, the height they take and
// where the values start in the content box.
struct FactBlocks {
  std::vector<std::pair<TextPtr, TextPtr>> blocks;
  float height = 0;
  float value_x = 0;
};

// Landscape: a label column beside the values. Portrait: each label over
// its value, the values as large as keeps the date on one line.
FactBlocks lay_facts(const LayoutContext& ctx, const std::vector<Fact>& facts, const std::string& when, float width,
                     float step) {
  const auto& m = ctx.metrics;
  const auto label_style = text_style(ctx, Role::secondary, Weight::medium, 1.3f);
  const auto value_style = text_style(ctx, Role::heading, Weight::medium, 1.3f);
  const float label_w = m.portrait ? width : std::round(m.type.px_at(Role::secondary, step) * 3.2f);
  const float value_x = m.portrait ? 0 : label_w;
  const float value_w = width - value_x;
  float fact_step = step;
  while (m.portrait && !when.empty() && fact_step > 1.0f &&
         lay_text(ctx, when, value_style, value_w, fact_step)->lines.size() > 1) {
    fact_step -= 0.05f;
  }
  FactBlocks out;
  out.value_x = value_x;
  for (const auto& f : facts) {
    auto value = lay_text(ctx, f.value, value_style, value_w, fact_step);
    auto label = lay_text(ctx, f.label, label_style, label_w, fact_step);
    out.height += (m.portrait ? (label->lines.empty() ? m.gap_px * 0.8f : label->height_px) : 0) + value->height_px +
                  m.gap_px * 0.35f;
    out.blocks.emplace_back(label, value);
  }
  return out;
}

// Puts the facts from y down.
void put_facts(Scene& scene, const LayoutContext& ctx, const FactBlocks& facts, float y) {
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  for (const auto& [label, value] : facts.blocks) {
    if (m.portrait && label->lines.empty()) {
      y += m.gap_px * 0.8f;  // an unlabelled fact stands apart from the one above
    } else if (m.portrait) {
      put(scene, label, m.content.x, y, p.accent);
      y += label->height_px;
    } else if (!label->lines.empty() && !value->lines.empty()) {  // labels sit on the values' first baseline
      put(scene, label, m.content.x, y + first_baseline(value) - first_baseline(label), p.accent);
    }
    put(scene, value, m.content.x + facts.value_x, y, p.text);
    y += value->height_px + m.gap_px * 0.35f;
  }
}

// The logo in the content box's top right corner.
void put_logo(Scene& scene, const Metrics& m, const content::ImageRef& logo) {
  const float logo_h = std::round(m.unit_px * 0.11f);
  const float logo_w = logo_h * 2.5f;
  scene.items.emplace_back(std::in_place_type<ImageItem>,
                           ImageItem{logo.file.string(), {m.content.right() - logo_w, m.content.y, logo_w, logo_h},
                                     ImageFit::contain, logo.folder, logo.relative, logo.version});
}

}  // namespace

SlidePages layout_cover(const content::Slide& slide, const content::CoverSlide& cover, const LayoutContext& ctx) {
  SlidePages out;
  const auto& m = ctx.metrics;
  const auto& p = ctx.palette;
  Scene scene = blank_page(ctx);
  const float width = m.content.w * (m.portrait ? 1.0f : 0.82f);

  const auto title_style = text_style(ctx, Role::display, Weight::bold, 1.22f, text::Align::start, true);
  // A portrait cover has height to spare: everything on it is set a step larger.
  const float title_step = m.portrait ? 1.15f : 1.0f;
  const float step = m.portrait ? 1.3f : 1.0f;
  auto title = fit_text(ctx, cover.title, title_style, width,
                        title_style.text.size_px * title_step * 1.22f * (m.portrait ? 4 : 3), out.issues, title_step);
  TextPtr subtitle;
  if (!cover.subtitle.empty()) {
    subtitle = fit_text(ctx, cover.subtitle, text_style(ctx, Role::heading, Weight::regular, 1.4f), width,
                        m.type.px(Role::heading) * step * 1.4f * 3, out.issues, step);
  }

  // Facts: label column and value column.
  const std::string when = when_text(slide, cover);
  const FactBlocks facts = lay_facts(ctx, cover_facts(cover, when), when, width, step);

  const float rule_h = std::max(4.0f, std::round(m.unit_px * 0.008f));
  const float gap = m.gap_px * 1.4f;
  float total =
      title->height_px + (subtitle ? m.gap_px * 0.6f + subtitle->height_px : 0) + gap + rule_h + gap + facts.height;
  float y = std::round(m.content.y + (m.content.h - total) * (m.portrait ? 0.42f : 0.5f));

  put(scene, title, m.content.x, y, p.text);
  y += title->height_px;
  if (subtitle) {
    y += m.gap_px * 0.6f;
    put(scene, subtitle, m.content.x, y, p.muted);
    y += subtitle->height_px;
  }
  y += gap;
  fill(scene, {m.content.x, y, std::round(m.unit_px * 0.09f), rule_h}, p.accent);
  y += rule_h + gap;
  put_facts(scene, ctx, facts, y);
  if (cover.logo) put_logo(scene, m, *cover.logo);
  out.pages.push_back(std::move(scene));
  return out;
}

}  // namespace annae::slides
