// What is on screen, without a window: a recording presenter stands in for
// the screen, and pages are small scenes of coloured squares.
#include <doctest/doctest.h>

#include <cmath>

#include "app/gestures.hpp"
#include "app/stage.hpp"
#include "render/compositor.hpp"
#include "shared_engine.hpp"

using namespace annae;
using namespace annae::app;
using namespace std::chrono_literals;

namespace {

const steady::time_point t0 = steady::time_point{} + 1000h;

// What the screen was asked to show, frame by frame.
class RecordingPresenter : public render::Presenter {
 public:
  struct Frame {
    bool transition = false;
    std::uintptr_t page = 0;  // serial of the page (the target of a transition)
    int width_px = 0, height_px = 0;
  };
  void show(const SDL_Surface& page) override { frames.push_back({false, render::serial_of(page), page.w, page.h}); }
  void show_transition(const SDL_Surface&, const SDL_Surface& to, content::TransitionKind, float, int) override {
    frames.push_back({true, render::serial_of(to), to.w, to.h});
  }
  std::vector<Frame> frames;
};

Shot square_page(slides::Color color, Entrance entrance = {}) {
  Shot shot;
  shot.scene.width_px = 320;
  shot.scene.height_px = 180;
  shot.scene.background = {20, 20, 20, 255};
  // 32×36 px at slide-normalized (0.1, 0.2)
  shot.scene.items.push_back(slides::FillItem{{32, 36, 32, 36}, color, 0, false, {}});
  shot.entrance = entrance;
  return shot;
}

struct Fixture {
  text::GlyphCache glyphs{test::engine().fonts()};
  render::Compositor compositor{glyphs};
  RecordingPresenter screen;
  Stage stage{compositor, screen};
};

}  // namespace

TEST_CASE("a transition runs frame by frame, then ends on the new page, and the stage sleeps") {
  Fixture f;
  f.stage.show(square_page({200, 0, 0, 255}), t0);
  CHECK(f.stage.draw(t0));
  f.stage.show(square_page({0, 200, 0, 255}, {content::TransitionKind::fade, 500, +1}), t0 + 1s);
  CHECK(f.stage.transition_running());
  CHECK(f.stage.draw(t0 + 1s));
  CHECK(f.screen.frames.back().transition);
  CHECK(f.stage.deadline() == t0 + 1s + frame_interval);  // the next frame
  CHECK(f.stage.draw(t0 + 1s + 600ms));                    // past its 500 ms
  CHECK_FALSE(f.screen.frames.back().transition);           // the new page, still
  CHECK_FALSE(f.stage.transition_running());
  CHECK(f.stage.deadline() == steady::time_point::max());
  CHECK_FALSE(f.stage.draw(t0 + 2s));  // nothing changed: nothing presented
}

TEST_CASE("the first page cuts in: there is nothing to fade from") {
  Fixture f;
  f.stage.show(square_page({200, 0, 0, 255}, {content::TransitionKind::fade, 500, +1}), t0);
  CHECK_FALSE(f.stage.transition_running());
  CHECK(f.stage.draw(t0));
  CHECK_FALSE(f.screen.frames.back().transition);
}

TEST_CASE("rotation turns output and input alike: a square drawn at a slide point is found there by map_to_slide") {
  for (const int rotation : {0, 90, 180, 270}) {
    CAPTURE(rotation);
    Fixture f;
    f.stage.set_rotation(rotation);
    f.stage.show(square_page({250, 0, 0, 255}), t0);
    REQUIRE(f.stage.draw(t0));
    const SDL_Surface* out = f.stage.frame_on_screen();
    REQUIRE(out);
    const bool sideways = rotation % 180 != 0;
    CHECK(out->w == (sideways ? 180 : 320));
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = 0; y < out->h; ++y) {
      for (int x = 0; x < out->w; ++x) {
        Uint8 r, g, b;
        SDL_GetRGB(static_cast<const Uint32*>(out->pixels)[y * out->pitch / 4 + x], out->format, &r, &g, &b);
        if (r > 200 && g < 50) sx += x + 0.5, sy += y + 0.5, ++n;
      }
    }
    REQUIRE(n > 0);
    const Point at = map_to_slide({static_cast<float>(sx / n / out->w), static_cast<float>(sy / n / out->h)}, rotation);
    CHECK(at.x == doctest::Approx(0.15).epsilon(0.02));  // the square's centre: (48, 54) of 320×180
    CHECK(at.y == doctest::Approx(0.30).epsilon(0.02));
  }
}

TEST_CASE("an overlay is drawn onto the page once, and turned once when the screen is rotated") {
  struct Case {
    int rotation;
    std::size_t copies;  // full frames made per overlay change
  };
  for (const auto c : {Case{0, 1}, Case{90, 2}}) {
    CAPTURE(c.rotation);
    Fixture f;
    f.stage.set_rotation(c.rotation);
    f.stage.show(square_page({200, 0, 0, 255}), t0);
    slides::Scene marker;
    marker.width_px = 320;
    marker.height_px = 180;
    marker.items.push_back(slides::FillItem{{150, 80, 20, 20}, {255, 255, 255, 255}, 0, false, {}});
    f.stage.set_overlay(marker);
    REQUIRE(f.stage.draw(t0));
    CHECK(f.stage.overlay_frame_copies() == c.copies);
    CHECK(f.screen.frames.back().page == render::serial_of(*f.stage.frame_on_screen()));  // the overlay frame went out
  }
}

TEST_CASE("night: one black frame of the output's size, then nothing until morning") {
  Fixture f;
  f.stage.show(square_page({200, 0, 0, 255}), t0);
  f.stage.draw(t0);
  f.stage.go_dark(640, 360);
  CHECK(f.stage.draw(t0 + 1s));
  CHECK(f.screen.frames.back().width_px == 640);
  f.stage.show(square_page({0, 200, 0, 255}, {content::TransitionKind::fade, 500, +1}), t0 + 2s);
  CHECK_FALSE(f.stage.transition_running());  // no fades in the dark
  f.stage.wake();
  CHECK(f.stage.draw(t0 + 3s));
  CHECK(f.screen.frames.back().width_px == 320);
  CHECK(f.stage.draw(t0 + 3s + 1ms));        // the morning's page goes out twice (a first flip may be lost)
  CHECK_FALSE(f.stage.draw(t0 + 3s + 2ms));  // and then the stage sleeps
}
