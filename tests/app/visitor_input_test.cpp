// Touches on real pages: the tap target of the progress dots is where the
// footer drew them, on any screen shape.
#include <doctest/doctest.h>

#include "app/show_session.hpp"
#include "app/visitor_input.hpp"
#include "shared_engine.hpp"
#include "text/unicode/civil_time.hpp"

using namespace annae;
using namespace annae::app;

namespace {

const std::string seminar = std::string(ANNAE_SOURCE_DIR) + "/content/seminar-2020";

// The cover of the seminar show as laid out for a `width`×`height` screen.
slides::Scene cover_at(int width, int height) {
  static const Clock clock(text::instant_in_zone({2020, 9, 25, 14 * 60 + 20}, "Asia/Seoul"));
  ShowSession session(seminar, test::engine(), clock);
  session.start(content::load_show(seminar), "now");
  return session.resize(width, height, steady::now()).scene;
}

// A finger down and up again at `at` (slide-normalized); the decision goes to `d`.
Point tap_and_lift(VisitorInput& v, Point at, std::int64_t t_ms, Decision* d) {
  v.pointer(PointerEvent::Type::down, 1, at, t_ms);
  *d = v.pointer(PointerEvent::Type::up, 1, at, t_ms + 80);
  return at;
}

}  // namespace

TEST_CASE("a tap on the progress dots opens the index on landscape and portrait screens; beside them it does not") {
  struct Case {
    const char* what;
    int width, height;
  };
  const Case cases[] = {
      {"1920x1080", 1920, 1080},
      {"1080x1920: the dots sit at the footer's left, inside the 'previous' edge zone", 1080, 1920},
      {"1024x768", 1024, 768},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    const auto page = cover_at(c.width, c.height);
    REQUIRE(page.hits.size() == 1);
    const auto& target = page.hits.front().rect;
    CHECK(target.w >= 0.3f * static_cast<float>(c.width) - 1);  // finger-sized
    VisitorInput v(30'000, true);
    v.set_page(page);
    Decision d;
    const float w = static_cast<float>(c.width), h = static_cast<float>(c.height);
    tap_and_lift(v, {(target.x + target.w / 2) / w, (target.y + target.h / 2) / h}, 1000, &d);
    CHECK(d.action == Action::open_index);
    v.close_index();
    VisitorInput other(30'000, true);
    other.set_page(page);
    tap_and_lift(other, {0.5f, target.y / h - 0.05f}, 5000, &d);  // above the footer, in the middle
    CHECK(d.action == Action::toggle_pause);
  }
}

TEST_CASE("a swipe is measured in the page's own shape: the same finger path swipes on portrait as on landscape") {
  for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    CAPTURE(w);
    VisitorInput v(30'000, true);
    v.set_page(cover_at(w, h));
    // 40 % of the page's width, leftwards, in 200 ms.
    v.pointer(PointerEvent::Type::down, 1, {0.7f, 0.5f}, 0);
    v.pointer(PointerEvent::Type::move, 1, {0.5f, 0.5f}, 100);
    const auto d = v.pointer(PointerEvent::Type::up, 1, {0.3f, 0.5f}, 200);
    CHECK(d.action == Action::next);
  }
}
