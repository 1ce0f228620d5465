#include "box/box_settings.hpp"

#include <cstdlib>
#include <system_error>

namespace annae::box {
namespace {

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

std::filesystem::path bundled_data_dir() {
  static const std::filesystem::path dir = [] {
    const auto exe_dir = executable_dir();
    std::error_code ec;
    if (!exe_dir.empty()) {
      auto installed = (exe_dir / ".." / "share" / "annae").lexically_normal();
      if (std::filesystem::is_directory(installed / "content", ec)) return installed;
    }
    return std::filesystem::path(ANNAE_SOURCE_DATA_DIR);
  }();
  return dir;
}

std::filesystem::path bundled_show_dir() { return bundled_data_dir() / "content"; }
std::filesystem::path bundled_fonts_dir() { return bundled_data_dir() / "fonts"; }

BoxSettings load_box_settings(const BoxOptions& box, std::span<const std::string_view> renderer_names) {
  BoxSettings settings;
  std::error_code ec;
  if (!box.config_file.empty()) {
    settings.file = box.config_file;
  } else if (const char* env = std::getenv("ANNAE_CONFIG"); env && *env) {
    settings.file = env;
  } else if (std::filesystem::exists(system_config_file, ec)) {
    settings.file = system_config_file;
  }
  if (!settings.file) return settings;
  auto loaded = load_box_config(*settings.file, renderer_names);
  settings.config = std::move(loaded.config);
  settings.diagnostics = std::move(loaded.diagnostics);
  return settings;
}

std::filesystem::path show_dir_for(const std::string& given, const BoxSettings& settings) {
  if (!given.empty()) return given;
  if (settings.config.content_dir) return *settings.config.content_dir;
  return bundled_show_dir();
}

std::filesystem::path default_state_dir() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) return std::filesystem::path(state) / "annae";
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".local" / "state" / "annae";
  }
  return "/tmp/annae";
}

std::filesystem::path state_dir_for(const BoxOptions& box, const BoxSettings& settings) {
  if (!box.state_dir.empty()) return box.state_dir;
  if (settings.config.state_dir) return *settings.config.state_dir;
  return default_state_dir();
}

}  // namespace annae::box
