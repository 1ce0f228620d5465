// Absolute pointers (a touch panel in mouse mode, a USB tablet) as the kernel
// reports them → touches where the finger was, whatever SDL 2.26 would make
// of them. QEMU's usb-tablet: axes 0..32767, BTN_LEFT.
#include "app/absolute_pointer.hpp"

#include <doctest/doctest.h>

#include <vector>

using annae::app::AbsoluteAxes;
using Type = annae::app::PointerEvent::Type;

namespace {

input_event ev(int type, int code, int value) {
  input_event e{};
  e.type = static_cast<unsigned short>(type);
  e.code = static_cast<unsigned short>(code);
  e.value = value;
  return e;
}
const input_event syn = ev(EV_SYN, SYN_REPORT, 0);
input_event x(int v) { return ev(EV_ABS, ABS_X, v); }
input_event y(int v) { return ev(EV_ABS, ABS_Y, v); }
input_event button(bool down) { return ev(EV_KEY, BTN_LEFT, down ? 1 : 0); }

struct Expected {
  Type type;
  float x, y;
};

}  // namespace

TEST_CASE("an absolute pointer's reports become touches where the finger was") {
  const input_absinfo axis{0, 0, 32767, 0, 0, 0};
  struct Case {
    const char* what;
    std::vector<input_event> events;
    std::vector<Expected> samples;
  };
  const Case cases[] = {
      // a swipe to the left across the middle: down at 80 %, along, up at 20 %
      {"swipe", {x(26214), y(16384), syn, button(true), syn, x(16384), syn, x(6553), syn, button(false), syn},
       {{Type::down, 0.8f, 0.5f}, {Type::move, 0.5f, 0.5f}, {Type::move, 0.2f, 0.5f}, {Type::up, 0.2f, 0.5f}}},
      // a report that leaves y out keeps it (SDL 2.26 took it as 0: the top edge)
      {"x only", {x(100), y(30000), button(true), syn, x(200), syn},
       {{Type::down, 100 / 32767.0f, 30000 / 32767.0f}, {Type::move, 200 / 32767.0f, 30000 / 32767.0f}}},
      // the pointer moving with nothing pressed is not a touch
      {"hover", {x(100), y(100), syn, x(9000), syn}, {}},
      // a tap on the left edge
      {"tap", {x(1310), y(16384), syn, button(true), syn, button(false), syn},
       {{Type::down, 0.04f, 0.5f}, {Type::up, 0.04f, 0.5f}}},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.what));
    AbsoluteAxes axes(axis, axis);
    std::vector<AbsoluteAxes::Sample> got;
    for (const auto& e : c.events)
      if (auto s = axes.on_event(e)) got.push_back(*s);
    REQUIRE(got.size() == c.samples.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].type == c.samples[i].type);
      CHECK(got[i].at.x == doctest::Approx(c.samples[i].x).epsilon(0.001));
      CHECK(got[i].at.y == doctest::Approx(c.samples[i].y).epsilon(0.001));
    }
  }
}

TEST_CASE("only SDL before 2.29.1 on KMSDRM needs the reader") {
  CHECK_FALSE(annae::app::sdl_mishandles_absolute_pointers("x11"));
  CHECK_FALSE(annae::app::sdl_mishandles_absolute_pointers("wayland"));
  SDL_version v{};
  SDL_GetVersion(&v);
  CHECK(annae::app::sdl_mishandles_absolute_pointers("KMSDRM") ==
        (SDL_VERSIONNUM(v.major, v.minor, v.patch) < SDL_VERSIONNUM(2, 29, 1)));
}
