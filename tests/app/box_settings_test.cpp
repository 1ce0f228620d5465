// The box's settings file (/etc/annae/annae.toml): what a technician writes,
// what the player then does, and what a mistake in it says.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "app/box_duties.hpp"
#include "app/player_settings.hpp"
#include "app/renderer_choice.hpp"
#include "box/box_config.hpp"
#include "box/box_settings.hpp"
#include "box/import_report.hpp"

using namespace annae;
using namespace annae::app;
using namespace annae::box;

namespace {

box::BoxConfigResult parse(const std::string& text) {
  return box::parse_box_config(text, "/etc/annae/annae.toml", renderer_names);
}

std::string diagnostics_of(const std::string& text) {
  std::string out;
  const auto result = parse(text);
  for (const auto& d : result.diagnostics.items()) out += format(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("the shipped settings file reads cleanly and says what a lobby box does") {
  const auto r = box::load_box_config(std::string(ANNAE_SOURCE_DIR) + "/deploy/annae.toml", renderer_names);
  CHECK(r.diagnostics.empty());
  CHECK(r.config.content_dir == "/var/lib/annae/content");
  CHECK(r.config.state_dir == "/var/lib/annae/state");
  CHECK(r.config.video_driver == "kmsdrm");  // no desktop
  CHECK(r.config.rotate_deg == 0);
  CHECK(r.config.renderer == "auto");
  CHECK(r.config.display_index == 0);
  CHECK_FALSE(r.config.night);  // commented out: the screen stays on
}

TEST_CASE("a portrait screen with a night schedule") {
  const auto r = parse("[screen]\nrotate = 90\ndisplay = 1\n[night]\noff = \"23:00\"\non = \"07:00\"\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.config.rotate_deg == 90);
  CHECK(r.config.display_index == 1);
  REQUIRE(r.config.night);
  CHECK(*r.config.night == box::NightSchedule{23 * 60, 7 * 60});
}

TEST_CASE("mistakes in the settings file name file:line:col and keep the default") {
  struct Case {
    const char* text;
    const char* diagnostic;
  };
  const Case cases[] = {
      // a typo'd key, with a suggestion
      {"contnet = \"/srv\"\n", "/etc/annae/annae.toml:1:1: warning: unknown key 'contnet'; did you mean 'content'?\n"},
      // rotate written as text, or at an odd angle
      {"[screen]\nrotate = 45\n", "/etc/annae/annae.toml:2:10: warning: [screen] 'rotate' must be 0, 90, 180 or 270 (degrees clockwise, without quotes)\n"},
      // a key in the wrong section
      {"rotate = 90\n", "/etc/annae/annae.toml:1:1: warning: unknown key 'rotate'; 'rotate' belongs in the [screen] section\n"},
      // an unknown video driver
      {"[screen]\nvideo_driver = \"kms\"\n", "/etc/annae/annae.toml:2:16: warning: [screen] 'video_driver' \"kms\" is not one of: kmsdrm, wayland, x11, offscreen, dummy\n"},
      // half a night schedule
      {"[night]\noff = \"23:00\"\n", "/etc/annae/annae.toml:2:7: warning: [night] needs both times, like off = \"23:00\" and on = \"07:00\"; the screen stays on all night\n"},
      // a syntax error
      {"[screen\n", "/etc/annae/annae.toml:1:8: error: this is not valid TOML: expected ']'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const std::string got = diagnostics_of(c.text);
    CHECK(got.rfind(c.diagnostic, 0) == 0);
  }
}

TEST_CASE("night: the screen is dark from 'off' until 'on', across midnight") {
  const box::NightSchedule night{23 * 60, 7 * 60};
  struct Case {
    int minute;
    bool dark;
    int minutes_to_change;
  };
  const Case cases[] = {
      {22 * 60 + 59, false, 1},     // 22:59: one minute of show left
      {23 * 60, true, 8 * 60},      // 23:00 sharp: dark until 07:00
      {2 * 60 + 30, true, 270},     // 02:30: dark, 4.5 hours to go
      {7 * 60, false, 16 * 60},     // 07:00 sharp: the show is back until 23:00
      {12 * 60, false, 11 * 60},    // noon
  };
  for (const auto& c : cases) {
    CAPTURE(c.minute);
    CHECK(night.is_night(c.minute) == c.dark);
    CHECK(night.minutes_to_next_change(c.minute) == c.minutes_to_change);
  }
  const box::NightSchedule lunch{12 * 60, 13 * 60};  // a span within one day
  CHECK(lunch.is_night(12 * 60 + 30));
  CHECK_FALSE(lunch.is_night(13 * 60));
  CHECK_FALSE(lunch.is_night(11 * 60 + 59));
}

TEST_CASE("the command line wins over the settings file, which wins over the defaults") {
  BoxSettings settings;
  settings.file = "/etc/annae/annae.toml";
  settings.config.content_dir = "/var/lib/annae/content";
  settings.config.state_dir = "/var/lib/annae/state";
  settings.config.rotate_deg = 270;
  settings.config.renderer = "software";
  settings.config.video_driver = "kmsdrm";
  settings.config.night = box::NightSchedule{23 * 60, 7 * 60};

  const auto from_config = resolve_player_settings(RunCommand{}, settings);
  CHECK(from_config.show_dir == "/var/lib/annae/content");
  CHECK(from_config.status_file == "/var/lib/annae/state/status.json");
  CHECK(from_config.rotate_deg == 270);
  CHECK(from_config.renderer == RendererChoice::software);
  CHECK(from_config.video_driver == "kmsdrm");
  CHECK(from_config.night);

  RunCommand given;
  given.show_dir = "/srv/show";
  given.rotate_deg = 0;
  given.renderer = "opengl";
  given.watch = "poll";
  given.box.state_dir = "/tmp/s";
  const auto resolved = resolve_player_settings(given, settings);
  CHECK(resolved.show_dir == "/srv/show");
  CHECK(resolved.rotate_deg == 0);
  CHECK(resolved.renderer == RendererChoice::opengl);
  CHECK(resolved.watch == content::WatchMode::poll);
  CHECK(resolved.status_file == "/tmp/s/status.json");

  const auto bare = resolve_player_settings(RunCommand{}, BoxSettings{});  // no settings file: the bundled show, auto renderer
  CHECK(bare.show_dir == bundled_show_dir());
  CHECK(bare.renderer == RendererChoice::automatic);
  CHECK_FALSE(bare.watch);  // show.toml's [watch] decides
  CHECK(bare.video_driver.empty());
}

TEST_CASE("which settings file is read") {
  unsetenv("ANNAE_CONFIG");
  const auto dir = std::filesystem::temp_directory_path() / ("annae-box-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.toml") << "content = \"shows/lobby\"\n";
  BoxOptions given;
  given.config_file = (dir / "a.toml").string();
  const auto a = load_box_settings(given, renderer_names);
  CHECK(a.file == dir / "a.toml");
  CHECK(a.config.content_dir == dir / "shows/lobby");  // relative to the file's folder

  setenv("ANNAE_CONFIG", (dir / "a.toml").c_str(), 1);  // the environment, when no --config
  CHECK(load_box_settings(BoxOptions{}, renderer_names).file == dir / "a.toml");
  unsetenv("ANNAE_CONFIG");

  given.config_file = (dir / "missing.toml").string();  // asked for but missing: an error, defaults stay
  const auto missing = load_box_settings(given, renderer_names);
  REQUIRE(missing.diagnostics.items().size() == 1);
  CHECK(missing.diagnostics.has_errors());
  CHECK_FALSE(missing.config.content_dir);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the import report survives the trip from annae import to the screen") {
  ImportReport r{"rejected", "2026-11-22T17:40:05+0900", "USB 콘텐츠에 오류가 1건 있어 적용하지 않았습니다",
                 {"forum-2023/010-cover.toml:2:1: error: unknown key 'titel'; did you mean 'title'?"}};
  const auto back = parse_import_report(import_report_text(r));
  REQUIRE(back);
  CHECK(back->outcome == "rejected");
  CHECK(back->time == r.time);
  CHECK(back->headline == r.headline);
  CHECK(back->details == r.details);
  CHECK_FALSE(staff_notice_for(*back).ok);  // the screen shows the refusal card
  r.details = {"a message\nwith a line break"};  // one line per item, always
  CHECK(parse_import_report(import_report_text(r))->details.size() == 1);
  CHECK_FALSE(parse_import_report("").has_value());
  CHECK_FALSE(parse_import_report("hello world\n").has_value());
}
