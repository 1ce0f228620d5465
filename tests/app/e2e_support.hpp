#pragma once
// Shared by the end-to-end tests: the real binary on a private X server,
// compared pixel for pixel with what `annae render` draws.
#include <SDL_image.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "../render/png_util.hpp"
#include "process.hpp"
#include "xvfb.hpp"

namespace annae::e2e {

using namespace std::chrono_literals;
using annae::test::Process;

// Renders one slide as `annae render` would, to compare the screen with.
inline annae::test::Image rendered(const std::string& show, const std::string& slide, const std::string& at) {
  const std::string png = "/tmp/annae-e2e-" + std::to_string(std::hash<std::string>{}(show + slide + at)) + ".png";
  Process render({ANNAE_BINARY, "render", show, "--slide", slide, "--size", "1280x720", "--at", at, "--out", png}, {},
                 png + ".log");
  REQUIRE(render.wait_for(30s) == 0);
  return annae::test::load_png(png);
}

// Pixels that differ visibly between the screen and an image (0 when identical),
// in rows [y_from, 720); `mean_diff` gets the average difference over those rows.
inline int differing_pixels(const annae::test::ScreenGrab& grab, const annae::test::Image& expected, double* mean_diff = nullptr,
                            int y_from = 0) {
  long long diff = 0;
  int differing = 0;
  for (int y = y_from; y < 720; ++y) {
    for (int x = 0; x < 1280; ++x) {
      const auto e = expected.at(x, y);
      const auto& g = grab.at(x, y);
      const int d = std::abs(int(e >> 16 & 0xFF) - g.r) + std::abs(int(e >> 8 & 0xFF) - g.g) + std::abs(int(e & 0xFF) - g.b);
      diff += d;
      differing += d > 6;
    }
  }
  if (mean_diff) *mean_diff = static_cast<double>(diff) / (1280.0 * (720 - y_from));
  return differing;
}

// Writes a screen grab where a failing test says, to look at what it saw.
inline std::string save_grab(const annae::test::ScreenGrab& grab, const std::string& path) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, grab.width, grab.height, 24, SDL_PIXELFORMAT_RGB24);
  for (int y = 0; y < grab.height; ++y) {
    auto* row = static_cast<Uint8*>(s->pixels) + y * s->pitch;
    for (int x = 0; x < grab.width; ++x) {
      row[x * 3] = grab.at(x, y).r;
      row[x * 3 + 1] = grab.at(x, y).g;
      row[x * 3 + 2] = grab.at(x, y).b;
    }
  }
  IMG_SavePNG(s, path.c_str());
  SDL_FreeSurface(s);
  return "screen saved to " + path;
}

inline constexpr int matching = 1280 * 720 / 1000;  // at most 0.1 % of pixels may differ (anti-aliasing)

// Waits until the screen shows `expected` (a loaded machine may present a moment later).
inline bool screen_shows(const annae::test::Xvfb& x, const annae::test::Image& expected, std::chrono::milliseconds timeout,
                  double* mean_diff = nullptr) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  do {
    const auto grab = x.grab();
    if (grab.width == 1280 && differing_pixels(grab, expected, mean_diff) < matching) return true;
    std::this_thread::sleep_for(100ms);
  } while (std::chrono::steady_clock::now() < deadline);
  return false;
}

inline void wait_for_first_frame(const std::string& log) {
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (annae::test::read_text(log).find("first frame on screen") == std::string::npos) {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, annae::test::read_text(log));
    std::this_thread::sleep_for(50ms);
  }
}

// xdotool against the private display: mouse drags stand in for swipes, clicks for taps.
inline void xdotool(const annae::test::Xvfb& x, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"xdotool"};
  argv.insert(argv.end(), args.begin(), args.end());
  Process p(argv, {"DISPLAY=" + x.display()});
  REQUIRE(p.wait_for(10s) == 0);
}

inline const std::string seminar = std::string(ANNAE_SOURCE_DIR) + "/content/seminar-2020";


}  // namespace annae::e2e
