#include "app/cli.hpp"

#include <charconv>

namespace annae::app {
namespace {

std::optional<int> parse_int(const std::string& s, int min, int max) {
  int value = 0;
  const auto* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) return std::nullopt;
  return value;
}

std::optional<std::pair<int, int>> parse_size(const std::string& s) {
  const auto x = s.find('x');
  if (x == std::string::npos) return std::nullopt;
  auto w = parse_int(s.substr(0, x), 64, 16384);
  auto h = parse_int(s.substr(x + 1), 64, 16384);
  if (!w || !h) return std::nullopt;
  return std::pair{*w, *h};
}

// Walks the arguments; options that take a value accept "--opt VALUE" and "--opt=VALUE".
class Args {
 public:
  explicit Args(const std::vector<std::string>& args) : args_(args) {}
  bool done() const { return i_ >= args_.size(); }
  const std::string& peek() const { return args_[i_]; }
  std::string take() { return args_[i_++]; }
  // If the current argument is `name` or `name=...`, consumes it and its value.
  bool option(const std::string& name, std::optional<std::string>& value, std::string& error) {
    const std::string& a = args_[i_];
    if (a == name) {
      if (i_ + 1 >= args_.size()) {
        error = name + " needs a value";
        ++i_;
        return true;
      }
      value = args_[i_ + 1];
      i_ += 2;
      return true;
    }
    if (a.rfind(name + "=", 0) == 0) {
      value = a.substr(name.size() + 1);
      ++i_;
      return true;
    }
    return false;
  }

 private:
  const std::vector<std::string>& args_;
  std::size_t i_ = 0;
};

Command parse_layout(Args& args) {
  LayoutCommand cmd;
  bool have_text = false;
  bool only_text = false;
  while (!args.done()) {
    std::optional<std::string> v;
    std::string error;
    if (!only_text && args.peek() == "--") {
      args.take();
      only_text = true;
      continue;
    }
    if (!only_text && args.peek().size() > 1 && args.peek()[0] == '-' && args.peek() != "-") {
      if (args.option("--font", v, error)) {
        if (!error.empty()) return UsageError{error};
        cmd.font = *v;
      } else if (args.option("--size", v, error)) {
        if (!error.empty()) return UsageError{error};
        auto n = parse_int(*v, 1, 2000);
        if (!n) return UsageError{"--size must be a whole number of pixels from 1 to 2000, not '" + *v + "'"};
        cmd.size_px = *n;
      } else if (args.option("--width", v, error)) {
        if (!error.empty()) return UsageError{error};
        auto n = parse_int(*v, 1, 100000);
        if (!n) return UsageError{"--width must be a whole number of pixels, not '" + *v + "'"};
        cmd.width_px = *n;
      } else if (args.option("--fit", v, error)) {
        if (!error.empty()) return UsageError{error};
        auto n = parse_int(*v, 1, 100000);
        if (!n) return UsageError{"--fit must be a height in whole pixels, not '" + *v + "'"};
        cmd.fit_height_px = *n;
      } else if (args.option("--png", v, error)) {
        if (!error.empty()) return UsageError{error};
        cmd.png = *v;
      } else {
        return UsageError{"unknown option for 'annae layout': " + args.peek()};
      }
      continue;
    }
    if (have_text) return UsageError{"'annae layout' takes one TEXT (quote it, or use - to read standard input)"};
    cmd.text = args.take();
    have_text = true;
  }
  if (!have_text) return UsageError{"'annae layout' needs a TEXT to lay out (or - to read standard input)"};
  return cmd;
}

}  // namespace

Command parse_command_line(const std::vector<std::string>& argv) {
  Args args(argv);
  if (!args.done() && args.peek() == "layout") {
    args.take();
    return parse_layout(args);
  }
  if (!args.done() && args.peek() == "check") {
    args.take();
    CheckCommand cmd;
    if (!args.done()) {
      if (args.peek().rfind("-", 0) == 0) return UsageError{"unknown option for 'annae check': " + args.peek()};
      cmd.show_dir = args.take();
    }
    if (!args.done()) return UsageError{"'annae check' takes one SHOW_DIR"};
    return cmd;
  }
  RunCommand run;
  bool have_dir = false;
  while (!args.done()) {
    std::optional<std::string> v;
    std::string error;
    const std::string& a = args.peek();
    if (a == "--help" || a == "-h") return HelpCommand{};
    if (a == "--version" || a == "-V") return VersionCommand{};
    if (args.option("--window", v, error)) {
      if (!error.empty()) return UsageError{error};
      auto size = parse_size(*v);
      if (!size) return UsageError{"--window must look like 1280x720, not '" + *v + "'"};
      run.window_size = size;
      continue;
    }
    if (a.rfind("-", 0) == 0) return UsageError{"unknown option: " + a};
    if (have_dir) return UsageError{"annae plays one show folder; got a second one: " + a};
    run.show_dir = args.take();
    have_dir = true;
  }
  return run;
}

std::string help_text() {
  return R"(annae — a kiosk player for venue lobby screens

Usage:
  annae [--window WxH] [SHOW_DIR]   play a show fullscreen (default: the bundled content/)
  annae check [SHOW_DIR]            check a show's files; exit 0 clean, 1 warnings, 2 errors
  annae layout [OPTIONS] [--] TEXT  print how TEXT breaks into lines (TEXT - reads standard input)
  annae --help | --version

Options for play:
  --window WxH     a development window (Esc quits) instead of fullscreen

Options for layout:
  --font FILE|FAMILY   font file or family (default: Noto Sans CJK KR)
  --size PX            font size in pixels (default 40)
  --width PX           line width in pixels (default 900)
  --fit HEIGHT_PX      shrink the text to fit WIDTH x HEIGHT, truncating with … below the floor
  --png FILE           also draw the laid-out text to a PNG

Fonts in the fonts/ folder (or $ANNAE_FONTS_DIR) take precedence over system fonts.
)";
}

std::string version_text() { return std::string("annae ") + ANNAE_VERSION + "\n"; }

}  // namespace annae::app
