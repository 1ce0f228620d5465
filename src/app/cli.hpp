#pragma once
// Command-line parsing: argv in, a Command out. No side effects, so every
// option and every mistake is unit-testable.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "box/box_settings.hpp"
#include "text/block.hpp"
#include "text/unicode/civil_time.hpp"

namespace annae::app {

// A wall-clock moment as staff type it: --at 2020-09-25T14:20 (in the show's
// time zone): the product's one civil time type.
using WallTime = text::CivilTime;

using box::BoxOptions;

struct RunCommand {
  BoxOptions box;
  std::string show_dir;          // empty: the config's `content`, else the bundled default show
  std::optional<std::pair<int, int>> window_size;  // --window WxH: a development window instead of fullscreen
  std::optional<WallTime> at;    // --at: a rehearsal clock starting at this moment
  std::optional<int> rotate_deg; // --rotate 0|90|180|270 (clockwise); overrides show.toml
  std::optional<std::string> renderer;  // --renderer: app::renderer_choices; empty: config, else auto
  std::string status_file;       // --status-file PATH; empty: STATE_DIR/status.json
  std::optional<std::string> watch;  // --watch: content::watch_modes; overrides show.toml
  // The rest of what the player runs with comes from the box's settings (app/player_settings.hpp).
};

struct RenderCommand {
  std::string show_dir;          // empty: the default show
  std::string slide = "1";       // --slide N (1-based, play order) | ID | all
  std::pair<int, int> size{1920, 1080};  // --size WxH
  std::string out;               // --out FILE.png (one slide) or DIR (all)
  std::optional<WallTime> at;    // --at: the moment to render (agenda state, footer clock)
  std::string scene_out;         // --scene FILE.json; empty: none
};

struct LayoutCommand {
  std::string font;              // --font FILE|FAMILY; empty: Noto Sans CJK KR
  int size_px = 40;              // --size
  int width_px = 900;            // --width
  std::optional<int> fit_height_px;  // --fit HEIGHT_PX: auto-fit into width x height
  std::string png;               // --png FILE
  text::Wrap wrap = text::Wrap::greedy;  // --wrap: a name in text::wrap_modes
  std::string text;              // TEXT, or "-" for standard input
};

struct CheckCommand {
  BoxOptions box;
  std::string show_dir;          // empty: the config's `content`, else the bundled default show
};

// annae import SOURCE: a USB stick's mount point (holding annae/) or a show folder.
struct ImportCommand {
  BoxOptions box;
  std::string source;
  std::string content_dir;       // --content DIR; empty: the config's `content`
  bool notify_player = true;     // --no-notify: do not signal the running player
  bool clean_up = false;         // --clean-up: no SOURCE; remove what interrupted copies left (at boot)
};

// annae screenshot: ask the running player for a PNG of its screen.
struct ScreenshotCommand {
  BoxOptions box;
  int timeout_ms = 5000;         // --timeout SECONDS
};

// --help or -h: the program's usage, or one verb's.
struct HelpCommand {
  std::string verb;  // empty: the whole program (annae --help)
};
struct VersionCommand {};

// A usage mistake: print `message` and the hint, exit 2.
struct UsageError {
  std::string message;
  std::string verb;  // the verb whose --help the hint names; empty: annae --help
};

using Command = std::variant<RunCommand, LayoutCommand, RenderCommand, CheckCommand, ImportCommand, ScreenshotCommand,
                             HelpCommand, VersionCommand, UsageError>;

Command parse_command_line(const std::vector<std::string>& args);  // args without argv[0]

std::optional<WallTime> parse_wall_time(const std::string& s);  // "YYYY-MM-DDTHH:MM"

// The usage, generated from the verb and option tables (app/cli_verbs.cpp):
// `verb` empty or unknown gives the program's, listing every verb.
std::string help_text(std::string_view verb = {});
// Every verb, in help order; "" is play (annae without a verb).
std::vector<std::string> verb_names();
// The option flags `verb` accepts ("--window", ...), besides --help/-h.
std::vector<std::string> option_flags(std::string_view verb);
std::string version_text();

}  // namespace annae::app
