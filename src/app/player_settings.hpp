#pragma once
// What the player runs with: the command line (RunCommand), with the box's
// settings file filling in what it left open (box/box_settings.hpp). Made
// once at start-up; every name is already checked against its table.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "app/cli.hpp"
#include "app/renderer_choice.hpp"
#include "box/box_settings.hpp"
#include "content/setting_names.hpp"

namespace annae::app {

struct PlayerSettings {
  std::filesystem::path show_dir;     // --show / the config's `content` / the bundled show
  std::filesystem::path state_dir;    // status.json, screenshot.png, last-import.txt
  std::filesystem::path status_file;  // --status-file, else STATE_DIR/status.json
  std::optional<std::pair<int, int>> window_size;  // a development window instead of fullscreen
  std::optional<WallTime> at;                      // a rehearsal clock starting at this moment
  std::optional<int> rotate_deg;                   // overrides show.toml's [screen] rotate
  RendererChoice renderer = RendererChoice::automatic;
  std::optional<content::WatchMode> watch;         // overrides show.toml's [watch] mode
  std::string video_driver;                        // empty: SDL_VIDEODRIVER or SDL's choice
  int display_index = 0;                           // which connected screen
  std::optional<box::NightSchedule> night;     // a black screen between these times
};

// The command line, with every setting it left unset taken from `settings`.
PlayerSettings resolve_player_settings(const RunCommand& run, const box::BoxSettings& settings);

}  // namespace annae::app
