#include "app/cli.hpp"

#include <charconv>
#include <initializer_list>

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

// Empty when `value` is one of `allowed`; else the message "OPTION must be a, b or c[ NOTE], not 'value'".
std::string one_of(const std::string& option, const std::string& value, std::initializer_list<const char*> allowed,
                   const std::string& note = "") {
  std::string list;
  std::size_t i = 0;
  for (const char* a : allowed) {
    if (value == a) return {};
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + std::string(a);
    ++i;
  }
  return option + " must be " + list + (note.empty() ? "" : " " + note) + ", not '" + value + "'";
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

// --config FILE and --state DIR. Returns true when the current argument was one
// of them (with `error` set when its value is missing).
bool box_option(Args& args, BoxOptions& box, std::string& error) {
  std::optional<std::string> v;
  if (args.option("--config", v, error)) {
    if (v) box.config_file = *v;
    return true;
  }
  if (args.option("--state", v, error)) {
    if (v) box.state_dir = *v;
    return true;
  }
  return false;
}

Command parse_check(Args& args) {
  CheckCommand cmd;
  bool have_dir = false;
  while (!args.done()) {
    std::string error;
    if (box_option(args, cmd.box, error)) {
      if (!error.empty()) return UsageError{error};
    } else if (args.peek().rfind("-", 0) == 0) {
      return UsageError{"unknown option for 'annae check': " + args.peek()};
    } else {
      if (have_dir) return UsageError{"'annae check' takes one SHOW_DIR"};
      cmd.show_dir = args.take();
      have_dir = true;
    }
  }
  return cmd;
}

Command parse_import(Args& args) {
  ImportCommand cmd;
  bool have_source = false;
  while (!args.done()) {
    std::optional<std::string> v;
    std::string error;
    if (box_option(args, cmd.box, error)) {
      if (!error.empty()) return UsageError{error};
    } else if (args.option("--content", v, error)) {
      if (!error.empty()) return UsageError{error};
      cmd.content_dir = *v;
    } else if (args.peek() == "--no-notify") {
      args.take();
      cmd.notify_player = false;
    } else if (args.peek() == "--clean-up") {
      args.take();
      cmd.clean_up = true;
    } else if (args.peek().rfind("-", 0) == 0) {
      return UsageError{"unknown option for 'annae import': " + args.peek()};
    } else {
      if (have_source) return UsageError{"'annae import' takes one SOURCE folder"};
      cmd.source = args.take();
      have_source = true;
    }
  }
  if (cmd.clean_up && have_source) return UsageError{"'annae import --clean-up' takes no SOURCE"};
  if (!have_source && !cmd.clean_up) return UsageError{"'annae import' needs a SOURCE: a USB stick's folder holding annae/, or a show folder"};
  return cmd;
}

Command parse_screenshot(Args& args) {
  ScreenshotCommand cmd;
  while (!args.done()) {
    std::optional<std::string> v;
    std::string error;
    if (box_option(args, cmd.box, error)) {
      if (!error.empty()) return UsageError{error};
    } else if (args.option("--timeout", v, error)) {
      if (!error.empty()) return UsageError{error};
      auto s = parse_int(*v, 1, 600);
      if (!s) return UsageError{"--timeout must be a whole number of seconds from 1 to 600, not '" + *v + "'"};
      cmd.timeout_ms = *s * 1000;
    } else {
      return UsageError{"unknown argument for 'annae screenshot': " + args.peek()};
    }
  }
  return cmd;
}

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
      } else if (args.option("--wrap", v, error)) {
        if (!error.empty()) return UsageError{error};
        if (*v == "greedy") cmd.wrap = text::Wrap::greedy;
        else if (*v == "pretty") cmd.wrap = text::Wrap::pretty;
        else if (*v == "balance") cmd.wrap = text::Wrap::balance;
        else return UsageError{"--wrap must be greedy, pretty or balance, not '" + *v + "'"};
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

Command parse_render(Args& args) {
  RenderCommand cmd;
  bool have_dir = false;
  while (!args.done()) {
    std::optional<std::string> v;
    std::string error;
    if (args.option("--slide", v, error)) {
      if (!error.empty()) return UsageError{error};
      cmd.slide = *v;
    } else if (args.option("--size", v, error)) {
      if (!error.empty()) return UsageError{error};
      auto size = parse_size(*v);
      if (!size) return UsageError{"--size must look like 1920x1080, not '" + *v + "'"};
      cmd.size = *size;
    } else if (args.option("--out", v, error)) {
      if (!error.empty()) return UsageError{error};
      cmd.out = *v;
    } else if (args.option("--scene", v, error)) {
      if (!error.empty()) return UsageError{error};
      cmd.scene_out = *v;
    } else if (args.option("--at", v, error)) {
      if (!error.empty()) return UsageError{error};
      cmd.at = parse_wall_time(*v);
      if (!cmd.at) return UsageError{"--at must look like 2020-09-25T14:20, not '" + *v + "'"};
    } else if (args.peek().rfind("-", 0) == 0) {
      return UsageError{"unknown option for 'annae render': " + args.peek()};
    } else {
      if (have_dir) return UsageError{"'annae render' takes one SHOW_DIR"};
      cmd.show_dir = args.take();
      have_dir = true;
    }
  }
  if (cmd.out.empty()) return UsageError{"'annae render' needs --out FILE.png (or a folder with --slide all)"};
  return cmd;
}

}  // namespace

std::optional<WallTime> parse_wall_time(const std::string& s) {
  // YYYY-MM-DDTHH:MM (a space instead of T is accepted too)
  if (s.size() != 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  auto year = parse_int(s.substr(0, 4), 1970, 9999);
  auto month = parse_int(s.substr(5, 2), 1, 12);
  auto day = parse_int(s.substr(8, 2), 1, 31);
  auto hour = parse_int(s.substr(11, 2), 0, 23);
  auto minute = parse_int(s.substr(14, 2), 0, 59);
  if (!year || !month || !day || !hour || !minute) return std::nullopt;
  static const int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  if (*day > days_in_month[*month - 1] || (*month == 2 && *day == 29 && !leap)) return std::nullopt;
  return WallTime{*year, *month, *day, *hour * 60 + *minute};
}

Command parse_command_line(const std::vector<std::string>& argv) {
  Args args(argv);
  if (!args.done() && args.peek() == "layout") {
    args.take();
    return parse_layout(args);
  }
  if (!args.done() && args.peek() == "render") {
    args.take();
    return parse_render(args);
  }
  if (!args.done() && args.peek() == "check") {
    args.take();
    return parse_check(args);
  }
  if (!args.done() && args.peek() == "import") {
    args.take();
    return parse_import(args);
  }
  if (!args.done() && args.peek() == "screenshot") {
    args.take();
    return parse_screenshot(args);
  }
  RunCommand run;
  bool have_dir = false;
  while (!args.done()) {
    std::optional<std::string> v;
    std::string error;
    const std::string& a = args.peek();
    if (a == "--help" || a == "-h") return HelpCommand{};
    if (a == "--version" || a == "-V") return VersionCommand{};
    if (box_option(args, run.box, error)) {
      if (!error.empty()) return UsageError{error};
      continue;
    }
    if (args.option("--window", v, error)) {
      if (!error.empty()) return UsageError{error};
      auto size = parse_size(*v);
      if (!size) return UsageError{"--window must look like 1280x720, not '" + *v + "'"};
      run.window_size = size;
      continue;
    }
    if (args.option("--status-file", v, error)) {
      if (!error.empty()) return UsageError{error};
      run.status_file = *v;
      continue;
    }
    if (args.option("--watch", v, error)) {
      if (!error.empty()) return UsageError{error};
      if (auto bad = one_of("--watch", *v, {"auto", "inotify", "poll"}); !bad.empty()) return UsageError{bad};
      run.watch = *v;
      continue;
    }
    if (args.option("--renderer", v, error)) {
      if (!error.empty()) return UsageError{error};
      if (auto bad = one_of("--renderer", *v, {"auto", "software", "opengl", "opengles2"}); !bad.empty()) {
        return UsageError{bad};
      }
      run.renderer = *v;
      continue;
    }
    if (args.option("--rotate", v, error)) {
      if (!error.empty()) return UsageError{error};
      if (auto bad = one_of("--rotate", *v, {"0", "90", "180", "270"}, "(degrees clockwise)"); !bad.empty()) {
        return UsageError{bad};
      }
      run.rotate_deg = std::stoi(*v);
      continue;
    }
    if (args.option("--at", v, error)) {
      if (!error.empty()) return UsageError{error};
      run.at = parse_wall_time(*v);
      if (!run.at) return UsageError{"--at must look like 2020-09-25T14:20, not '" + *v + "'"};
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
  annae [--window WxH] [--rotate DEG] [--renderer R] [--at TIME] [SHOW_DIR]
                                    play a show fullscreen (default: the config's content
                                    folder, else the bundled content/)
  annae render [SHOW_DIR] --out FILE.png|DIR [--slide N|ID|all] [--size WxH] [--at TIME]
               [--scene FILE.json]
                                    draw slides to PNG exactly as the screen shows them
  annae check [SHOW_DIR]            check a show's files; exit 0 clean, 1 warnings, 2 errors
  annae import SOURCE [--content DIR]
                                    copy a show from a USB stick (SOURCE/annae) or a folder
                                    into the content folder, all at once, only if it is clean;
                                    exit 0 imported, 1 nothing to import, 2 refused (nothing changed)
  annae import --clean-up [--content DIR]
                                    remove what an interrupted import or rsync push left
                                    (annae-tidy.service does it at every boot)
  annae screenshot [--timeout S]    make the running player write STATE/screenshot.png
  annae layout [OPTIONS] [--] TEXT  print how TEXT breaks into lines (TEXT - reads standard input)
  annae --help | --version

Options for play, check, import and screenshot:
  --config FILE    the box's settings (default: $ANNAE_CONFIG, else /etc/annae/annae.toml if present)
  --state DIR      where status.json, screenshot.png and last-import.txt live (default: the
                   config's `state`, else $XDG_STATE_HOME/annae)

Options for play:
  --window WxH     a development window (Esc quits) instead of fullscreen
  --rotate DEG     turn the picture 0, 90, 180 or 270 degrees clockwise, for a screen mounted on its side
  --renderer R     auto (a GPU if there is a real one, else software), software, opengl or opengles2
  --watch MODE     how to notice copied files: auto (inotify, polling on network shares), inotify, poll
  --status-file F  where to write the status (default STATE/status.json)
  --at TIME        rehearse: run the clock from TIME (YYYY-MM-DDTHH:MM, the show's time zone)

Options for render:
  --slide N|ID|all which slide (N counts from 1 in play order; all: every slide and page)
  --size WxH       image size (default 1920x1080; 1080x1920 for a portrait screen)
  --out FILE|DIR   the PNG, or a folder for --slide all
  --at TIME        render as at that moment (agenda highlight, footer clock)
  --scene FILE     also write the laid-out scene of each page drawn as JSON: every text's
                   type-scale role, font, weight, size and lines, every shape and image, in px

Options for layout:
  --font FILE|FAMILY   font file or family (default: Noto Sans CJK KR)
  --size PX            font size in pixels (default 40)
  --width PX           line width in pixels (default 900)
  --fit HEIGHT_PX      shrink the text to fit WIDTH x HEIGHT, truncating with … below the floor
  --png FILE           also draw the laid-out text to a PNG
  --wrap MODE          greedy (default: each line as full as it can be), pretty (the whole
                       paragraph at once: even lines, no lone last 어절) or balance (titles:
                       lines of about the same width); never more lines than greedy

Fonts in the fonts/ folder (or $ANNAE_FONTS_DIR) take precedence over system fonts.
)";
}

std::string version_text() { return std::string("annae ") + ANNAE_VERSION + "\n"; }

}  // namespace annae::app
