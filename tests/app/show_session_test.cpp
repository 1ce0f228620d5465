// The show being played, without a window: the reload rules, the place in
// the show, and the timers, with a fake steady time.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "app/show_session.hpp"
#include "shared_engine.hpp"
#include "text/unicode/civil_time.hpp"

using namespace annae;
using namespace annae::app;
using namespace std::chrono_literals;

namespace {

const std::string seminar = std::string(ANNAE_SOURCE_DIR) + "/content/seminar-2020";
const steady::time_point t0 = steady::time_point{} + 1000h;

Clock rehearsal_clock() { return Clock(text::instant_in_zone({2020, 9, 25, 14 * 60 + 20}, "Asia/Seoul")); }

// A copy of the seminar show, to change and load again.
std::filesystem::path copy_of_seminar(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("annae-session-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::copy(seminar, dir, std::filesystem::copy_options::recursive);
  return dir;
}

content::ChangeInfo changed(std::vector<std::string> paths) { return {std::move(paths), t0, t0}; }

struct Session {
  explicit Session(const std::string& dir) : session(dir, test::engine(), clock) {
    session.start(content::load_show(dir), "2020-09-25T14:20:00+09:00");
    session.resize(1920, 1080, t0);
  }
  Clock clock = rehearsal_clock();
  ShowSession session;
};

}  // namespace

TEST_CASE("a reload keeps the visitor's place; only a change to the slide on screen redraws it") {
  const auto dir = copy_of_seminar("reload");
  struct Case {
    const char* what;
    std::vector<std::string> changed;
    bool redrawn;
  };
  const Case cases[] = {
      {"another slide's file changed: the page on screen stays as drawn", {"050-quote.toml"}, false},
      {"the file of the slide on screen changed: a quick fade to its new layout", {"030-talks-2.toml"}, true},
      {"show.toml changed: every slide may look different", {"show.toml"}, true},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Session s(dir.string());
    REQUIRE(s.session.jump(3, t0));  // 030-talks-2
    const auto deadline = s.session.deadline();
    const auto shot = s.session.offer(content::load_show(dir.string()), changed(c.changed), "later", t0 + 1s);
    CHECK(shot.has_value() == c.redrawn);
    if (shot) CHECK(shot->entrance.duration_ms == refresh_fade_ms);
    CHECK(s.session.on_screen_id() == "030-talks-2");
    CHECK(s.session.deadline() == deadline);  // the slide keeps its time
  }
}

TEST_CASE("a broken reload keeps the last good show on screen, and the diagnostics say why") {
  const auto dir = copy_of_seminar("broken");
  Session s(dir.string());
  REQUIRE(s.session.jump(0, t0));
  const auto* good = s.session.show();
  std::ofstream(dir / "010-cover.toml") << "kind = \"cover\"\ntitel = \"깨진 제목\"\n";
  const auto shot = s.session.offer(content::load_show(dir.string()), changed({"010-cover.toml"}), "later", t0 + 1s);
  CHECK_FALSE(shot);                       // nothing on screen changes
  CHECK(s.session.show() == good);         // the old show plays on
  CHECK(s.session.using_last_good());
  CHECK(s.session.on_screen_id() == "010-cover");
  REQUIRE(s.session.diagnostics().has_errors());
  CHECK(format(s.session.diagnostics().items().front()).find("010-cover.toml:2:1: error: unknown key 'titel'") == 0);
}

TEST_CASE("a reload without the slide on screen starts the new show, forward") {
  const auto dir = copy_of_seminar("gone");
  Session s(dir.string());
  REQUIRE(s.session.jump(5, t0));  // 050-quote
  std::filesystem::remove(dir / "050-quote.toml");
  const auto shot = s.session.offer(content::load_show(dir.string()), changed({"050-quote.toml"}), "later", t0 + 1s);
  REQUIRE(shot);
  CHECK(shot->entrance.direction == +1);
  CHECK(s.session.on_screen_id() == "010-cover");
}

TEST_CASE("time passing: the next slide when its time is up; a held slide and a single page stay, and sleep") {
  const auto one = std::filesystem::temp_directory_path() / "annae-session-one";
  std::filesystem::remove_all(one);
  std::filesystem::create_directories(one);
  std::filesystem::copy_file(seminar + "/show.toml", one / "show.toml");
  std::filesystem::copy_file(seminar + "/010-cover.toml", one / "010-cover.toml");
  struct Case {
    const char* what;
    std::string dir;
    bool held;
    bool next_slide;  // on_time after the slide's time gives a new page
  };
  const Case cases[] = {
      {"a playing slide moves on after its duration", seminar, false, true},
      {"a held slide stays", seminar, true, false},
      {"a show of one page stays, drawn once", one.string(), false, false},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Session s(c.dir);
    s.session.hold(c.held, t0);
    const auto duration = std::chrono::milliseconds(s.session.show()->slides[0].play_duration_ms());
    const auto later = t0 + duration + 1ms;
    const auto shot = s.session.on_time(later);
    CHECK(shot.has_value() == c.next_slide);
    CHECK(s.session.deadline() > later);  // acted on: the loop sleeps, it does not spin
  }
}

TEST_CASE("released, a held slide gets its full time again") {
  Session s(seminar);
  const auto duration = std::chrono::milliseconds(s.session.show()->slides[0].play_duration_ms());
  s.session.hold(true, t0);
  s.session.on_time(t0 + 60s);  // long past its time (the clock's minute may redraw it)
  CHECK(s.session.on_screen_id() == "010-cover");
  s.session.hold(false, t0 + 60s);
  s.session.on_time(t0 + 60s + duration - 1ms);
  CHECK(s.session.on_screen_id() == "010-cover");
  s.session.on_time(t0 + 60s + duration + 1ms);
  CHECK(s.session.on_screen_id() == "015-overview");
}

TEST_CASE("morning: the slide on screen gets its full time, though its time ran out at night") {
  Session s(seminar);
  const auto duration = std::chrono::milliseconds(s.session.show()->slides[0].play_duration_ms());
  const auto morning = t0 + 8h;  // the player slept through the night: nothing asked for on_time
  s.session.resume(morning);
  s.session.on_time(morning + 1ms);
  CHECK(s.session.on_screen_id() == "010-cover");  // not gone the moment the screen wakes
  s.session.on_time(morning + duration + 1ms);
  CHECK(s.session.on_screen_id() == "015-overview");
}

TEST_CASE("a slide's time counts from when its page reached the screen") {
  struct Case {
    const char* what;
    std::chrono::milliseconds first_frame_took;  // from handing the cover over to its frame on screen
  };
  const Case cases[] = {
      {"a frame on screen at once: the cover's time as configured", 0ms},
      {"a picture decoding for 3 s: the cover still gets its full time", 3s},
      {"a software GPU's first frame taking longer than the cover's time: the cover is seen, for its full time",
       20s},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Session s(seminar);  // the cover is handed over at t0
    const auto duration = std::chrono::milliseconds(s.session.show()->slides[0].play_duration_ms());
    const auto on_screen = t0 + c.first_frame_took;
    s.session.shown(on_screen);
    s.session.shown(on_screen + 5s);  // later frames (a transition, the clock) change nothing
    s.session.on_time(on_screen + duration - 1ms);
    CHECK(s.session.on_screen_id() == "010-cover");
    s.session.on_time(on_screen + duration + 1ms);
    CHECK(s.session.on_screen_id() == "015-overview");
  }
}

TEST_CASE("a frame that only redraws the slide on screen does not lengthen its time") {
  Session s(seminar);
  const auto duration = std::chrono::milliseconds(s.session.show()->slides[0].play_duration_ms());
  s.session.shown(t0);
  s.session.refresh(t0 + 2s);  // a picture finished decoding
  s.session.shown(t0 + 4s);
  s.session.on_time(t0 + duration + 1ms);
  CHECK(s.session.on_screen_id() == "015-overview");
}

TEST_CASE("stepping back from a slide enters the previous one at its last page") {
  Session s(seminar);
  REQUIRE(s.session.jump(1, t0));  // 015-overview
  const auto shot = s.session.step(-1, t0 + 1s);
  REQUIRE(shot);
  CHECK(shot->entrance.direction == -1);
  CHECK(s.session.on_screen_id() == "010-cover");
}

TEST_CASE("layout problems are diagnostics with the text's file:line:col") {
  const auto dir = std::filesystem::temp_directory_path() / "annae-session-long";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(seminar + "/show.toml", dir / "show.toml");
  std::string title;
  for (int i = 0; i < 40; ++i) title += "초광역 연계협력을 통한 지역균형발전 ";
  std::ofstream(dir / "010-cover.toml") << "kind = \"cover\"\ntitle = \"" << title << "\"\n";
  Session s(dir.string());
  REQUIRE(s.session.show());
  REQUIRE_FALSE(s.session.diagnostics().empty());
  const auto& d = s.session.diagnostics().items().front();
  CHECK(d.severity == Severity::warning);
  CHECK(d.path.ends_with("010-cover.toml"));
  CHECK(d.line == 2);
}
