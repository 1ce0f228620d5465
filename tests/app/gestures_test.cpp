// Gestures from synthetic pointer events and a fake clock.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/gestures.hpp"

using namespace annae::app;
using Type = PointerEvent::Type;

namespace {

struct Step {
  Type type;
  std::int64_t finger;
  float x, y;
  std::int64_t ms;
};

// Feeds the steps (calling on_time before each, as the loop would) and
// returns every gesture that fired.
std::vector<GestureKind> run(const std::vector<Step>& steps) {
  GestureRecognizer r;
  std::vector<GestureKind> fired;
  for (const auto& s : steps) {
    if (auto g = r.on_time(s.ms)) fired.push_back(g->kind);
    if (auto g = r.on_event({s.type, s.finger, {s.x, s.y}, s.ms})) fired.push_back(g->kind);
  }
  return fired;
}

using Kinds = std::vector<GestureKind>;

}  // namespace

TEST_CASE("gestures") {
  struct Case {
    const char* what;
    std::vector<Step> steps;
    Kinds expected;
  };
  const Case cases[] = {
      {"a quick touch in place is a tap", {{Type::down, 0, .5f, .5f, 0}, {Type::up, 0, .5f, .5f, 120}}, {GestureKind::tap}},
      {"a small wobble is still a tap", {{Type::down, 0, .5f, .5f, 0}, {Type::move, 0, .51f, .5f, 50}, {Type::up, 0, .505f, .5f, 100}}, {GestureKind::tap}},
      {"a fast drag to the left is swipe left", {{Type::down, 0, .8f, .5f, 0}, {Type::move, 0, .55f, .52f, 100}, {Type::up, 0, .3f, .53f, 200}}, {GestureKind::swipe_left}},
      {"a fast drag to the right is swipe right", {{Type::down, 0, .2f, .5f, 0}, {Type::up, 0, .6f, .5f, 250}}, {GestureKind::swipe_right}},
      {"too short for a swipe, too far for a tap: nothing", {{Type::down, 0, .5f, .5f, 0}, {Type::up, 0, .56f, .5f, 100}}, {}},
      {"a slow drag is not a swipe", {{Type::down, 0, .8f, .5f, 0}, {Type::move, 0, .7f, .5f, 400}, {Type::up, 0, .3f, .5f, 3000}}, {}},
      {"a vertical drag is not a swipe", {{Type::down, 0, .5f, .2f, 0}, {Type::up, 0, .52f, .8f, 150}}, {}},
      {"holding still is a long-press, and the lift adds no tap", {{Type::down, 0, .5f, .5f, 0}, {Type::up, 0, .5f, .5f, 900}}, {GestureKind::long_press}},
      {"held too long for a tap, too short for a long-press: nothing", {{Type::down, 0, .5f, .5f, 0}, {Type::up, 0, .5f, .5f, 650}}, {}},
      {"moving while holding prevents the long-press", {{Type::down, 0, .5f, .5f, 0}, {Type::move, 0, .6f, .5f, 300}, {Type::up, 0, .6f, .5f, 900}}, {}},
      {"a second finger cancels gracefully", {{Type::down, 0, .8f, .5f, 0}, {Type::down, 1, .5f, .5f, 50}, {Type::up, 0, .3f, .5f, 150}, {Type::up, 1, .5f, .5f, 160}}, {}},
      {"after a cancelled gesture the next tap works", {{Type::down, 0, .5f, .5f, 0}, {Type::down, 1, .5f, .6f, 10}, {Type::up, 0, .5f, .5f, 50}, {Type::up, 1, .5f, .6f, 60}, {Type::down, 0, .5f, .5f, 500}, {Type::up, 0, .5f, .5f, 550}}, {GestureKind::tap}},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    CHECK(run(c.steps) == c.expected);
  }
}

TEST_CASE("the long-press deadline tells the loop when to wake") {
  GestureRecognizer r;
  r.on_event({Type::down, 0, {.5f, .5f}, 1000});
  REQUIRE(r.deadline_ms());
  CHECK(*r.deadline_ms() == 1700);
  CHECK_FALSE(r.on_time(1699));
  CHECK(r.on_time(1700));
}

TEST_CASE("touches on a turned screen map back to the slide") {
  struct Case {
    int rotation;
    Point output;
    Point slide;
  };
  const Case cases[] = {
      {0, {.9f, .5f}, {.9f, .5f}},    // upright: unchanged
      {90, {.5f, .9f}, {.9f, .5f}},   // turned clockwise: the output's bottom is the slide's right edge
      {90, {.9f, .5f}, {.5f, .1f}},   // and the output's right is the slide's top
      {180, {.9f, .2f}, {.1f, .8f}},  // upside down
      {270, {.5f, .1f}, {.9f, .5f}},  // turned anticlockwise: the output's top is the slide's right edge
  };
  for (const auto& c : cases) {
    CAPTURE(c.rotation);
    const auto p = map_to_slide(c.output, c.rotation);
    CHECK(p.x == doctest::Approx(c.slide.x));
    CHECK(p.y == doctest::Approx(c.slide.y));
  }
}

TEST_CASE("a swipe along a turned screen goes the way the finger went on the slide") {
  // On a screen turned 90° clockwise, the finger moving up the output moves left on the slide.
  GestureRecognizer r;
  r.on_event({Type::down, 0, map_to_slide({.5f, .8f}, 90), 0});
  const auto g = r.on_event({Type::up, 0, map_to_slide({.5f, .3f}, 90), 200});
  REQUIRE(g);
  CHECK(g->kind == GestureKind::swipe_left);
}
