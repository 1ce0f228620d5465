#pragma once
// The box's own settings: /etc/annae/annae.toml, written by the venue
// technician once per screen (deploy/annae.toml is the documented template).
// Every key is optional; a mistake is a warning at file:line:col and that
// setting keeps its default, so a typo never keeps the screen dark.
#include <filesystem>
#include <optional>
#include <string>
#include <span>
#include <string_view>

#include "core/diagnostic.hpp"

namespace annae::box {

// A black screen between `off_min` and `on_min` (minutes since local
// midnight). The span may cross midnight (23:00 → 07:00).
struct NightSchedule {
  int off_min = 0;
  int on_min = 0;
  bool operator==(const NightSchedule&) const = default;

  // True when `minute_of_day` falls in [off, on), wrapping at midnight.
  // An empty span (off == on) is never night.
  bool is_night(int minute_of_day) const;
  // Minutes from `minute_of_day` to the next boundary (off or on), 1..1440.
  int minutes_to_next_change(int minute_of_day) const;
};

struct BoxConfig {
  std::optional<std::filesystem::path> content_dir;  // `content`: the show folder played
  std::optional<std::filesystem::path> state_dir;    // `state`: status.json, screenshot.png, import.json
  std::optional<std::string> watch;                  // a name in content::watch_modes
  std::optional<int> rotate_deg;                     // [screen] rotate: 0 | 90 | 180 | 270
  std::optional<std::string> renderer;               // [screen] renderer: one of the renderer_names given
  std::optional<std::string> video_driver;           // [screen] video_driver: an SDL video driver name
  std::optional<int> display_index;                  // [screen] display: 0-based
  std::optional<NightSchedule> night;                // [night] off / on, both or neither
};

struct BoxConfigResult {
  BoxConfig config;
  Diagnostics diagnostics;  // warnings (wrong settings) and errors (the file cannot be read or parsed)
};

// Parses the text of a config file; `display_path` names it in diagnostics.
// Relative folder paths are resolved against the file's folder.
// `renderer_names` are the values [screen] renderer accepts: the app owns
// what a renderer is (app::renderer_names), this layer only checks the word.
BoxConfigResult parse_box_config(std::string_view text, const std::filesystem::path& display_path,
                                 std::span<const std::string_view> renderer_names);

// Reads and parses the file. A missing or unreadable file is an error diagnostic.
BoxConfigResult load_box_config(const std::filesystem::path& path, std::span<const std::string_view> renderer_names);

}  // namespace annae::box
