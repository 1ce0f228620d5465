#pragma once
// Tables of named values: the one place an enum's spellings live.
//
// Every enum that people write by name (in show.toml, the box's settings,
// on the command line) has exactly one constexpr table of Named entries in
// the layer that owns the enum. Parsers, usage text, messages and tests all
// read that table, so a new value is added in one line and cannot be
// forgotten by a message or a help text. Header-only and allocation-free
// except for the list strings meant for messages.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace annae {

template <class Value>
struct Named {
  std::string_view name;         // as people write it: "inotify", "high-contrast"
  Value value;
  std::string_view description;  // one line for help texts, without a final full stop
};

// The value written as `name` (exact, case-sensitive), or none.
template <class Value, std::size_t N>
constexpr std::optional<Value> value_named(const std::array<Named<Value>, N>& table, std::string_view name) {
  for (const auto& entry : table)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

// The name of `value`; empty when the table lacks it (a table that covers its
// enum, which each owner static_asserts, never returns empty).
template <class Value, std::size_t N>
constexpr std::string_view name_of(const std::array<Named<Value>, N>& table, Value value) {
  for (const auto& entry : table)
    if (entry.value == value) return entry.name;
  return {};
}

// Just the names, in table order: for closest-match suggestions and
// TableReader::choice, which take a span of names.
template <class Value, std::size_t N>
constexpr std::array<std::string_view, N> names_of(const std::array<Named<Value>, N>& table) {
  std::array<std::string_view, N> names{};
  for (std::size_t i = 0; i < N; ++i) names[i] = table[i].name;
  return names;
}

// True when table[i].*key == i for every i: a table indexed by an enum is in
// enum order and has no gap (a missing entry would be value-initialized to 0
// and fail). For static_assert next to any table indexed by an enum.
template <class Entry, std::size_t N, class Enum>
constexpr bool indexed_by(const std::array<Entry, N>& table, Enum Entry::*key) {
  for (std::size_t i = 0; i < N; ++i)
    if (static_cast<std::size_t>(table[i].*key) != i) return false;
  return true;
}

// The table is in enum order and covers an enum of N values, so name_of never misses.
template <class Value, std::size_t N>
constexpr bool in_enum_order(const std::array<Named<Value>, N>& table) {
  return indexed_by(table, &Named<Value>::value);
}

// "a, b, c": the list in diagnostics ("is not one of: a, b, c").
template <class Value, std::size_t N>
std::string names_list(const std::array<Named<Value>, N>& table) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) out += (i == 0 ? "" : ", ") + std::string(table[i].name);
  return out;
}

// "a, b or c": the list in a sentence ("--watch must be auto, inotify or poll").
template <class Value, std::size_t N>
std::string names_spoken(const std::array<Named<Value>, N>& table) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(table[i].name);
  return out;
}

}  // namespace annae
