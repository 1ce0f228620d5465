// The live agenda as a visitor sees it across the lobby: the 2020 seminar's
// timetable (seed 001) laid out at 1920x1080 at moments of its day.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include "content/show_loader.hpp"
#include "shared_engine.hpp"
#include "slides/show_view.hpp"
#include "slides/theme.hpp"

namespace {

using annae::text::CivilTime;
using annae::slides::Color;
using annae::slides::FillItem;
using annae::slides::TextItem;

const annae::content::Show& seminar() {
  static const auto loaded = annae::content::load_show(std::filesystem::path(ANNAE_SOURCE_DIR) / "content/seminar-2020");
  REQUIRE(loaded.show);
  return *loaded.show;
}

std::size_t agenda_index(const annae::content::Show& show) {
  for (std::size_t i = 0; i < show.slides.size(); ++i) {
    if (show.slides[i].kind == annae::content::SlideKind::agenda) return i;
  }
  FAIL("the seminar has an agenda");
  return 0;
}

// Every text on every page of the agenda at `now`.
std::vector<TextItem> agenda_texts(const CivilTime& now) {
  const auto& show = seminar();
  const auto view = annae::slides::view_for(show, 1920, 1080);
  const auto pages = annae::slides::layout_show_slide(show, agenda_index(show), annae::test::engine(), view, now);
  std::vector<TextItem> out;
  for (const auto& page : pages.pages) {
    for (const auto& item : page.items) {
      if (const auto* t = std::get_if<TextItem>(&item)) out.push_back(*t);
    }
  }
  return out;
}

const TextItem* find_text(const std::vector<TextItem>& texts, const std::string& starts_with) {
  for (const auto& t : texts) {
    if (!t.block->lines.empty() && t.block->lines.front().text.rfind(starts_with, 0) == 0) return &t;
  }
  return nullptr;
}

double luminance(Color c) {
  const auto channel = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast(Color a, Color b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("where the day stands: a line before the first row and after the last") {
  struct Case {
    CivilTime now;
    const char* line;  // the line above the rows; "" for none
  };
  const Case cases[] = {
      {{{2020, 9, 25}, 13 * 60}, "14:00 시작 · 1시간 남았습니다"},         // 13:00: an hour to go
      {{{2020, 9, 25}, 13 * 60 + 35}, "14:00 시작 · 25분 남았습니다"},     // 13:35: minutes only
      {{{2020, 9, 25}, 11 * 60 + 50}, "14:00 시작 · 2시간 10분 남았습니다"},  // 11:50
      {{{2020, 9, 25}, 14 * 60 + 20}, ""},                                  // during the talks: the rows say it
      {{{2020, 9, 25}, 16 * 60 + 30}, "행사 종료 · 오늘 일정이 모두 끝났습니다"},  // after 16:10
      {{{2020, 9, 24}, 13 * 60}, ""},                                       // the day before: a plain timetable
  };
  for (const auto& c : cases) {
    CAPTURE(c.now.minutes);
    const auto texts = agenda_texts(c.now);
    const bool has_start = find_text(texts, "14:00 시작") != nullptr;
    const bool has_end = find_text(texts, "행사 종료") != nullptr;
    if (std::string(c.line).empty()) {
      CHECK_FALSE(has_start);
      CHECK_FALSE(has_end);
    } else {
      const auto* line = find_text(texts, c.line);
      REQUIRE(line != nullptr);
      CHECK(line->block->lines.front().text == c.line);
    }
  }
}

TEST_CASE("at 14:20 the talks are on: a high-contrast panel, a large 진행 중, the ended rows dimmed") {
  const auto& show = seminar();
  const auto view = annae::slides::view_for(show, 1920, 1080);
  const CivilTime now{{2020, 9, 25}, 14 * 60 + 20};
  const auto pages = annae::slides::layout_show_slide(show, agenda_index(show), annae::test::engine(), view, now);
  const auto& page = pages.pages.at(pages.initial_page);  // the page with the row in progress is shown first
  const auto palette = annae::slides::palette_for(show.settings.theme);
  const TextItem* talks = nullptr;
  const TextItem* badge = nullptr;
  const TextItem* opening = nullptr;  // 14:00-14:05, over by 14:20
  for (const auto& item : page.items) {
    const auto* t = std::get_if<TextItem>(&item);
    if (!t || t->block->lines.empty()) continue;
    const auto& first = t->block->lines.front().text;
    if (first == "주제발표") talks = t;
    if (first == "진행 중") badge = t;
    if (first.rfind("참석자 소개", 0) == 0) opening = t;
  }
  REQUIRE(talks != nullptr);
  REQUIRE(badge != nullptr);
  CHECK(badge->block->size_px >= 40);
  // The panel under the current row stands out from the background by 3:1 or more.
  const FillItem* panel = nullptr;
  for (const auto& item : page.items) {
    const auto* f = std::get_if<FillItem>(&item);
    if (f && f->color == palette.highlight && f->rect.y <= talks->y_px && f->rect.bottom() > talks->y_px) panel = f;
  }
  REQUIRE(panel != nullptr);
  CHECK(contrast(panel->color, palette.background) >= 3.0);
  CHECK(contrast(palette.highlight_text, palette.highlight) >= 4.5);
  // Rows sit on the title margin: the time column starts where the title does.
  CHECK(panel->rect.x < view.metrics.content.x);
  REQUIRE(opening != nullptr);
  CHECK_FALSE(opening->color == palette.text);  // an ended row is dimmed
  CHECK(talks->color == palette.highlight_text);
}

TEST_CASE("every theme's current-row panel stands out from its background") {
  for (const auto name : {annae::content::ThemeName::dark, annae::content::ThemeName::light,
                          annae::content::ThemeName::high_contrast}) {
    annae::content::Theme theme;
    theme.name = name;
    const auto p = annae::slides::palette_for(theme);
    CAPTURE(static_cast<int>(name));
    CHECK(contrast(p.highlight, p.background) >= 3.0);
    CHECK(contrast(p.highlight_text, p.highlight) >= 4.5);
  }
}
