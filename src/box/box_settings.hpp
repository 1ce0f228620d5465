#pragma once
// Where things are on a box: the bundled data found beside the executable,
// the box's settings file, and how those settings fill in what the command
// line left open (the command line always wins).
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "box/box_config.hpp"
#include "core/diagnostic.hpp"

namespace annae::box {

// The data installed with the program: `<exe>/../share/annae` when that holds
// content/ (an installed copy, under / or any throwaway root), else the
// source tree this binary was built from.
std::filesystem::path bundled_data_dir();
std::filesystem::path bundled_show_dir();  // bundled_data_dir()/content
std::filesystem::path bundled_fonts_dir(); // bundled_data_dir()/fonts

// The settings file every box reads unless told otherwise.
inline constexpr const char* system_config_file = "/etc/annae/annae.toml";

// Options every command that touches the box's folders accepts.
struct BoxOptions {
  std::string config_file;  // --config FILE; empty: $ANNAE_CONFIG, else /etc/annae/annae.toml if it exists
  std::string state_dir;    // --state DIR; empty: the config's `state`, else the user's state folder
};

struct BoxSettings {
  std::optional<std::filesystem::path> file;  // the file read; empty: none was found or asked for
  BoxConfig config;                  // empty when there is no file
  Diagnostics diagnostics;                    // the file's mistakes, file:line:col
};

// Reads the settings file: `box.config_file` when given (a missing file is an
// error), else $ANNAE_CONFIG when set, else /etc/annae/annae.toml when it exists.
// `renderer_names`: what [screen] renderer accepts (the app's table).
BoxSettings load_box_settings(const BoxOptions& box, std::span<const std::string_view> renderer_names);

// The show folder to use: `given`, else the config's `content`, else the bundled show.
std::filesystem::path show_dir_for(const std::string& given, const BoxSettings& settings);

// The state folder: --state, else the config's `state`, else $XDG_STATE_HOME/annae
// (~/.local/state/annae; /tmp/annae for an account without a home).
std::filesystem::path state_dir_for(const BoxOptions& box, const BoxSettings& settings);
std::filesystem::path default_state_dir();


}  // namespace annae::box
