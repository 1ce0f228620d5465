// The real binary, in a real window, on a private X server.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "e2e_support.hpp"

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

using namespace annae::e2e;

TEST_CASE("the screen shows exactly what annae render draws for the same slide and moment") {
  const auto expected = rendered(seminar, "1", "2020-09-25T14:20");
  REQUIRE(expected.width == 1280);
  // Software composition through the window surface, and the GPU renderer path (llvmpipe here).
  for (const std::string renderer : {"software", "opengl"}) {
    CAPTURE(renderer);
    annae::test::Xvfb x(1280, 720);
    REQUIRE(x.ok());
    const std::string log = "/tmp/annae-e2e-player-" + renderer + ".log";
    Process player({ANNAE_BINARY, "--window", "1280x720", "--renderer", renderer, "--at", "2020-09-25T14:20", seminar},
                   {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
    wait_for_first_frame(log);
    double mean_diff = 0;
    CHECK(screen_shows(x, expected, 10s, &mean_diff));
    CHECK(mean_diff < 1.0);  // on average less than one level apart
  }
}

TEST_CASE("a swipe with the mouse shows the next slide, a swipe back the previous one") {
  const auto first = rendered(seminar, "1", "2020-09-25T14:20");
  const auto second = rendered(seminar, "2", "2020-09-25T14:20");
  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-e2e-swipe.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "--at", "2020-09-25T14:20", seminar},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
  wait_for_first_frame(log);
  REQUIRE(screen_shows(x, first, 10s));
  xdotool(x, {"mousemove", "1000", "360", "mousedown", "1", "mousemove", "800", "360", "mousemove", "500", "360", "mouseup", "1"});
  CHECK(screen_shows(x, second, 5s));   // the finger pulled the next slide in
  xdotool(x, {"mousemove", "300", "360", "mousedown", "1", "mousemove", "600", "360", "mousemove", "900", "360", "mouseup", "1"});
  CHECK(screen_shows(x, first, 5s));    // and the other way, back
}

TEST_CASE("an operator's keys: 3 shows slide 3, → the next, Home the first") {
  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-e2e-keys.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "--at", "2020-09-25T14:20", seminar},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
  wait_for_first_frame(log);
  REQUIRE(screen_shows(x, rendered(seminar, "1", "2020-09-25T14:20"), 10s));
  struct Case {
    const char* key;
    const char* slide;
  };
  const Case cases[] = {
      {"3", "3"},      // a digit jumps to that slide
      {"Right", "4"},  // → the next
      {"Home", "1"},   // Home the first
      {"5", "5"},
  };
  for (const auto& c : cases) {
    const std::string key = c.key;
    CAPTURE(key);
    xdotool(x, {"key", c.key});
    CHECK(screen_shows(x, rendered(seminar, c.slide, "2020-09-25T14:20"), 5s));
  }
}

TEST_CASE("a tap pauses; after the idle timeout auto-play resumes") {
  // A two-slide show that changes every 3 s and returns to auto-play 5 s after the last touch.
  const auto dir = std::filesystem::temp_directory_path() / "annae-e2e-idle";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "show.toml") << "title = \"초광역 연계협력\"\n\n[event]\ndate = \"2020-09-25\"\n\n"
                                      "[slides]\nduration = 3\n\n[transition]\nkind = \"none\"\n\n[touch]\nidle_timeout = 5\n";
  std::filesystem::copy_file(seminar + "/010-cover.toml", dir / "010-cover.toml");
  std::filesystem::copy_file(seminar + "/060-contacts.toml", dir / "020-contacts.toml");
  const auto cover = rendered(dir.string(), "1", "2020-09-25T14:20");
  const auto contacts = rendered(dir.string(), "2", "2020-09-25T14:20");

  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-e2e-idle.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "--at", "2020-09-25T14:20", dir.string()},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
  wait_for_first_frame(log);
  REQUIRE(screen_shows(x, cover, 10s));                    // the window is up (a click before it lands nowhere)
  xdotool(x, {"mousemove", "640", "300", "click", "1"});  // a tap in the middle: pause
  std::this_thread::sleep_for(4s);                         // longer than a slide's 3 s
  const auto paused = x.grab();
  INFO(save_grab(paused, "/tmp/annae-e2e-paused.png"));
  CHECK(differing_pixels(paused, cover) > 0);              // the "일시정지" badge is over the cover ...
  CHECK(differing_pixels(paused, cover) < 1280 * 720 / 20);  // ... and the cover is still there
  // The idle timeout (5 s after the tap) resumes auto-play: the next slide follows within its 3 s.
  CHECK(screen_shows(x, contacts, 10s));
}

TEST_CASE("live updates: a changed title shows; a broken file keeps the old one, the badge and the status say why") {
  const auto dir = std::filesystem::temp_directory_path() / "annae-e2e-live";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(seminar, dir, std::filesystem::copy_options::recursive);
  const auto status_path = (dir.parent_path() / "annae-e2e-live-status.json").string();
  std::filesystem::remove(status_path);
  const auto write = [&](const std::string& name, const std::string& text) {
    const auto tmp = dir / ("." + name + ".part");  // written beside, then renamed in: as copying tools do
    std::ofstream(tmp) << text;
    std::filesystem::rename(tmp, dir / name);
  };
  const std::string cover_file = annae::test::read_text((dir / "010-cover.toml").string());
  std::string retitled = cover_file;
  const auto title_at = retitled.find("title = ");
  REQUIRE(title_at != std::string::npos);
  retitled.replace(title_at, retitled.find('\n', title_at) - title_at, "title = \"연계와 협력으로 그리는 균형발전\"");

  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-e2e-live.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "--at", "2020-09-25T14:20", "--status-file", status_path, dir.string()},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
  wait_for_first_frame(log);
  REQUIRE(screen_shows(x, rendered(dir.string(), "1", "2020-09-25T14:20"), 10s));

  // 1. A new title: on screen within a moment, exactly as annae render draws it.
  write("010-cover.toml", retitled);
  const auto new_cover = rendered(dir.string(), "1", "2020-09-25T14:20");
  CHECK(screen_shows(x, new_cover, 5s));

  // 2. A broken file: the title on screen stays; only the staff badge is new; the status names file and line.
  write("010-cover.toml", "kind = \"cover\"\ntitel = \"깨진 제목\"\n");
  std::this_thread::sleep_for(1500ms);
  const auto broken = x.grab();
  INFO(save_grab(broken, "/tmp/annae-e2e-broken.png"));
  CHECK(differing_pixels(broken, new_cover) > 0);     // the badge
  CHECK(differing_pixels(broken, new_cover) < 1000);  // and nothing else changed
  const auto status = annae::test::read_text(status_path);
  CHECK(status.find("\"using_last_good_show\": true") != std::string::npos);
  CHECK(status.find("010-cover.toml:2:1: error: unknown key 'titel'; did you mean 'title'?") != std::string::npos);

  // 3. Fixed: the badge goes, and the status is clean again.
  write("010-cover.toml", retitled);
  CHECK(screen_shows(x, new_cover, 5s));
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (annae::test::read_text(status_path).find("\"errors\": 0") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  CHECK(annae::test::read_text(status_path).find("\"using_last_good_show\": false") != std::string::npos);
}
