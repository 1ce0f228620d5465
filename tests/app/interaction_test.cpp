// What touches and keys do.
#include <doctest/doctest.h>

#include <string>

#include "app/interaction.hpp"
#include "app/playlist.hpp"

using namespace annae::app;

namespace {

Gesture tap(float x, float y) { return {GestureKind::tap, {x, y}}; }

}  // namespace

TEST_CASE("touch commands") {
  struct Case {
    const char* what;
    Gesture gesture;
    Action expected;
    bool on_progress_dots = false;  // the page's hit region for the index
  };
  const Case cases[] = {
      {"swipe left shows the next slide", {GestureKind::swipe_left, {.5f, .5f}}, Action::next},
      {"swipe right shows the previous slide", {GestureKind::swipe_right, {.5f, .5f}}, Action::previous},
      {"a tap on the right edge is next", tap(.9f, .5f), Action::next},
      {"a tap on the left edge is previous", tap(.1f, .5f), Action::previous},
      {"a tap in the middle pauses", tap(.5f, .5f), Action::toggle_pause},
      {"a tap on the progress dots opens the index", tap(.5f, .95f), Action::open_index, true},
      {"a tap on the dots at a portrait footer's left edge opens the index", tap(.1f, .95f), Action::open_index, true},
      {"a tap on the footer away from the dots pauses", tap(.5f, .95f), Action::toggle_pause},
      {"a long-press opens the index", {GestureKind::long_press, {.3f, .3f}}, Action::open_index},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Interaction i(30000, true);
    CHECK(i.on_gesture(c.gesture, 0, std::nullopt, c.on_progress_dots).action == c.expected);
  }
}

TEST_CASE("the index: a tap on a slide jumps there, a tap outside closes it") {
  Interaction i(30000, true);
  i.on_gesture({GestureKind::long_press, {.5f, .5f}}, 0, std::nullopt);
  REQUIRE(i.index_open());
  CHECK(i.on_gesture({GestureKind::swipe_left, {.5f, .5f}}, 10, std::nullopt).action == Action::none);  // swipes do nothing over it
  CHECK(i.on_gesture(tap(.4f, .4f), 20, 7) == Decision{Action::jump, 7});
  CHECK_FALSE(i.index_open());
  i.on_gesture({GestureKind::long_press, {.5f, .5f}}, 30, std::nullopt);
  CHECK(i.on_gesture(tap(.02f, .02f), 40, std::nullopt).action == Action::close_index);
  CHECK_FALSE(i.index_open());
}

TEST_CASE("idle: after the timeout with no touch, auto-play resumes and overlays close") {
  Interaction i(30000, true);
  i.on_gesture(tap(.5f, .5f), 1000, std::nullopt);  // pause
  REQUIRE(i.paused());
  i.on_gesture({GestureKind::long_press, {.5f, .5f}}, 2000, std::nullopt);
  REQUIRE(i.index_open());
  CHECK(i.deadline_ms() == 32000);
  CHECK(i.on_time(31999).action == Action::none);   // not yet
  CHECK(i.paused());
  CHECK(i.on_time(32000).action == Action::close_index);
  CHECK_FALSE(i.paused());
  CHECK_FALSE(i.index_open());
  CHECK_FALSE(i.deadline_ms());  // nothing more to wait for
}

TEST_CASE("operator keys") {
  struct Case {
    const char* what;
    Key key;
    int digit;
    bool kiosk;
    Decision expected;
  };
  const Case cases[] = {
      {"→ is next", Key::right, 0, true, {Action::next}},
      {"← is previous", Key::left, 0, true, {Action::previous}},
      {"Space pauses", Key::space, 0, true, {Action::toggle_pause}},
      {"Home is the first slide", Key::home, 0, true, {Action::first}},
      {"End is the last slide", Key::end, 0, true, {Action::last}},
      {"3 jumps to the third slide", Key::digit, 3, true, {Action::jump, 2}},
      {"I opens the index", Key::index, 0, true, {Action::open_index}},
      {"Esc quits a development window", Key::escape, 0, false, {Action::quit}},
      {"Esc does nothing in a kiosk", Key::escape, 0, true, {Action::none}},
      {"F toggles fullscreen in a development window", Key::fullscreen, 0, false, {Action::toggle_fullscreen}},
      {"F does nothing in a kiosk", Key::fullscreen, 0, true, {Action::none}},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Interaction i(30000, c.kiosk);
    CHECK(i.on_key_down(c.key, c.digit, 0) == c.expected);
  }
}

TEST_CASE("the kiosk quits only after Ctrl+Alt+Q is held for two seconds") {
  Interaction i(30000, true);
  i.on_key_down(Key::ctrl, 0, 0);
  i.on_key_down(Key::alt, 0, 0);
  i.on_key_down(Key::q, 0, 100);
  CHECK(i.on_time(2099).action == Action::none);
  CHECK(i.on_time(2100).action == Action::quit);
  Interaction j(30000, true);  // letting go early cancels
  j.on_key_down(Key::ctrl, 0, 0);
  j.on_key_down(Key::alt, 0, 0);
  j.on_key_down(Key::q, 0, 0);
  j.on_key_up(Key::q);
  CHECK(j.on_time(5000).action == Action::none);
  Interaction k(30000, true);  // Q alone is nothing
  k.on_key_down(Key::q, 0, 0);
  CHECK(k.on_time(5000).action == Action::none);
}

TEST_CASE("navigation steps through pages, then slides, wrapping, skipping what is not visible") {
  annae::content::Show show;
  for (const char* id : {"a", "b", "c", "d"}) {
    annae::content::Slide s;
    s.id = id;
    show.slides.push_back(s);
  }
  const auto all = [](const annae::content::Slide&) { return true; };
  const auto not_c = [](const annae::content::Slide& s) { return s.id != "c"; };
  struct Case {
    const char* what;
    Position from;
    std::size_t pages;
    int direction;
    Playlist::Visible visible;
    Position expected;
  };
  const Case cases[] = {
      {"next slide", {0, 0}, 1, +1, all, {1, 0}},
      {"next page of a paginated slide first", {1, 0}, 2, +1, all, {1, 1}},
      {"after its last page, the next slide", {1, 1}, 2, +1, all, {2, 0}},
      {"previous page first", {1, 1}, 2, -1, all, {1, 0}},
      {"wraps from the last slide to the first", {3, 0}, 1, +1, all, {0, 0}},
      {"wraps from the first slide to the last", {0, 0}, 1, -1, all, {3, 0}},
      {"skips a slide outside its visible window", {1, 0}, 1, +1, not_c, {3, 0}},
      {"and backwards too", {3, 0}, 1, -1, not_c, {1, 0}},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    const auto next = Playlist::step(show, c.from, c.pages, c.direction, c.visible);
    REQUIRE(next);
    CHECK(*next == c.expected);
  }
  CHECK_FALSE(Playlist::step(show, {0, 0}, 1, +1, [](const auto&) { return false; }));  // nothing visible
}
