// The real binary, in a real window, on a private X server.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "../render/png_util.hpp"
#include "process.hpp"
#include "xvfb.hpp"

using namespace std::chrono_literals;
using annae::test::Process;

namespace {

int count_light_pixels(const annae::test::ScreenGrab& grab) {
  int n = 0;
  for (const auto& p : grab.pixels) n += (p.r > 180 && p.g > 180 && p.b > 180);
  return n;
}

}  // namespace

TEST_CASE("annae opens a window and shows text") {
  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-player-test.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "/nonexistent-show"},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
  // Wait until the first frame is on screen (light text on the dark ground).
  annae::test::ScreenGrab grab;
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (std::chrono::steady_clock::now() < deadline) {
    grab = x.grab();
    if (count_light_pixels(grab) > 2000) break;
    REQUIRE_MESSAGE(!player.poll(), annae::test::read_text(log));
    std::this_thread::sleep_for(100ms);
  }
  CHECK(count_light_pixels(grab) > 2000);
  const auto& corner = grab.at(5, 5);  // the dark ground of the status screen
  CHECK(corner.r < 40);
  CHECK(corner.g < 40);
  CHECK(corner.b < 40);
  CHECK_FALSE(player.poll());  // still running: a kiosk does not exit by itself
}

TEST_CASE("without a display annae explains what to do and exits 2") {
  const std::string log = "/tmp/annae-nodisplay-test.log";
  Process player({"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER=x11", ANNAE_BINARY}, {}, log);
  const auto status = player.wait_for(10s);
  REQUIRE(status);
  CHECK(*status == 2);
  const auto text = annae::test::read_text(log);
  CHECK(text.find("cannot open a display") != std::string::npos);
  CHECK(text.find("SDL_VIDEODRIVER=kmsdrm") != std::string::npos);
  CHECK(text.find("xvfb-run") != std::string::npos);
}

TEST_CASE("an unknown option exits 2 with a hint") {
  const std::string log = "/tmp/annae-badopt-test.log";
  Process p({ANNAE_BINARY, "--frobnicate"}, {}, log);
  const auto status = p.wait_for(10s);
  REQUIRE(status);
  CHECK(*status == 2);
  CHECK(annae::test::read_text(log) == "annae: unknown option: --frobnicate\nTry 'annae --help'.\n");
}

TEST_CASE("the screen shows exactly what annae render draws for the same slide and moment") {
  const std::string show = std::string(ANNAE_SOURCE_DIR) + "/content/seminar-2020";
  const std::string png = "/tmp/annae-e2e-cover.png";
  Process render({ANNAE_BINARY, "render", show, "--slide", "1", "--size", "1280x720", "--at", "2020-09-25T14:20", "--out",
                  png});
  REQUIRE(render.wait_for(30s) == 0);
  const auto expected = annae::test::load_png(png);
  REQUIRE(expected.width == 1280);
  // Software composition through the window surface, and the GPU renderer path (llvmpipe here).
  for (const std::string renderer : {"software", "opengl"}) {
    CAPTURE(renderer);
    annae::test::Xvfb x(1280, 720);
    REQUIRE(x.ok());
    const std::string log = "/tmp/annae-e2e-player-" + renderer + ".log";
    Process player({ANNAE_BINARY, "--window", "1280x720", "--renderer", renderer, "--at", "2020-09-25T14:20", show},
                   {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (annae::test::read_text(log).find("first frame on screen") == std::string::npos) {
      REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, annae::test::read_text(log));
      std::this_thread::sleep_for(50ms);
    }
    // Compare until the screen matches (a loaded machine may present a moment later), up to a deadline.
    long long diff = 0;
    int differing = 0;
    const auto settle_deadline = std::chrono::steady_clock::now() + 10s;
    do {
      std::this_thread::sleep_for(200ms);
      const auto grab = x.grab();
      REQUIRE(grab.width == 1280);
      diff = 0;
      differing = 0;
      for (int y = 0; y < 720; ++y) {
        for (int xx = 0; xx < 1280; ++xx) {
          const auto e = expected.at(xx, y);
          const auto& g = grab.at(xx, y);
          const int d =
              std::abs(int(e >> 16 & 0xFF) - g.r) + std::abs(int(e >> 8 & 0xFF) - g.g) + std::abs(int(e & 0xFF) - g.b);
          diff += d;
          differing += d > 6;
        }
      }
    } while (differing >= 1280 * 720 / 1000 && std::chrono::steady_clock::now() < settle_deadline);
    CHECK(differing < 1280 * 720 / 1000);                   // at most 0.1 % of pixels differ visibly
    CHECK(static_cast<double>(diff) / (1280 * 720) < 1.0);  // and on average by less than one level
  }
}
