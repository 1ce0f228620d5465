#include "app/cli.hpp"

#include <charconv>

#include "app/cli_table.hpp"

namespace annae::app {
namespace cli {

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

bool is_help_flag(std::string_view arg) { return arg == "--help" || arg == "-h"; }
bool is_version_flag(std::string_view arg) { return arg == "--version" || arg == "-V"; }

std::string unknown_option(std::string_view verb, const std::string& arg) {
  if (verb.empty()) return "unknown option: " + arg;
  return "unknown option for 'annae " + std::string(verb) + "': " + arg;
}

const Verb* verb_named(std::string_view name) {
  for (const auto& verb : verbs())
    if (verb.name == name) return &verb;
  return nullptr;
}

}  // namespace cli

namespace {

constexpr std::size_t help_column = 34;    // where verb summaries start, in characters
constexpr std::size_t option_column = 22;  // where option help starts

// `left`, padded to `column` (or on a line of its own when longer), then
// `text`, whose '\n'-separated lines are each indented to `column`.
void append_entry(std::string& out, std::string_view left, std::string_view text, std::size_t column) {
  std::string line = left.empty() ? std::string() : "  " + std::string(left);
  if (line.size() + 1 > column) {
    out += line + "\n";
    line.clear();
  }
  line.resize(column, ' ');
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += line + std::string(text.substr(start, end - start)) + "\n";
    line.assign(column, ' ');
    start = end + 1;
  }
}

std::string usage_line(const cli::Verb& verb) {
  return "annae " + (verb.name.empty() ? std::string() : std::string(verb.name) + " ") + std::string(verb.synopsis);
}

std::string verb_title(const cli::Verb& verb) { return verb.name.empty() ? "play" : std::string(verb.name); }

// The options of `verb`, --help last, each with its help.
void append_options(std::string& out, const cli::Verb& verb) {
  for (const auto& option : verb.options) {
    const std::string left =
        std::string(option.flag) + (option.metavar.empty() ? "" : " " + std::string(option.metavar));
    append_entry(out, left, std::string(option.help) + (option.values ? option.values() : ""), option_column);
  }
  append_entry(out, "-h, --help", "this help", option_column);
}

constexpr std::string_view fonts_note =
    "Fonts in the fonts/ folder (or $ANNAE_FONTS_DIR) take precedence over system fonts.\n";

std::string program_help() {
  std::string out = "annae — a kiosk player for venue lobby screens\n\nUsage:\n";
  for (const auto& verb : cli::verbs()) append_entry(out, usage_line(verb), verb.summary, help_column);
  append_entry(out, "annae --help | --version", "this help, or the version", help_column);
  append_entry(out, "annae VERB --help", "one verb's options", help_column);
  out += "\nOptions for play:\n";
  append_options(out, cli::verbs().front());
  out += "\n";
  out += fonts_note;
  return out;
}

std::string verb_help(const cli::Verb& verb) {
  std::string out = "Usage: " + usage_line(verb) + "\n\n";
  append_entry(out, "", verb.summary, 2);
  out += "\nOptions for " + verb_title(verb) + ":\n";
  append_options(out, verb);
  return out;
}

}  // namespace

std::optional<WallTime> parse_wall_time(const std::string& s) {
  // YYYY-MM-DDTHH:MM (a space instead of T is accepted too)
  if (s.size() != 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  auto year = cli::parse_int(s.substr(0, 4), 1970, 9999);
  auto month = cli::parse_int(s.substr(5, 2), 1, 12);
  auto day = cli::parse_int(s.substr(8, 2), 1, 31);
  auto hour = cli::parse_int(s.substr(11, 2), 0, 23);
  auto minute = cli::parse_int(s.substr(14, 2), 0, 59);
  if (!year || !month || !day || !hour || !minute) return std::nullopt;
  static const int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  if (*day > days_in_month[*month - 1] || (*month == 2 && *day == 29 && !leap)) return std::nullopt;
  return WallTime{*year, *month, *day, *hour * 60 + *minute};
}

Command parse_command_line(const std::vector<std::string>& argv) {
  const std::span<const std::string> args(argv);
  if (!args.empty() && !args[0].empty())
    if (const cli::Verb* verb = cli::verb_named(args[0])) return verb->parse(args.subspan(1));
  return cli::verbs().front().parse(args);  // play: no verb
}

std::string help_text(std::string_view verb) {
  if (verb.empty()) return program_help();
  const cli::Verb* named = cli::verb_named(verb);
  return named ? verb_help(*named) : program_help();
}

std::vector<std::string> verb_names() {
  std::vector<std::string> names;
  for (const auto& verb : cli::verbs()) names.emplace_back(verb.name);
  return names;
}

std::vector<std::string> option_flags(std::string_view verb) {
  std::vector<std::string> flags;
  if (const cli::Verb* named = cli::verb_named(verb))
    for (const auto& option : named->options) flags.emplace_back(option.flag);
  return flags;
}

std::string version_text() { return std::string("annae ") + ANNAE_VERSION + "\n"; }

}  // namespace annae::app
