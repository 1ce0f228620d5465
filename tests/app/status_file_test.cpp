// The status file a technician reads over ssh.
#include <doctest/doctest.h>

#include <cstdlib>

#include "app/box_settings.hpp"
#include "app/status_file.hpp"

using namespace annae;

TEST_CASE("the status names the slide on screen and each problem with file:line") {
  app::Status s;
  s.show_dir = "/var/lib/annae/content";
  s.loaded_at = "2023-09-26T13:58:02+09:00";
  s.on_screen = "forum-2023/030-strategies";
  s.using_last_good = true;
  s.diagnostics.push_back({Severity::error, "forum-2023/010-cover.toml", 2, 1, "unknown key 'titel'; did you mean 'title'?"});
  s.diagnostics.push_back({Severity::warning, "seminar-2020/040-agenda.toml", 14, 1, "row 3 \"휴식\" overlaps row 2"});
  const std::string json = app::status_json(s);
  CHECK(json.find("\"on_screen\": \"forum-2023/030-strategies\"") != std::string::npos);
  CHECK(json.find("\"using_last_good_show\": true") != std::string::npos);
  CHECK(json.find("\"errors\": 1") != std::string::npos);
  CHECK(json.find("\"warnings\": 1") != std::string::npos);
  CHECK(json.find("\"text\": \"forum-2023/010-cover.toml:2:1: error: unknown key 'titel'; did you mean 'title'?\"") !=
        std::string::npos);
  CHECK(json.find("row 3 \\\"휴식\\\" overlaps") != std::string::npos);  // quotes escaped, Korean kept as UTF-8
}

TEST_CASE("without a config, the state folder follows XDG_STATE_HOME, then HOME") {
  setenv("XDG_STATE_HOME", "/var/lib/annae/state", 1);
  CHECK(app::default_state_dir() == "/var/lib/annae/state/annae");
  unsetenv("XDG_STATE_HOME");
  setenv("HOME", "/home/kiosk", 1);
  CHECK(app::default_state_dir() == "/home/kiosk/.local/state/annae");
}

TEST_CASE("status.json names the player's process, for annae screenshot and annae import") {
  app::Status s;
  s.pid = 4242;
  CHECK(app::status_json(s).find("\"pid\": 4242,") != std::string::npos);
  CHECK(app::pid_in_status_json(app::status_json(s)) == 4242);
  CHECK_FALSE(app::pid_in_status_json("{\"show\": \"x\"}").has_value());  // an old file without a pid
}
