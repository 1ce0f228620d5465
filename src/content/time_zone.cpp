#include "content/time_zone.hpp"

#include <vector>

#include "content/suggest.hpp"
#include "text/unicode/civil_time.hpp"

namespace annae::content {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

const std::vector<std::string>& all_zones() {
  static const std::vector<std::string> zones = text::time_zone_names();
  return zones;
}

}  // namespace

bool is_known_time_zone(std::string_view name) { return text::is_known_time_zone(name); }

std::optional<std::string> closest_time_zone(std::string_view name) {
  const std::string wanted = lower(name);
  for (const auto& zone : all_zones()) {
    const std::string z = lower(zone);
    if (z == wanted || (z.size() > wanted.size() && z.ends_with("/" + wanted))) return zone;
  }
  std::vector<std::string_view> views(all_zones().begin(), all_zones().end());
  if (auto guess = closest_match(name, views)) return std::string(*guess);
  return std::nullopt;
}

}  // namespace annae::content
