// Slides with only their required fields (and some empty strings) still lay
// out: optional parts simply do not appear.
#include <doctest/doctest.h>

#include "shared_engine.hpp"
#include "slides/show_view.hpp"

using namespace annae;

namespace {

content::Text t(const char* s) { return {s, {"x.toml", 1, 1}}; }


}  // namespace

TEST_CASE("every kind lays out with only its required fields") {
  std::vector<content::SlideContent> kinds;
  kinds.emplace_back(content::CoverSlide{t("지역균형발전포럼"), {}, {}, {}, {}, {}, {}});
  content::StrategiesSlide strategies{t(""), {}};
  strategies.items.push_back({{}, {}, t(""), t("국토 경쟁력 재고"), {}});  // no marker, number or heading
  kinds.emplace_back(strategies);
  kinds.emplace_back(content::TextSlide{t(""), {}, {}, {}});  // nothing at all
  content::AgendaSlide agenda{t("일정"), {}, {}};
  agenda.rows.push_back({14 * 60, 14 * 60 + 5, t("개회"), {}, {}, {}});
  kinds.emplace_back(agenda);
  content::TalksSlide talks{t(""), {}};
  talks.items.push_back({{}, t("혁신도시와 주변지역 연계협력방안"), {}, {}, {}});
  kinds.emplace_back(talks);
  content::ContactsSlide contacts{t(""), {}, {}, {}, {}};
  contacts.people.push_back({{}, t("윤의식"), {}});
  kinds.emplace_back(contacts);
  kinds.emplace_back(content::QuoteSlide{t("기대한다"), {}, {}});

  content::Show show;
  for (auto& k : kinds) {
    content::Slide slide;
    slide.id = "sparse";
    slide.content = k;
    show.slides.push_back(slide);
  }
  const text::CivilTime now{{2020, 9, 25}, 14 * 60 + 2};
  for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    const auto view = slides::view_for(show, w, h);
    for (std::size_t i = 0; i < show.slides.size(); ++i) {
      CAPTURE(i);
      const auto pages = slides::layout_show_slide(show, i, annae::test::engine(), view, now);
      REQUIRE_FALSE(pages.pages.empty());
      const auto scene = slides::page_with_footer(show, i, pages, 0, annae::test::engine(), view, now);
      CHECK(scene.width_px == w);
    }
  }
}
