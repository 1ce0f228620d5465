// /etc/annae/annae.toml: the box's settings.
#include "box/box_config.hpp"

#include <array>

#include "content/encoding.hpp"
#include "content/setting_names.hpp"
#include "content/toml_reader.hpp"
#include "core/files.hpp"

namespace annae::box {
using content::FileReport;
using content::TableReader;
using content::Need;
using content::decode_text_file;
using content::parse_toml;
using content::watch_modes;
namespace {

constexpr std::size_t max_config_bytes = 64 * 1024;

constexpr std::array<std::string_view, 5> top_keys = {"content", "state", "watch", "screen", "night"};
constexpr std::array<std::string_view, 4> screen_keys = {"rotate", "renderer", "video_driver", "display"};
constexpr std::array<std::string_view, 2> night_keys = {"off", "on"};
constexpr auto watch_mode_names = names_of(watch_modes);
// SDL 2.26's video drivers that can show a fullscreen kiosk.
constexpr std::array<std::string_view, 5> video_drivers = {"kmsdrm", "wayland", "x11", "offscreen", "dummy"};

std::string top_level_hint(std::string_view key) {
  for (auto k : screen_keys)
    if (k == key) return "'" + std::string(key) + "' belongs in the [screen] section";
  for (auto k : night_keys)
    if (k == key) return "'" + std::string(key) + "' belongs in the [night] section";
  if (key == "rotation") return "write it as rotate = 90 in the [screen] section";
  return {};
}

std::optional<std::filesystem::path> folder(TableReader& top, std::string_view key, const std::filesystem::path& base) {
  auto text = top.text(key, Need::optional, "\"/var/lib/annae/content\"");
  if (!text) return std::nullopt;
  std::filesystem::path p(text->value);
  return p.is_absolute() ? p : base / p;
}

void read_screen(TableReader& top, BoxConfig& config, std::span<const std::string_view> renderer_names) {
  const toml::table* table = top.table("screen");
  if (!table) return;
  TableReader screen(*table, top.file(), "[screen] ");
  screen.check_keys(screen_keys);
  if (const toml::node* n = screen.node("rotate")) {
    const auto* v = n->as_integer();
    const long long deg = v ? v->get() : -1;
    if (deg == 0 || deg == 90 || deg == 180 || deg == 270) config.rotate_deg = static_cast<int>(deg);
    else screen.mistake("rotate", "'rotate' must be 0, 90, 180 or 270 (degrees clockwise, without quotes)");
  }
  if (auto r = screen.choice("renderer", renderer_names)) config.renderer = std::string(*r);
  if (auto d = screen.choice("video_driver", video_drivers)) config.video_driver = std::string(*d);
  if (auto i = screen.number("display", 0, 15, "0")) {
    if (*i == static_cast<int>(*i)) config.display_index = static_cast<int>(*i);
    else screen.mistake("display", "'display' must be a whole number: 0 for the first screen, 1 for the second");
  }
}

void read_night(TableReader& top, BoxConfig& config) {
  const toml::table* table = top.table("night");
  if (!table) return;
  TableReader night(*table, top.file(), "[night] ");
  night.check_keys(night_keys);
  auto off = night.time("off", Need::optional, false);
  auto on = night.time("on", Need::optional, false);
  const bool has_off = night.has("off"), has_on = night.has("on");
  if (has_off != has_on) {
    night.mistake(has_off ? "off" : "on",
                  "needs both times, like off = \"23:00\" and on = \"07:00\"; the screen stays on all night");
    return;
  }
  if (off && on) {
    if (*off == *on) {
      night.mistake("on", "'off' and 'on' are the same time, so the screen never goes dark; "
                          "remove the [night] section if that is meant");
      return;
    }
    config.night = NightSchedule{*off, *on};
  }
}

}  // namespace

bool NightSchedule::is_night(int minute_of_day) const {
  if (off_min == on_min) return false;
  if (off_min < on_min) return minute_of_day >= off_min && minute_of_day < on_min;
  return minute_of_day >= off_min || minute_of_day < on_min;
}

int NightSchedule::minutes_to_next_change(int minute_of_day) const {
  const int target = is_night(minute_of_day) ? on_min : off_min;
  const int minutes = ((target - minute_of_day) % 1440 + 1440) % 1440;
  return minutes == 0 ? 1440 : minutes;
}

BoxConfigResult parse_box_config(std::string_view bytes, const std::filesystem::path& display_path,
                                 std::span<const std::string_view> renderer_names) {
  BoxConfigResult result;
  const std::string shown = display_path.string();
  auto text = decode_text_file(bytes, shown, result.diagnostics);
  if (!text) return result;
  FileReport file(shown, result.diagnostics, Severity::warning);
  auto table = parse_toml(*text, file, Severity::error);
  if (!table) return result;
  TableReader top(*table, file);
  top.check_keys(top_keys, top_level_hint);
  BoxConfig& c = result.config;
  const std::filesystem::path base = display_path.parent_path();
  c.content_dir = folder(top, "content", base);
  c.state_dir = folder(top, "state", base);
  if (auto w = top.choice("watch", watch_mode_names)) c.watch = std::string(*w);
  read_screen(top, c, renderer_names);
  read_night(top, c);
  return result;
}

BoxConfigResult load_box_config(const std::filesystem::path& path, std::span<const std::string_view> renderer_names) {
  auto read = files::read(path, max_config_bytes);
  if (!read.bytes) {
    BoxConfigResult result;
    result.diagnostics.error(path.string(), 0, 0,
                             read.too_large ? "this settings file is too large (over 64 KB); is it the right file?"
                                            : read.error);
    return result;
  }
  return parse_box_config(*read.bytes, path, renderer_names);
}

}  // namespace annae::box
