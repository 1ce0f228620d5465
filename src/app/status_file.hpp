#pragma once
// The status file a technician (or a monitoring script) reads: when content
// was last loaded, which slide is on screen, and the current diagnostics
// with file:line. JSON, written atomically (readers never see half a file).
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace annae::app {

struct Status {
  std::string show_dir;
  std::string loaded_at;     // ISO 8601 local time of the last load, e.g. "2026-11-22T16:40:05+09:00"
  std::string on_screen;     // slide id, or empty
  bool using_last_good = false;  // the newest files had errors: the screen keeps the previous show
  std::vector<Diagnostic> diagnostics;
};

// $XDG_STATE_HOME/annae/status.json, else ~/.local/state/annae/status.json,
// else /tmp/annae-status.json (no home: a service account).
std::filesystem::path default_status_path();

std::string status_json(const Status& status);

// Creates the folder if needed. Returns an error text, empty on success.
std::string write_status(const std::filesystem::path& path, const Status& status);

// Now as "YYYY-MM-DDTHH:MM:SS±HH:MM" in the machine's local time zone.
std::string iso_now();

}  // namespace annae::app
