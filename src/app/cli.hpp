#pragma once
// Command-line parsing: argv in, a Command out. No side effects, so every
// option and every mistake is unit-testable.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace annae::app {

struct RunCommand {
  std::string show_dir;          // empty: the default show
  std::optional<std::pair<int, int>> window_size;  // --window WxH: a development window instead of fullscreen
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

using Command = std::variant<RunCommand, LayoutCommand, CheckCommand, HelpCommand, VersionCommand, UsageError>;

Command parse_command_line(const std::vector<std::string>& args);  // args without argv[0]

std::string help_text();
std::string version_text();

}  // namespace annae::app
