// The verbs and their options: the one place the command line is spelt out.
// Parsing and help text both come from here (app/cli_table.hpp).
#include "app/cli_table.hpp"
#include "app/renderer_choice.hpp"
#include "content/setting_names.hpp"
#include "text/wrap_names.hpp"

namespace annae::app::cli {
namespace {

using Value = const std::string&;

// Stores `value` in `slot`; no mistake. For setters that take any value.
template <class Slot, class V>
std::string stored(Slot& slot, V&& value) {
  slot = std::forward<V>(value);
  return {};
}

// How far a screen mounted on its side is turned, clockwise.
inline constexpr std::array<Named<int>, 4> rotations = {{
    {"0", 0, "as it comes (the default)"},
    {"90", 90, "a quarter turn: a landscape screen turned to portrait"},
    {"180", 180, "upside down"},
    {"270", 270, "three quarters: portrait, turned the other way"}}};

// ---- options more than one verb takes ----------------------------------------

template <class Cmd>
constexpr Option<Cmd> config_option = {
    {"--config", "FILE", "the box's settings (default: $ANNAE_CONFIG, else /etc/annae/annae.toml if present)"},
    [](Cmd& c, Value v) { return stored(c.box.config_file, v); }};

template <class Cmd>
constexpr Option<Cmd> state_option = {
    {"--state", "DIR",
     "where status.json, screenshot.png and last-import.txt live (default: the\n"
     "config's `state`, else $XDG_STATE_HOME/annae)"},
    [](Cmd& c, Value v) { return stored(c.box.state_dir, v); }};

std::string set_at(std::optional<WallTime>& at, Value v) {
  at = parse_wall_time(v);
  return at ? std::string() : "--at must look like 2020-09-25T14:20, not '" + v + "'";
}

// "'annae VERB' takes one NOUN" for a second operand; else stores the first in `slot`.
std::string one_operand(std::string& slot, Value arg, std::size_t index, std::string_view too_many) {
  if (index > 0) return std::string(too_many);
  slot = arg;
  return {};
}

// ---- play (no verb) ----------------------------------------------------------

constexpr std::array<Option<RunCommand>, 8> run_options = {{
    config_option<RunCommand>,
    state_option<RunCommand>,
    {{"--window", "WxH", "a development window (Esc quits) instead of fullscreen"},
     [](RunCommand& c, Value v) {
       c.window_size = parse_size(v);
       return c.window_size ? std::string() : "--window must look like 1280x720, not '" + v + "'";
     }},
    {{"--rotate", "DEG", "turn the picture clockwise, for a screen mounted on its side:", values_help<rotations>},
     [](RunCommand& c, Value v) {
       c.rotate_deg = value_named(rotations, v);
       return c.rotate_deg ? std::string() : must_be_one_of("--rotate", rotations, v, "(degrees clockwise)");
     }},
    {{"--renderer", "R", "how pages reach the screen:", values_help<renderer_choices>},
     [](RunCommand& c, Value v) {
       if (!renderer_named(v)) return must_be_one_of("--renderer", renderer_choices, v);
       return stored(c.renderer, v);
     }},
    {{"--watch", "MODE", "how to notice copied files (overrides show.toml):", values_help<content::watch_modes>},
     [](RunCommand& c, Value v) {
       if (!content::watch_mode_named(v)) return must_be_one_of("--watch", content::watch_modes, v);
       return stored(c.watch, v);
     }},
    {{"--status-file", "F", "where to write the status (default STATE/status.json)"},
     [](RunCommand& c, Value v) { return stored(c.status_file, v); }},
    {{"--at", "TIME", "rehearse: run the clock from TIME (YYYY-MM-DDTHH:MM, the show's time zone)"},
     [](RunCommand& c, Value v) { return set_at(c.at, v); }},
}};

constexpr VerbSpec<RunCommand> run_verb = {
    "", "[OPTIONS] [SHOW_DIR]",
    "play a show fullscreen\n(default: the config's content folder, else the bundled content/)", run_options,
    [](RunCommand& c, Value arg, std::size_t index) {
      if (index > 0) return "annae plays one show folder; got a second one: " + arg;
      return stored(c.show_dir, arg);
    },
    nullptr};

// ---- render ------------------------------------------------------------------

constexpr std::array<Option<RenderCommand>, 5> render_options = {{
    {{"--slide", "N|ID|all", "which slide (N counts from 1 in play order; all: every slide and page)"},
     [](RenderCommand& c, Value v) { return stored(c.slide, v); }},
    {{"--size", "WxH", "image size (default 1920x1080; 1080x1920 for a portrait screen)"},
     [](RenderCommand& c, Value v) {
       const auto size = parse_size(v);
       if (!size) return "--size must look like 1920x1080, not '" + v + "'";
       return stored(c.size, *size);
     }},
    {{"--out", "FILE|DIR", "the PNG, or a folder for --slide all"},
     [](RenderCommand& c, Value v) { return stored(c.out, v); }},
    {{"--at", "TIME", "render as at that moment (agenda highlight, footer clock)"},
     [](RenderCommand& c, Value v) { return set_at(c.at, v); }},
    {{"--scene", "FILE",
      "also write the laid-out scene of each page drawn as JSON: every text's\n"
      "type-scale role, font, weight, size and lines, every shape and image, in px"},
     [](RenderCommand& c, Value v) { return stored(c.scene_out, v); }},
}};

constexpr VerbSpec<RenderCommand> render_verb = {
    "render", "[SHOW_DIR] --out FILE.png|DIR [OPTIONS]", "draw slides to PNG exactly as the screen shows them",
    render_options,
    [](RenderCommand& c, Value arg, std::size_t index) {
      return one_operand(c.show_dir, arg, index, "'annae render' takes one SHOW_DIR");
    },
    [](const RenderCommand& c, std::size_t) -> std::string {
      if (c.out.empty()) return "'annae render' needs --out FILE.png (or a folder with --slide all)";
      return {};
    }};

// ---- check -------------------------------------------------------------------

constexpr std::array<Option<CheckCommand>, 2> check_options = {
    {config_option<CheckCommand>, state_option<CheckCommand>}};

constexpr VerbSpec<CheckCommand> check_verb = {
    "check", "[OPTIONS] [SHOW_DIR]", "check a show's files and the box's settings, and lay every slide out\n(1920x1080, or 1080x1920 when show.toml turns the screen): text that would be\ncut or too small to read is a warning; exit 0 clean, 1 warnings, 2 errors",
    check_options,
    [](CheckCommand& c, Value arg, std::size_t index) {
      return one_operand(c.show_dir, arg, index, "'annae check' takes one SHOW_DIR");
    },
    nullptr};

// ---- import ------------------------------------------------------------------

constexpr std::array<Option<ImportCommand>, 5> import_options = {{
    config_option<ImportCommand>,
    state_option<ImportCommand>,
    {{"--content", "DIR", "the content folder to import into (default: the config's `content`)"},
     [](ImportCommand& c, Value v) { return stored(c.content_dir, v); }},
    {{"--no-notify", "", "do not tell the running player to reload"},
     [](ImportCommand& c, Value) { return stored(c.notify_player, false); }},
    {{"--clean-up", "",
      "no SOURCE: remove what an interrupted import or rsync push left\n"
      "(annae-tidy.service does it at every boot)"},
     [](ImportCommand& c, Value) { return stored(c.clean_up, true); }},
}};

constexpr VerbSpec<ImportCommand> import_verb = {
    "import", "SOURCE | --clean-up [OPTIONS]",
    "copy a show from a USB stick (SOURCE/annae) or a folder into the content\n"
    "folder, all at once, only if it is clean;\n"
    "exit 0 imported, 1 nothing to import, 2 refused (nothing changed)",
    import_options,
    [](ImportCommand& c, Value arg, std::size_t index) {
      return one_operand(c.source, arg, index, "'annae import' takes one SOURCE folder");
    },
    [](const ImportCommand& c, std::size_t sources) -> std::string {
      if (c.clean_up && sources > 0) return "'annae import --clean-up' takes no SOURCE";
      if (!c.clean_up && sources == 0)
        return "'annae import' needs a SOURCE: a USB stick's folder holding annae/, or a show folder";
      return {};
    }};

// ---- screenshot --------------------------------------------------------------

constexpr std::array<Option<ScreenshotCommand>, 3> screenshot_options = {{
    config_option<ScreenshotCommand>,
    state_option<ScreenshotCommand>,
    {{"--timeout", "S", "how long to wait for the player, in seconds (default 5)"},
     [](ScreenshotCommand& c, Value v) {
       const auto seconds = parse_int(v, 1, 600);
       if (!seconds) return "--timeout must be a whole number of seconds from 1 to 600, not '" + v + "'";
       return stored(c.timeout_ms, *seconds * 1000);
     }},
}};

constexpr VerbSpec<ScreenshotCommand> screenshot_verb = {
    "screenshot", "[OPTIONS]", "make the running player write STATE/screenshot.png", screenshot_options,
    [](ScreenshotCommand&, Value arg, std::size_t) { return "unknown argument for 'annae screenshot': " + arg; },
    nullptr};

// ---- layout ------------------------------------------------------------------

// "--NAME must be a whole number of pixels[ RANGE], not 'v'" unless `v` is in [min, max].
std::string set_pixels(int& slot, std::string_view flag, Value v, int max, std::string_view what) {
  const auto n = parse_int(v, 1, max);
  if (!n) return std::string(flag) + " must be " + std::string(what) + ", not '" + v + "'";
  slot = *n;
  return {};
}

constexpr std::array<Option<LayoutCommand>, 6> layout_options = {{
    {{"--font", "FILE|FAMILY", "font file or family (default: Noto Sans CJK KR)"},
     [](LayoutCommand& c, Value v) { return stored(c.font, v); }},
    {{"--size", "PX", "font size in pixels (default 40)"},
     [](LayoutCommand& c, Value v) {
       return set_pixels(c.size_px, "--size", v, 2000, "a whole number of pixels from 1 to 2000");
     }},
    {{"--width", "PX", "line width in pixels (default 900)"},
     [](LayoutCommand& c, Value v) { return set_pixels(c.width_px, "--width", v, 100000, "a whole number of pixels"); }},
    {{"--fit", "HEIGHT_PX", "shrink the text to fit WIDTH x HEIGHT, truncating with … below the floor"},
     [](LayoutCommand& c, Value v) {
       int height = 0;
       auto error = set_pixels(height, "--fit", v, 100000, "a height in whole pixels");
       if (error.empty()) c.fit_height_px = height;
       return error;
     }},
    {{"--png", "FILE", "also draw the laid-out text to a PNG"},
     [](LayoutCommand& c, Value v) { return stored(c.png, v); }},
    {{"--wrap", "MODE", "how to break lines; pretty and balance never use more lines than greedy:",
      values_help<text::wrap_modes>},
     [](LayoutCommand& c, Value v) {
       const auto wrap = text::wrap_named(v);
       if (!wrap) return must_be_one_of("--wrap", text::wrap_modes, v);
       return stored(c.wrap, *wrap);
     }},
}};

constexpr VerbSpec<LayoutCommand> layout_verb = {
    "layout", "[OPTIONS] [--] TEXT", "print how TEXT breaks into lines (TEXT - reads standard input)", layout_options,
    [](LayoutCommand& c, Value arg, std::size_t index) {
      return one_operand(c.text, arg, index, "'annae layout' takes one TEXT (quote it, or use - to read standard input)");
    },
    [](const LayoutCommand&, std::size_t texts) -> std::string {
      if (texts == 0) return "'annae layout' needs a TEXT to lay out (or - to read standard input)";
      return {};
    }};

}  // namespace

const std::vector<Verb>& verbs() {
  static const std::vector<Verb> table = {make_verb(run_verb),    make_verb(render_verb),     make_verb(check_verb),
                                          make_verb(import_verb), make_verb(screenshot_verb), make_verb(layout_verb)};
  return table;
}

}  // namespace annae::app::cli
