// Every option and every mistake on the command line.
#include <doctest/doctest.h>

#include "app/cli.hpp"
#include "app/renderer_choice.hpp"
#include "content/setting_names.hpp"
#include "text/wrap_names.hpp"

using namespace annae::app;

namespace {

template <class T>
T as(const Command& c) {  // by value: callers pass temporaries
  REQUIRE(std::holds_alternative<T>(c));
  return std::get<T>(c);
}

std::string usage_error(const std::vector<std::string>& args) {
  const Command c = parse_command_line(args);
  REQUIRE(std::holds_alternative<UsageError>(c));
  return std::get<UsageError>(c).message;
}

}  // namespace

TEST_CASE("playing a show") {
  CHECK(as<RunCommand>(parse_command_line({})).show_dir.empty());                           // default show
  CHECK(as<RunCommand>(parse_command_line({"/srv/show"})).show_dir == "/srv/show");         // a folder
  const auto w = as<RunCommand>(parse_command_line({"--window", "1280x720"})).window_size;  // development window
  REQUIRE(w);
  CHECK(*w == std::pair{1280, 720});
  CHECK(as<RunCommand>(parse_command_line({"--window=1080x1920", "show"})).window_size == std::pair{1080, 1920});
}

TEST_CASE("rehearsal clock, rotation and headless render") {
  const auto run = as<RunCommand>(parse_command_line({"--at", "2020-09-25T14:20", "--rotate", "90"}));
  CHECK(run.at == WallTime{2020, 9, 25, 14 * 60 + 20});
  CHECK(run.rotate_deg == 90);
  const auto r = as<RenderCommand>(parse_command_line(
      {"render", "content", "--slide", "all", "--size", "1080x1920", "--out", "out", "--at", "2023-09-26 14:00"}));
  CHECK(r.show_dir == "content");
  CHECK(r.slide == "all");
  CHECK(r.size == std::pair{1080, 1920});
  CHECK(r.out == "out");
  CHECK(r.at == WallTime{2023, 9, 26, 14 * 60});
  CHECK(as<RenderCommand>(parse_command_line({"render", "--out", "a.png"})).slide == "1");  // the first slide by default
}

TEST_CASE("live updates and status options") {
  const auto run = as<RunCommand>(parse_command_line({"--watch", "poll", "--status-file", "/var/lib/annae/state/status.json"}));
  CHECK(run.watch == "poll");
  CHECK(run.status_file == "/var/lib/annae/state/status.json");
  CHECK(usage_error({"--watch", "sometimes"}) == "--watch must be auto, inotify or poll, not 'sometimes'");
}

TEST_CASE("the box's settings file, state folder, import and screenshot") {
  const auto run = as<RunCommand>(parse_command_line({"--config", "/etc/annae/annae.toml", "--state=/run/annae"}));
  CHECK(run.box.config_file == "/etc/annae/annae.toml");  // what the systemd unit passes
  CHECK(run.box.state_dir == "/run/annae");
  CHECK_FALSE(run.renderer);  // unset: the config file decides, else auto
  const auto check = as<CheckCommand>(parse_command_line({"check", "--config", "box.toml", "show"}));
  CHECK(check.box.config_file == "box.toml");
  CHECK(check.show_dir == "show");
  const auto imp = as<ImportCommand>(parse_command_line({"import", "/media/usb", "--content", "/srv/content"}));
  CHECK(imp.source == "/media/usb");  // the stick's mount point
  CHECK(imp.content_dir == "/srv/content");
  CHECK(imp.notify_player);
  CHECK_FALSE(as<ImportCommand>(parse_command_line({"import", "--no-notify", "x"})).notify_player);
  CHECK(as<ScreenshotCommand>(parse_command_line({"screenshot"})).timeout_ms == 5000);
  CHECK(as<ScreenshotCommand>(parse_command_line({"screenshot", "--timeout", "20", "--state", "s"})).timeout_ms == 20000);
}

TEST_CASE("help and version") {
  CHECK(std::holds_alternative<HelpCommand>(parse_command_line({"--help"})));
  CHECK(std::holds_alternative<HelpCommand>(parse_command_line({"-h"})));
  CHECK(std::holds_alternative<VersionCommand>(parse_command_line({"--version"})));
  CHECK(version_text().starts_with("annae "));
  CHECK(help_text().find("annae layout") != std::string::npos);
}

TEST_CASE("annae layout options") {
  const auto d = as<LayoutCommand>(parse_command_line({"layout", "국토"}));
  CHECK(d.size_px == 40);  // defaults from the issue
  CHECK(d.width_px == 900);
  CHECK(d.font.empty());
  CHECK_FALSE(d.fit_height_px);
  CHECK(d.wrap == annae::text::Wrap::greedy);
  CHECK(as<LayoutCommand>(parse_command_line({"layout", "--wrap", "pretty", "국토"})).wrap == annae::text::Wrap::pretty);
  CHECK(as<LayoutCommand>(parse_command_line({"layout", "--wrap=balance", "국토"})).wrap == annae::text::Wrap::balance);
  const auto all = as<LayoutCommand>(parse_command_line(
      {"layout", "--font", "NanumGothic", "--size=60", "--width", "500", "--fit", "300", "--png", "o.png", "--", "-x"}));
  CHECK(all.font == "NanumGothic");
  CHECK(all.size_px == 60);
  CHECK(all.width_px == 500);
  CHECK(all.fit_height_px == 300);
  CHECK(all.png == "o.png");
  CHECK(all.text == "-x");  // after --, text may start with a dash
  CHECK(as<LayoutCommand>(parse_command_line({"layout", "-"})).text == "-");  // standard input
}

TEST_CASE("mistakes are usage errors with a clear message") {
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const Case cases[] = {
      {{"--bogus"}, "unknown option: --bogus"},                                        // unknown option
      {{"--window", "big"}, "--window must look like 1280x720, not 'big'"},             // bad size
      {{"--window"}, "--window needs a value"},                                        // missing value
      {{"a", "b"}, "annae plays one show folder; got a second one: b"},                // two folders
      {{"layout"}, "'annae layout' needs a TEXT to lay out (or - to read standard input)"},
      {{"layout", "--size", "0", "x"}, "--size must be a whole number of pixels from 1 to 2000, not '0'"},
      {{"layout", "--width", "wide", "x"}, "--width must be a whole number of pixels, not 'wide'"},
      {{"layout", "--frobnicate", "x"}, "unknown option for 'annae layout': --frobnicate"},
      {{"layout", "--wrap", "justify", "x"}, "--wrap must be greedy, pretty or balance, not 'justify'"},
      {{"layout", "a", "b"}, "'annae layout' takes one TEXT (quote it, or use - to read standard input)"},
      {{"check", "a", "b"}, "'annae check' takes one SHOW_DIR"},
      {{"check", "--config"}, "--config needs a value"},
      {{"import"}, "'annae import' needs a SOURCE: a USB stick's folder holding annae/, or a show folder"},
      {{"import", "a", "b"}, "'annae import' takes one SOURCE folder"},
      {{"import", "--force", "a"}, "unknown option for 'annae import': --force"},
      {{"screenshot", "now"}, "unknown argument for 'annae screenshot': now"},
      {{"screenshot", "--timeout", "0"}, "--timeout must be a whole number of seconds from 1 to 600, not '0'"},
      {{"--at", "2023-02-30T10:00"}, "--at must look like 2020-09-25T14:20, not '2023-02-30T10:00'"},  // no such day
      {{"--at", "14:20"}, "--at must look like 2020-09-25T14:20, not '14:20'"},
      {{"--rotate", "45"}, "--rotate must be 0, 90, 180 or 270 (degrees clockwise), not '45'"},
      {{"render", "content"}, "'annae render' needs --out FILE.png (or a folder with --slide all)"},
      {{"render", "--size", "big", "--out", "x"}, "--size must look like 1920x1080, not 'big'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.message);
    CHECK(usage_error(c.args) == c.message);
  }
}

// ---- the verb and option tables (app/cli_verbs.cpp) --------------------------

namespace {

std::vector<std::string> with_verb(const std::string& verb, std::vector<std::string> args) {
  if (!verb.empty()) args.insert(args.begin(), verb);
  return args;
}

}  // namespace

TEST_CASE("the verbs are the ones main() runs") {
  CHECK(verb_names() == std::vector<std::string>{"", "render", "check", "import", "screenshot", "layout"});
}

TEST_CASE("every verb answers --help and -h with its usage, naming each of its options") {
  for (const std::string& verb : verb_names()) {
    for (const char* flag : {"--help", "-h"}) {
      CAPTURE(verb);
      CAPTURE(flag);
      const auto help = as<HelpCommand>(parse_command_line(with_verb(verb, {flag})));
      CHECK(help.verb == verb);
      const std::string text = help_text(help.verb);
      CHECK(text.find("annae " + (verb.empty() ? "" : verb + " ")) != std::string::npos);
      CHECK(text.find("--help") != std::string::npos);
      for (const std::string& option : option_flags(verb)) {
        CAPTURE(option);
        CHECK(text.find(option) != std::string::npos);
      }
    }
    CHECK(help_text().find("annae " + verb) != std::string::npos);  // the program's help lists every verb
  }
  CHECK(as<HelpCommand>(parse_command_line({"render", "content", "--help"})).verb == "render");  // anywhere
  CHECK(as<LayoutCommand>(parse_command_line({"layout", "--", "-h"})).text == "-h");           // after --: text
}

TEST_CASE("every verb refuses an unknown option, naming it") {
  for (const std::string& verb : verb_names()) {
    CAPTURE(verb);
    const std::string message = usage_error(with_verb(verb, {"--no-such-option", "x"}));
    CHECK(message.starts_with("unknown option"));
    CHECK(message.ends_with(": --no-such-option"));
    const Command c = parse_command_line(with_verb(verb, {"--no-such-option"}));
    CHECK(std::get<UsageError>(c).verb == verb);  // main's hint: "Try 'annae VERB --help'."
  }
}

TEST_CASE("enum options take every name of their table and refuse others with the table's names") {
  for (const auto& mode : annae::content::watch_modes)
    CHECK(as<RunCommand>(parse_command_line({"--watch", std::string(mode.name)})).watch == std::string(mode.name));
  for (const auto& renderer : renderer_choices)
    CHECK(as<RunCommand>(parse_command_line({"--renderer=" + std::string(renderer.name)})).renderer ==
          std::string(renderer.name));
  for (const auto& wrap : annae::text::wrap_modes)
    CHECK(as<LayoutCommand>(parse_command_line({"layout", "--wrap", std::string(wrap.name), "x"})).wrap == wrap.value);

  struct Case {
    std::vector<std::string> args;
    std::string flag;
    std::vector<std::string_view> names;
  };
  const auto names = [](const auto& table) {
    std::vector<std::string_view> out;
    for (const auto& entry : table) out.push_back(entry.name);
    return out;
  };
  const Case cases[] = {
      {{"--watch", "sometimes"}, "--watch", names(annae::content::watch_modes)},
      {{"--renderer", "vulkan"}, "--renderer", names(renderer_choices)},
      {{"layout", "--wrap", "justify", "x"}, "--wrap", names(annae::text::wrap_modes)},
  };
  for (const auto& c : cases) {
    CAPTURE(c.flag);
    const std::string message = usage_error(c.args);
    CHECK(message.starts_with(c.flag + " must be "));
    for (auto name : c.names) CHECK(message.find(name) != std::string::npos);
    CHECK(help_text(c.args[0] == "layout" ? "layout" : "").find(std::string(c.names.back())) != std::string::npos);
  }
  CHECK(usage_error({"--watch", "sometimes"}) ==
        "--watch must be " + annae::names_spoken(annae::content::watch_modes) + ", not 'sometimes'");
}

TEST_CASE("a switch takes no value") {
  CHECK(usage_error({"import", "--no-notify=yes", "x"}) == "--no-notify takes no value");
}
