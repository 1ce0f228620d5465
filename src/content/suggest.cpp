#include "content/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace annae::content {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  // Three rows suffice for the swap rule.
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<std::string_view> closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  if (word.empty() || word.size() > 64) return std::nullopt;
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (auto candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  if (best_distance > 3 && word.size() >= 3) {
    // "forum" for "forum-2023": one candidate that starts with the word.
    std::optional<std::string_view> only;
    for (auto candidate : candidates) {
      if (candidate.size() > word.size() && edit_distance(candidate.substr(0, word.size()), word) == 0) {
        if (only) return std::nullopt;
        only = candidate;
      }
    }
    if (only) return only;
  }
  // Short words need a close match, or every two-letter key "means" another.
  const std::size_t shorter = std::min(word.size(), best->size());
  const std::size_t allowed = shorter <= 3 ? 1 : shorter <= 6 ? 2 : 3;
  if (best_distance > allowed || best_distance >= word.size()) return std::nullopt;
  return best;
}

std::string join_names(std::span<const std::string_view> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

}  // namespace annae::content
