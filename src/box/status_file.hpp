#pragma once
// The status file a technician (or a monitoring script) reads: when content
// was last loaded, which slide is on screen, and the current diagnostics
// with file:line. JSON, written atomically (readers never see half a file).
#include <filesystem>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace annae::box {

struct Status {
  int pid = 0;               // the player's process: `annae screenshot` and `annae import` signal it
  std::string show_dir;
  std::string loaded_at;     // ISO 8601 local time of the last load, e.g. "2026-11-22T16:40:05+09:00"
  std::string on_screen;     // slide id, or empty
  bool using_last_good = false;  // the newest files had errors: the screen keeps the previous show
  bool night = false;            // the [night] schedule has the screen dark
  std::vector<Diagnostic> diagnostics;
};

// At most max_status_diagnostics are listed (the first ones, as the loader
// found them) and each text field is cut to max_status_field_bytes, so the file
// stays far below the 4 MiB `annae screenshot` reads whatever the show
// (at most about 200 KiB); "errors" and "warnings" still count them all, and
// "diagnostics_not_listed" says how many were left out.
inline constexpr std::size_t max_status_diagnostics = 100;
inline constexpr std::size_t max_status_field_bytes = 500;

std::string status_json(const Status& status);

// The "pid" a status file names, if any (not checked to be alive).
std::optional<int> pid_in_status_json(std::string_view json);

// Creates the folder if needed. Returns an error text, empty on success.
std::string write_status(const std::filesystem::path& path, const Status& status);

// Now as "YYYY-MM-DDTHH:MM:SS±HH:MM" in the machine's local time zone.
std::string iso_now();

}  // namespace annae::box
