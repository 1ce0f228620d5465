#pragma once
// Reading show.toml's bytes (show_settings.cpp). load_show() calls it for each
// show.toml it reads; the fuzzer and tests call it directly. Never throws on
// bad input.
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "core/confined_dir.hpp"
#include "core/diagnostic.hpp"

namespace annae::content {

// An included show's show.toml may set only its event and slide duration;
// the screen-wide settings come from the top show.toml.
enum class SettingsScope { top, included };

struct SettingsFile {
  ShowSettings settings;
  bool defaulted = false;  // some setting (or the whole file) fell back to `base`
  std::vector<Text> include_entries;  // `include` as written, with positions, for checking the folders
};

// Reads show.toml. Missing keys keep their value from `base` (the built-in
// defaults, or for an included show the top show's settings).
SettingsFile parse_show_settings(std::string_view bytes, const std::string& display_path, const ShowSettings& base,
                                 SettingsScope scope, Diagnostics& out);

// show.toml's top-level keys, so a slide file that sets one can be told where it belongs.
std::span<const std::string_view> show_settings_keys();

}  // namespace annae::content
