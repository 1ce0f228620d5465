#pragma once
// Internal to the CLI: each verb is one table entry (its name, synopsis,
// summary, and a table of options, each with its flag, metavar, help and
// setter). Parsing and the help texts are both generated from these tables
// (cli.cpp), so an option cannot be accepted without being documented, nor
// documented without being accepted. The tables themselves: cli_verbs.cpp.
#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli.hpp"
#include "core/named.hpp"

namespace annae::app::cli {

// What help shows for one option.
struct OptionDoc {
  std::string_view flag;     // "--window"
  std::string_view metavar;  // "WxH"; empty: a switch that takes no value
  std::string_view help;     // may hold '\n': continuation lines, indented under the first
  // For an option whose values come from a Named table: one line per value
  // with its description (values_help<table>), shown under `help`. May be null.
  std::string (*values)() = nullptr;
};

// "NAME  description" lines for each entry of `table`, for OptionDoc::values.
template <const auto& table>
std::string values_help() {
  std::size_t width = 0;
  for (const auto& entry : table) width = std::max(width, entry.name.size());
  std::string out;
  for (const auto& entry : table) {
    out += "\n  " + std::string(entry.name) + std::string(width - entry.name.size() + 2, ' ');
    out += entry.description;
  }
  return out;
}

template <class Cmd>
struct Option {
  OptionDoc doc;
  // Stores `value` (empty for a switch) in `cmd`; returns the mistake, empty when taken.
  std::string (*set)(Cmd& cmd, const std::string& value);
};

template <class Cmd>
struct VerbSpec {
  std::string_view name;      // "render"; empty: play, what `annae` does without a verb
  std::string_view synopsis;  // after "annae NAME ": "[SHOW_DIR] --out FILE.png|DIR [OPTIONS]"
  std::string_view summary;   // may hold '\n'
  std::span<const Option<Cmd>> options;
  // Takes one argument that is not an option; `index` counts the ones before it.
  std::string (*operand)(Cmd& cmd, const std::string& arg, std::size_t index);
  // Checks the whole command once every argument is read; may be null.
  std::string (*finish)(const Cmd& cmd, std::size_t operand_count);
};

// A verb with its command type erased, for the verb table.
struct Verb {
  std::string_view name;
  std::string_view synopsis;
  std::string_view summary;
  std::vector<OptionDoc> options;
  std::function<Command(std::span<const std::string> args)> parse;  // args after the verb's name
};

// Every verb, play first. Built once; any thread.
const std::vector<Verb>& verbs();
const Verb* verb_named(std::string_view name);

// Shared by the tables and parse_wall_time.
std::optional<int> parse_int(const std::string& s, int min, int max);
std::optional<std::pair<int, int>> parse_size(const std::string& s);  // "WxH", each 64..16384

// "FLAG must be a, b or c[ NOTE], not 'value'": the mistake for a value not in `table`.
template <class Value, std::size_t N>
std::string must_be_one_of(std::string_view flag, const std::array<Named<Value>, N>& table, const std::string& value,
                           std::string_view note = {}) {
  return std::string(flag) + " must be " + names_spoken(table) + (note.empty() ? "" : " " + std::string(note)) +
         ", not '" + value + "'";
}

// The option `arg` names ("--flag" or "--flag=value"), or null.
template <class Cmd>
const Option<Cmd>* find_option(std::span<const Option<Cmd>> options, std::string_view arg) {
  const std::string_view flag = arg.substr(0, arg.find('='));
  for (const auto& option : options)
    if (option.doc.flag == flag) return &option;
  return nullptr;
}

std::string unknown_option(std::string_view verb, const std::string& arg);
bool is_help_flag(std::string_view arg);     // --help, -h
bool is_version_flag(std::string_view arg);  // --version, -V

// Reads one verb's arguments: options ("--opt VALUE", "--opt=VALUE",
// switches), operands, and "--" after which every argument is an operand
// ("-" alone is always an operand: standard input). --help or -h anywhere
// before "--" asks for the verb's help instead.
template <class Cmd>
Command parse_verb(const VerbSpec<Cmd>& spec, std::span<const std::string> args) {
  Cmd cmd;
  std::size_t operands = 0;
  bool only_operands = false;
  const auto mistake = [&spec](std::string message) -> Command {
    return UsageError{std::move(message), std::string(spec.name)};
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!only_operands && arg == "--") {
      only_operands = true;
      continue;
    }
    if (only_operands || arg.size() < 2 || arg[0] != '-') {
      if (auto error = spec.operand(cmd, arg, operands++); !error.empty()) return mistake(error);
      continue;
    }
    if (is_help_flag(arg)) return HelpCommand{std::string(spec.name)};
    if (spec.name.empty() && is_version_flag(arg)) return VersionCommand{};
    const Option<Cmd>* option = find_option(spec.options, arg);
    if (!option) return mistake(unknown_option(spec.name, arg));
    const std::size_t equals = arg.find('=');
    std::string value;
    if (option->doc.metavar.empty()) {
      if (equals != std::string::npos) return mistake(std::string(option->doc.flag) + " takes no value");
    } else if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return mistake(std::string(option->doc.flag) + " needs a value");
    }
    if (auto error = option->set(cmd, value); !error.empty()) return mistake(error);
  }
  if (spec.finish)
    if (auto error = spec.finish(cmd, operands); !error.empty()) return mistake(error);
  return cmd;
}

// The table entry for `spec`, which must outlive the table (a constant).
template <class Cmd>
Verb make_verb(const VerbSpec<Cmd>& spec) {
  Verb verb{spec.name, spec.synopsis, spec.summary, {}, {}};
  for (const auto& option : spec.options) verb.options.push_back(option.doc);
  verb.parse = [&spec](std::span<const std::string> args) { return parse_verb(spec, args); };
  return verb;
}

}  // namespace annae::app::cli
