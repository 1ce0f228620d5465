#pragma once
// "Did you mean …?" for misspelt keys, kinds and file names.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace annae::content {

// Optimal-string-alignment distance: insertions, deletions, substitutions and
// swaps of neighbours each cost 1 ("titel" → "title" is 1). Bytes compared
// after ASCII lower-casing.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo.
std::optional<std::string_view> closest_match(std::string_view word, std::span<const std::string_view> candidates);

// "a, b, c" for listing the valid choices in a message.
std::string join_names(std::span<const std::string_view> names);

}  // namespace annae::content
