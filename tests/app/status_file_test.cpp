// The status file a technician reads over ssh.
#include <doctest/doctest.h>

#include <cstdlib>

#include "box/box_settings.hpp"
#include "box/status_file.hpp"
#include "core/utf8.hpp"

using namespace annae;

TEST_CASE("the status names the slide on screen and each problem with file:line") {
  box::Status s;
  s.show_dir = "/var/lib/annae/content";
  s.loaded_at = "2023-09-26T13:58:02+09:00";
  s.on_screen = "forum-2023/030-strategies";
  s.using_last_good = true;
  s.diagnostics.push_back({Severity::error, "forum-2023/010-cover.toml", 2, 1, "unknown key 'titel'; did you mean 'title'?"});
  s.diagnostics.push_back({Severity::warning, "seminar-2020/040-agenda.toml", 14, 1, "row 3 \"휴식\" overlaps row 2"});
  const std::string json = box::status_json(s);
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
  CHECK(box::default_state_dir() == "/var/lib/annae/state/annae");
  unsetenv("XDG_STATE_HOME");
  setenv("HOME", "/home/kiosk", 1);
  CHECK(box::default_state_dir() == "/home/kiosk/.local/state/annae");
}

TEST_CASE("status.json names the player's process, for annae screenshot and annae import") {
  box::Status s;
  s.pid = 4242;
  CHECK(box::status_json(s).find("\"pid\": 4242,") != std::string::npos);
  CHECK(box::pid_in_status_json(box::status_json(s)) == 4242);
  CHECK_FALSE(box::pid_in_status_json("{\"show\": \"x\"}").has_value());  // an old file without a pid
}

TEST_CASE("status.json stays small whatever the show: the first diagnostics are listed, all are counted") {
  struct Case {
    std::size_t diagnostics;
    std::size_t message_bytes;
    std::size_t listed;
  };
  const Case cases[] = {
      {0, 40, 0},             // a clean show
      {3, 40, 3},             // a few problems: all listed
      {100, 40, 100},         // exactly the cap
      {24'807, 90, 100},      // the 26 223-row agenda's overlap warnings, before the loader capped them
      {5'000, 4'000, 100},    // long messages (a long text quoted back) are cut
  };
  for (const auto& c : cases) {
    CAPTURE(c.diagnostics);
    CAPTURE(c.message_bytes);
    box::Status s;
    s.pid = 4242;
    std::string message;
    while (message.size() < c.message_bytes) message += "지역 ";  // multi-byte, so cuts must fall between characters
    for (std::size_t i = 0; i < c.diagnostics; ++i)
      s.diagnostics.push_back({i % 2 ? Severity::warning : Severity::error, "seminar-2020/040-agenda.toml",
                               static_cast<int>(i + 1), 1, message});
    const std::string json = box::status_json(s);
    CHECK(json.size() < 256 * 1024);
    std::size_t listed = 0;
    for (auto at = json.find("{\"severity\""); at != std::string::npos; at = json.find("{\"severity\"", at + 1)) ++listed;
    CHECK(listed == c.listed);
    CHECK(json.find("\"diagnostics_not_listed\": " + std::to_string(c.diagnostics - c.listed) + ",") != std::string::npos);
    CHECK(json.find("\"errors\": " + std::to_string((c.diagnostics + 1) / 2) + ",") != std::string::npos);
    CHECK(json.find("\"warnings\": " + std::to_string(c.diagnostics / 2) + ",") != std::string::npos);
    CHECK(utf8::is_valid(json));
    CHECK(box::pid_in_status_json(json) == 4242);
  }
}
