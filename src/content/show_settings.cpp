// show.toml: the show-wide settings.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "content/encoding.hpp"
#include "content/limits.hpp"
#include "content/show_settings.hpp"
#include "content/suggest.hpp"
#include "content/time_zone.hpp"
#include "content/toml_reader.hpp"

namespace annae::content {
namespace {

using Keys = std::span<const std::string_view>;

// The one list of show.toml's top-level keys (show_settings_keys() lends it to the slide parser's hints).
constexpr std::array<std::string_view, 10> top_keys = {"title", "include", "event",  "slides", "transition",
                                                       "theme", "screen",  "touch",  "footer", "watch"};
constexpr std::array<std::string_view, 3> included_keys = {"title", "event", "slides"};
constexpr std::array<std::string_view, 3> event_keys = {"date", "start", "time_zone"};
constexpr std::array<std::string_view, 1> slides_keys = {"duration"};
constexpr std::array<std::string_view, 2> transition_keys = {"kind", "duration"};
constexpr std::array<std::string_view, 4> theme_keys = {"name", "scale", "colors", "fonts"};
constexpr std::array<std::string_view, 5> color_keys = {"background", "text", "muted", "accent", "highlight"};
constexpr std::array<std::string_view, 2> font_keys = {"body", "heading"};
constexpr std::array<std::string_view, 2> screen_keys = {"rotation", "safe_area"};
constexpr std::array<std::string_view, 1> touch_keys = {"idle_timeout"};
constexpr std::array<std::string_view, 3> footer_keys = {"clock", "progress", "ticker"};
constexpr std::array<std::string_view, 2> watch_keys = {"mode", "poll_interval"};

struct Section {
  std::string_view name;
  Keys keys;
};
constexpr std::array<Section, 9> sections = {{{"event", event_keys},
                                              {"slides", slides_keys},
                                              {"transition", transition_keys},
                                              {"theme", theme_keys},
                                              {"theme.colors", color_keys},
                                              {"theme.fonts", font_keys},
                                              {"screen", screen_keys},
                                              {"touch", touch_keys},
                                              {"footer", footer_keys}}};

constexpr std::array<std::string_view, 19> slide_file_keys = {
    "kind",  "enabled",  "from",     "until", "subtitle",   "venue", "host",  "logo",    "items",  "paragraphs",
    "bullets", "notes", "rows", "department", "people", "note", "url", "speaker", "caption"};

// Where an unknown top-level key belongs instead.
std::string top_level_hint(std::string_view key) {
  constexpr std::string_view slide_hint =
      "show.toml holds show settings only; each slide goes in its own file, like 010-cover.toml";
  if (key == "kind") return std::string(slide_hint);
  for (const auto& section : sections)
    for (auto k : section.keys)
      if (k == key) return "'" + std::string(key) + "' belongs in the [" + std::string(section.name) + "] section";
  for (auto k : slide_file_keys)
    if (k == key) return std::string(slide_hint);
  return {};
}

std::optional<Rgb> parse_colour(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return std::nullopt;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  int v[6];
  for (int i = 0; i < 6; ++i)
    if ((v[i] = hex(s[static_cast<std::size_t>(i) + 1])) < 0) return std::nullopt;
  return Rgb{static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
             static_cast<std::uint8_t>(v[4] * 16 + v[5])};
}

void read_event(TableReader& top, Event& event) {
  if (auto title = top.text("title", Need::optional, "\"지역균형발전포럼\"")) event.title = *title;
  const toml::table* table = top.table("event");
  if (!table) return;
  TableReader r(*table, top.file(), "[event] ");
  r.check_keys(event_keys);
  if (auto date = r.date("date", Need::optional)) event.date = date;
  if (auto start = r.time("start", Need::optional, false)) event.start_minutes = start;
  if (auto zone = r.text("time_zone", Need::optional, "\"Asia/Seoul\"")) {
    if (is_known_time_zone(zone->value)) {
      event.time_zone = zone->value;
    } else {
      std::string message = "'time_zone' \"" + zone->value + "\" is not a known time zone";
      if (auto guess = closest_time_zone(zone->value)) message += "; did you mean \"" + *guess + "\"?";
      else message += "; write a name like \"Asia/Seoul\"";
      r.file().mistake(zone->at, "[event] " + message);
    }
  }
}

void read_includes(TableReader& top, SettingsFile& result) {
  const toml::node* node = top.node("include");
  if (!node) return;
  const auto* list = node->as_array();
  if (!list) {
    top.file().error(top.file().pos(*node),
                     "'include' must be a list of show folders, like include = [\"forum-2023\", \"seminar-2020\"]");
    return;
  }
  std::size_t count = 0;
  for (const toml::node& item : *list) {
    if (++count > limits::max_includes) {
      top.file().error(top.file().pos(item), "'include' lists " + count_text(list->size()) + " shows; a playlist can include at most " +
                                                 count_text(limits::max_includes) + ", so the ones from here on are not played");
      break;
    }
    if (const auto* s = item.as_string()) {
      Text entry = make_text(s->get(), top.file().pos(item), top.file());
      result.settings.includes.push_back(entry.value);
      result.include_entries.push_back(std::move(entry));
    } else {
      top.file().error(top.file().pos(item), "each entry of 'include' must be a folder name in double quotes, like \"forum-2023\"");
    }
  }
}

void read_transition(TableReader& top, Transition& transition) {
  const toml::table* table = top.table("transition");
  if (!table) return;
  TableReader r(*table, top.file(), "[transition] ");
  r.check_keys(transition_keys);
  static constexpr auto kinds = names_of(transition_kinds);
  if (auto kind = r.choice("kind", kinds)) transition.kind = *transition_kind_named(*kind);
  if (auto ms = r.seconds_ms("duration", 0, 5, "0.6")) transition.duration_ms = *ms;
}

// A font setting is a family name, never a path: the text engine must not be
// told to open a file a show names (it could be anything on the box).
bool names_a_font_file(std::string_view value) {
  if (value.find('/') != std::string_view::npos || value.find('\\') != std::string_view::npos) return true;
  std::string lower(value);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view ext : {".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2", ".pfb"})
    if (lower.ends_with(ext)) return true;
  return false;
}

void read_theme(TableReader& top, Theme& theme) {
  const toml::table* table = top.table("theme");
  if (!table) return;
  TableReader r(*table, top.file(), "[theme] ");
  r.check_keys(theme_keys);
  static constexpr auto names = names_of(theme_names);
  if (auto name = r.choice("name", names)) theme.name = *theme_named(*name);
  if (auto scale = r.number("scale", 0.5, 2.0, "1.2")) theme.size_scale = static_cast<float>(*scale);
  if (const toml::table* colors = r.table("colors")) {
    TableReader c(*colors, top.file(), "[theme.colors] ");
    c.check_keys(color_keys);
    std::optional<Rgb>* slots[] = {&theme.colors.background, &theme.colors.text, &theme.colors.muted,
                                   &theme.colors.accent, &theme.colors.highlight};
    for (std::size_t i = 0; i < color_keys.size(); ++i) {
      const std::string key(color_keys[i]);
      auto text = c.text(key, Need::optional, "\"#1E88E5\"");
      if (!text) continue;
      if (auto rgb = parse_colour(text->value)) *slots[i] = rgb;
      else c.mistake(key, "'" + key + "' \"" + text->value + "\" is not a colour; write it like \"#1E88E5\" (# and six hex digits)");
    }
  }
  if (const toml::table* fonts = r.table("fonts")) {
    TableReader f(*fonts, top.file(), "[theme.fonts] ");
    f.check_keys(font_keys);
    for (auto [key, slot] : {std::pair{"body", &theme.body_font}, std::pair{"heading", &theme.heading_font}}) {
      auto family = f.text(key, Need::optional, "\"Noto Sans KR\"");
      if (!family) continue;
      if (names_a_font_file(family->value)) {
        f.mistake(key, std::string("'") + key + "' \"" + family->value +
                           "\" is a file name; write a font family name, like \"Noto Sans KR\" "
                           "(the box's technician can install other fonts in annae's fonts folder)");
        continue;
      }
      *slot = family->value;
    }
  }
}

void read_screen(TableReader& top, Screen& screen) {
  const toml::table* table = top.table("screen");
  if (!table) return;
  TableReader r(*table, top.file(), "[screen] ");
  r.check_keys(screen_keys);
  if (auto rotation = r.integer("rotation", "90")) {
    if (*rotation == 0 || *rotation == 90 || *rotation == 180 || *rotation == 270) screen.rotation_deg = static_cast<int>(*rotation);
    else r.mistake("rotation", "'rotation' must be 0, 90, 180 or 270 (degrees, clockwise)");
  }
  if (const toml::node* safe = r.node("safe_area")) {
    const std::string how = "'safe_area' must be a percentage from \"0%\" to \"20%\", like safe_area = \"5%\"";
    if (const auto* s = safe->as_string()) {
      std::string_view v = s->get();
      double percent = -1;
      if (v.ends_with('%')) {
        v.remove_suffix(1);
        try {
          std::size_t used = 0;
          const std::string number(v);
          percent = std::stod(number, &used);
          if (used != number.size()) percent = -1;
        } catch (...) {
          percent = -1;
        }
      }
      if (percent >= 0 && percent <= 20) screen.safe_area_fraction = static_cast<float>(percent / 100.0);
      else r.mistake("safe_area", how);
    } else if (safe->is_integer() || safe->is_floating_point()) {
      const double v = safe->is_integer() ? static_cast<double>(safe->as_integer()->get()) : safe->as_floating_point()->get();
      if (v >= 0 && v <= 0.2) screen.safe_area_fraction = static_cast<float>(v);
      else if (v > 0.2 && v <= 20) r.mistake("safe_area", how + " (a plain number is a fraction: 0.05 is 5%)");
      else r.mistake("safe_area", how);
    } else {
      r.mistake("safe_area", how);
    }
  }
}

void read_slide_defaults(TableReader& top, ShowSettings& settings) {
  const toml::table* table = top.table("slides");
  if (!table) return;
  TableReader r(*table, top.file(), "[slides] ");
  r.check_keys(slides_keys);
  if (auto ms = r.seconds_ms("duration", 1, limits::max_slide_duration_s, "12")) settings.default_slide_duration_ms = *ms;
}

void read_touch(TableReader& top, ShowSettings& settings) {
  const toml::table* table = top.table("touch");
  if (!table) return;
  TableReader r(*table, top.file(), "[touch] ");
  r.check_keys(touch_keys);
  if (auto ms = r.seconds_ms("idle_timeout", 5, 3600, "30")) settings.touch_idle_timeout_ms = *ms;
}

void read_footer(TableReader& top, Footer& footer) {
  const toml::table* table = top.table("footer");
  if (!table) return;
  TableReader r(*table, top.file(), "[footer] ");
  r.check_keys(footer_keys);
  if (auto clock = r.boolean("clock")) footer.clock = *clock;
  if (auto progress = r.boolean("progress")) footer.progress = *progress;
  if (auto ticker = r.text("ticker", Need::optional, "\"...\"")) footer.ticker = *ticker;
}

void read_watch(TableReader& top, Watch& watch) {
  const toml::table* table = top.table("watch");
  if (!table) return;
  TableReader r(*table, top.file(), "[watch] ");
  r.check_keys(watch_keys);
  static constexpr auto modes = names_of(watch_modes);
  if (auto mode = r.choice("mode", modes)) watch.mode = *watch_mode_named(*mode);
  if (auto ms = r.seconds_ms("poll_interval", 0.1, 60, "1")) watch.poll_interval_ms = *ms;
}

}  // namespace

std::span<const std::string_view> show_settings_keys() { return top_keys; }

SettingsFile parse_show_settings(std::string_view bytes, const std::string& display_path, const ShowSettings& base,
                                 SettingsScope scope, Diagnostics& out) {
  SettingsFile result{base, false, {}};
  if (scope == SettingsScope::included) result.settings.includes.clear();
  auto text = decode_text_file(bytes, display_path, out);
  if (!text) {
    result.defaulted = true;
    return result;
  }
  FileReport file(display_path, out, Severity::warning);
  auto table = parse_toml(*text, file, Severity::error);
  if (!table) {
    result.defaulted = true;
    return result;
  }
  TableReader top(*table, file);
  ShowSettings& s = result.settings;
  if (scope == SettingsScope::included) {
    for (auto&& [key, value] : *table) {
      const std::string_view name = key.str();
      const bool screen_wide = std::find(top_keys.begin(), top_keys.end(), name) != top_keys.end() &&
                               std::find(included_keys.begin(), included_keys.end(), name) == included_keys.end();
      if (screen_wide)
        file.mistake(file.pos(key.source()), "'" + std::string(name) +
                                                 "' is ignored here, because this show is played from the include list "
                                                 "of the top folder's show.toml; set it in that show.toml");
    }
    top.check_keys(top_keys, top_level_hint);
  } else {
    top.check_keys(top_keys, top_level_hint);
    read_includes(top, result);
    read_transition(top, s.transition);
    read_theme(top, s.theme);
    read_screen(top, s.screen);
    read_touch(top, s);
    read_footer(top, s.footer);
    read_watch(top, s.watch);
  }
  read_event(top, s.event);
  read_slide_defaults(top, s);
  if (file.mistakes() > 0) result.defaulted = true;
  return result;
}

}  // namespace annae::content
