// The box's duties, on the real binary under a private X server: a
// technician's screenshot, a USB import seen on screen, systemd's READY and
// watchdog, and the night schedule.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "e2e_support.hpp"

using namespace annae::e2e;
using annae::test::cpu_ticks;

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("annae-box-e2e-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

int pixels_near(const annae::test::ScreenGrab& grab, int r, int g, int b, int y_from = 0, int y_to = 720) {
  int n = 0;
  for (int y = y_from; y < y_to; ++y)
    for (int x = 0; x < grab.width; ++x) {
      const auto& p = grab.at(x, y);
      n += std::abs(p.r - r) + std::abs(p.g - g) + std::abs(p.b - b) < 12;
    }
  return n;
}

std::string run(const std::vector<std::string>& argv, int* status, const std::string& log) {
  Process p(argv, {}, log);
  const auto s = p.wait_for(30s);
  *status = s ? *s : -1;
  return annae::test::read_text(log);
}

}  // namespace

TEST_CASE("annae screenshot (and SIGUSR1) writes a PNG of exactly what the screen shows") {
  const auto state = fresh_dir("shot-state");
  const auto expected = rendered(seminar, "1", "2020-09-25T14:20");
  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-box-e2e-shot.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "--state", state.string(), "--at", "2020-09-25T14:20", seminar},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
  wait_for_first_frame(log);
  REQUIRE(screen_shows(x, expected, 10s));

  int status = 0;
  const auto out = run({ANNAE_BINARY, "screenshot", "--state", state.string()}, &status, "/tmp/annae-box-e2e-shot-cmd.log");
  CHECK(status == 0);
  CHECK(out == (state / "screenshot.png").string() + "\n");  // the path, for scp
  const auto shot = annae::test::load_png((state / "screenshot.png").string());
  REQUIRE(shot.width == 1280);
  const auto grab = x.grab();
  CHECK(differing_pixels(grab, shot) < matching);  // the PNG is the screen

  // The signal alone does the same (for scripts that know the pid).
  std::filesystem::remove(state / "screenshot.png");
  REQUIRE(kill(player.pid(), SIGUSR1) == 0);
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!std::filesystem::exists(state / "screenshot.png") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(50ms);
  }
  CHECK(std::filesystem::exists(state / "screenshot.png"));
  CHECK_FALSE(player.poll());  // SIGUSR1 no longer kills it (the default action would)

  // With no player, the technician is told so.
  player.kill_and_wait();
  const auto none = run({ANNAE_BINARY, "screenshot", "--state", state.string()}, &status, "/tmp/annae-box-e2e-shot-none.log");
  CHECK(status == 2);
  CHECK(none.find("annae is not running") != std::string::npos);
}

TEST_CASE("USB import: a broken stick changes nothing and tells staff why; a good stick plays at once") {
  // A box as installed: the settings file names the content and state folders.
  const auto box = fresh_dir("import");
  const auto content = box / "content", state = box / "state";
  std::filesystem::copy(seminar, content, std::filesystem::copy_options::recursive);
  std::ofstream(box / "annae.toml") << "content = \"" << content.string() << "\"\nstate = \"" << state.string() << "\"\n";
  const std::string config = (box / "annae.toml").string();
  const std::string cover = annae::test::read_text((content / "010-cover.toml").string());

  // Two sticks: the same show with a new title, and with a misspelt key.
  const auto good = box / "good-stick", bad = box / "bad-stick";
  std::filesystem::create_directories(good);
  std::filesystem::copy(seminar, good / "annae", std::filesystem::copy_options::recursive);
  std::string retitled = cover;
  const auto at = retitled.find("title = ");
  retitled.replace(at, retitled.find('\n', at) - at, "title = \"USB로 바꾼 세미나 제목\"");
  std::ofstream(good / "annae" / "010-cover.toml") << retitled;
  std::filesystem::copy(good, bad, std::filesystem::copy_options::recursive);
  std::ofstream(bad / "annae" / "010-cover.toml") << "kind = \"cover\"\ntitel = \"깨진 제목\"\n";

  const auto old_cover = rendered(content.string(), "1", "2020-09-25T14:20");
  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-box-e2e-import.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "--config", config, "--at", "2020-09-25T14:20"},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11"}, log);
  wait_for_first_frame(log);
  REQUIRE(screen_shows(x, old_cover, 10s));

  // 1. The broken stick: refused, the folder untouched, and a card for staff over the dimmed slide.
  int status = 0;
  const auto refused = run({ANNAE_BINARY, "import", "--config", config, bad.string()}, &status,
                           "/tmp/annae-box-e2e-import-bad.log");
  CHECK(status == 2);
  CHECK(refused.find("annae/010-cover.toml:2:1: error: unknown key 'titel'; did you mean 'title'?") != std::string::npos);
  CHECK(annae::test::read_text((content / "010-cover.toml").string()) == cover);
  std::this_thread::sleep_for(800ms);
  const auto card = x.grab();
  INFO(save_grab(card, "/tmp/annae-box-e2e-card.png"));
  CHECK(pixels_near(card, 0xE5, 0x48, 0x4D) > 300);  // the card's red edge
  CHECK(pixels_near(card, 0x1A, 0x1D, 0x24) > 50'000);  // the card itself
  CHECK(annae::test::read_text((state / "last-import.txt").string()).starts_with("rejected "));

  // 2. The good stick: imported; the new title plays, under a green confirmation.
  const auto imported = run({ANNAE_BINARY, "import", "--config", config, good.string()}, &status,
                            "/tmp/annae-box-e2e-import-good.log");
  CHECK(status == 0);
  CHECK(annae::test::read_text((content / "010-cover.toml").string()) == retitled);
  const auto new_cover = rendered(content.string(), "1", "2020-09-25T14:20");
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  annae::test::ScreenGrab shown;
  do {
    std::this_thread::sleep_for(200ms);
    shown = x.grab();
    // (The last frames of the cross-fade already look like the new slide, without the pill.)
  } while ((differing_pixels(shown, new_cover, nullptr, 80) >= matching || pixels_near(shown, 0x1F, 0x8A, 0x4C, 0, 80) <= 1000) &&
           std::chrono::steady_clock::now() < deadline);
  INFO(save_grab(shown, "/tmp/annae-box-e2e-imported.png"));
  CHECK(differing_pixels(shown, new_cover, nullptr, 80) < matching);  // below the pill: exactly the new slide
  CHECK(pixels_near(shown, 0x1F, 0x8A, 0x4C, 0, 80) > 1000);  // the green "적용했습니다" pill
  CHECK(annae::test::read_text(state / "status.json").find("\"errors\": 0") != std::string::npos);
}

TEST_CASE("systemd: READY=1 once the first frame is up, then WATCHDOG=1 pings from the loop") {
  const auto dir = fresh_dir("notify");
  const auto socket_path = (dir / "notify.sock").string();
  const int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  REQUIRE(sock >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket_path.c_str());
  REQUIRE(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  timeval wait{0, 200'000};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);

  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-box-e2e-notify.log";
  Process player({ANNAE_BINARY, "--window", "1280x720", "--state", dir.string(), seminar},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11", "NOTIFY_SOCKET=" + socket_path,
                  "WATCHDOG_USEC=1000000"},  // WatchdogSec=1s: a ping every half second
                 log);
  std::vector<std::string> messages;
  const auto listen = [&](std::chrono::milliseconds how_long) {
    const auto until = std::chrono::steady_clock::now() + how_long;
    while (std::chrono::steady_clock::now() < until) {
      char buf[512];
      const auto n = recv(sock, buf, sizeof buf, 0);
      if (n > 0) messages.emplace_back(buf, static_cast<std::size_t>(n));
    }
  };
  const auto count = [&](const std::string& what) {
    return std::count_if(messages.begin(), messages.end(), [&](const std::string& m) { return m.find(what) != std::string::npos; });
  };
  listen(6s);
  REQUIRE(count("READY=1") == 1);
  CHECK(annae::test::read_text(log).find("first frame on screen") != std::string::npos);  // READY came after it
  const auto ready = std::find_if(messages.begin(), messages.end(), [](const auto& m) { return m.find("READY=1") != std::string::npos; });
  CHECK(ready->find("STATUS=playing 7 slides") != std::string::npos);  // what `systemctl status annae` shows
  messages.clear();
  listen(3s);
  CHECK(count("WATCHDOG=1") >= 4);  // every ~500 ms while the loop turns

  // A frozen player sends nothing: systemd then restarts it after WatchdogSec.
  kill(player.pid(), SIGSTOP);
  listen(300ms);  // a ping already on its way
  messages.clear();
  listen(1500ms);
  CHECK(count("WATCHDOG=1") == 0);
  kill(player.pid(), SIGCONT);
  messages.clear();
  listen(1500ms);
  CHECK(count("WATCHDOG=1") >= 2);
  close(sock);
}

TEST_CASE("night: between 'off' and 'on' the screen is black and nothing is drawn") {
  const auto dir = fresh_dir("night");
  std::ofstream(dir / "annae.toml") << "[night]\noff = \"23:00\"\non = \"07:00\"\n";
  annae::test::Xvfb x(1280, 720);
  REQUIRE(x.ok());
  const std::string log = "/tmp/annae-box-e2e-night.log";
  // 23:30 in Seoul, where this box stands: dark.
  Process player({ANNAE_BINARY, "--window", "1280x720", "--config", (dir / "annae.toml").string(), "--state",
                  dir.string(), "--at", "2020-09-25T23:30", seminar},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11", "TZ=Asia/Seoul"}, log);
  wait_for_first_frame(log);
  std::this_thread::sleep_for(500ms);
  const auto grab = x.grab();
  INFO(save_grab(grab, "/tmp/annae-box-e2e-night.png"));
  CHECK(pixels_near(grab, 0, 0, 0) == 1280 * 720);
  CHECK(annae::test::read_text(log).find("night: the screen is dark until 07:00") != std::string::npos);
  CHECK(annae::test::read_text(dir / "status.json").find("\"night\": true") != std::string::npos);  // for a technician

  // The same show at 14:20 is on.
  player.kill_and_wait();
  Process day({ANNAE_BINARY, "--window", "1280x720", "--config", (dir / "annae.toml").string(), "--state",
               (dir / "day").string(), "--at", "2020-09-25T14:20", seminar},
              {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11", "TZ=Asia/Seoul"}, "/tmp/annae-box-e2e-day.log");
  wait_for_first_frame("/tmp/annae-box-e2e-day.log");
  CHECK(screen_shows(x, rendered(seminar, "1", "2020-09-25T14:20"), 10s));
}

TEST_CASE("a dark or empty screen sleeps: no timer it ignores can wake it in a loop") {
  // Each waits on a deadline only while it acts on it. A mouse move shows the
  // cursor and sets a 3 s hide timer; at night, or with no show to play, that
  // timer once stayed in the past and the loop spun at 100 % of a core.
  const auto dir = fresh_dir("sleep");
  std::ofstream(dir / "night.toml") << "[night]\noff = \"23:00\"\non = \"07:00\"\n";
  std::filesystem::create_directories(dir / "empty");
  struct Case {
    const char* what;
    std::vector<std::string> args;
  };
  const Case cases[] = {
      {"at night", {"--config", (dir / "night.toml").string(), "--at", "2020-09-25T23:30", seminar}},
      {"no show in the folder (the status screen)", {(dir / "empty").string()}},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    annae::test::Xvfb x(1280, 720);
    REQUIRE(x.ok());
    const std::string log = "/tmp/annae-box-e2e-sleep.log";
    std::vector<std::string> argv{ANNAE_BINARY, "--state", dir.string()};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    Process player(argv, {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11", "TZ=Asia/Seoul"}, log);
    wait_for_first_frame(log);
    xdotool(x, {"mousemove", "200", "200", "mousemove", "400", "300"});
    std::this_thread::sleep_for(1s);
    const long before = cpu_ticks(player.pid());
    std::this_thread::sleep_for(4s);  // past the cursor's 3 s
    CHECK(cpu_ticks(player.pid()) - before < 40);  // under 10 % of a core (a spinning loop: ~400)
  }
}

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("a still screen costs nothing: a held slide and a show of one slide sleep until something changes") {
  // A held slide used to spin a core from its advance time until the idle
  // return; a one-slide show cross-faded to itself every slide duration.
  const auto dir = fresh_dir("still");
  const auto show = [&](const std::string& name, const std::vector<std::string>& slides) {
    const auto d = dir / name;
    std::filesystem::create_directories(d);
    std::ofstream(d / "show.toml") << "title = \"초광역 연계협력\"\n\n[event]\ndate = \"2020-09-25\"\n\n"
                                      "[slides]\nduration = 2\n\n[touch]\nidle_timeout = 60\n";
    for (const auto& s : slides) std::filesystem::copy_file(seminar + "/" + s, d / s);
    return d.string();
  };
  struct Case {
    const char* what;
    std::string show_dir;
    bool hold;  // tap in the middle of the slide first
  };
  const Case cases[] = {
      {"a held slide (a tap in the middle), long past its 2 s", show("held", {"010-cover.toml", "060-contacts.toml"}), true},
      {"a show of one slide, over three of its 2 s durations", show("one", {"010-cover.toml"}), false},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    annae::test::Xvfb x(1280, 720);
    REQUIRE(x.ok());
    const std::string log = "/tmp/annae-box-e2e-still.log";
    Process player({ANNAE_BINARY, "--window", "1280x720", "--at", "2020-09-25T14:20", "--state", dir.string(), c.show_dir},
                   {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11", "TZ=Asia/Seoul", "ANNAE_LOG=debug"}, log);
    wait_for_first_frame(log);
    REQUIRE(screen_shows(x, rendered(c.show_dir, "1", "2020-09-25T14:20"), 10s));
    if (c.hold) xdotool(x, {"mousemove", "640", "300", "click", "1"});
    std::this_thread::sleep_for(1s);
    const auto shown_before = count_of(annae::test::read_text(log), "on screen: ");
    const long before = cpu_ticks(player.pid());
    std::this_thread::sleep_for(6s);
    CHECK(cpu_ticks(player.pid()) - before < 15);  // a spinning loop: ~600; a cross-fade every 2 s: ~30
    CHECK(count_of(annae::test::read_text(log), "on screen: ") == shown_before);  // nothing was drawn again
  }
}
