#pragma once
// Command-line parsing: argv in, a Command out. No side effects, so every
// option and every mistake is unit-testable.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace annae::app {

// A wall-clock moment as staff type it: --at 2020-09-25T14:20 (in the show's time zone).
struct WallTime {
  int year = 0, month = 0, day = 0;
  int minutes = 0;  // since midnight
  bool operator==(const WallTime&) const = default;
};

struct RunCommand {
  std::string show_dir;          // empty: the default show
  std::optional<std::pair<int, int>> window_size;  // --window WxH: a development window instead of fullscreen
  std::optional<WallTime> at;    // --at: a rehearsal clock starting at this moment
  std::optional<int> rotate_deg; // --rotate 0|90|180|270 (clockwise); overrides show.toml
  std::string renderer = "auto"; // --renderer auto|software|opengl|opengles2
  std::string status_file;       // --status-file PATH; empty: the default (app/status_file.hpp)
  std::optional<std::string> watch;  // --watch auto|inotify|poll; overrides show.toml
};

struct RenderCommand {
  std::string show_dir;          // empty: the default show
  std::string slide = "1";       // --slide N (1-based, play order) | ID | all
  std::pair<int, int> size{1920, 1080};  // --size WxH
  std::string out;               // --out FILE.png (one slide) or DIR (all)
  std::optional<WallTime> at;    // --at: the moment to render (agenda state, footer clock)
};

struct LayoutCommand {
  std::string font;              // --font FILE|FAMILY; empty: Noto Sans CJK KR
  int size_px = 40;              // --size
  int width_px = 900;            // --width
  std::optional<int> fit_height_px;  // --fit HEIGHT_PX: auto-fit into width x height
  std::string png;               // --png FILE
  std::string text;              // TEXT, or "-" for standard input
};

struct CheckCommand {
  std::string show_dir;
};

struct HelpCommand {};
struct VersionCommand {};

// A usage mistake: print `message` and the hint, exit 2.
struct UsageError {
  std::string message;
};

using Command = std::variant<RunCommand, LayoutCommand, RenderCommand, CheckCommand, HelpCommand, VersionCommand, UsageError>;

Command parse_command_line(const std::vector<std::string>& args);  // args without argv[0]

std::optional<WallTime> parse_wall_time(const std::string& s);  // "YYYY-MM-DDTHH:MM"

std::string help_text();
std::string version_text();

}  // namespace annae::app
