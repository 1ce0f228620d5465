#pragma once
// IANA time zone names, checked against ICU's time zone data.
#include <optional>
#include <string>
#include <string_view>

namespace annae::content {

bool is_known_time_zone(std::string_view name);

// A known zone close to `name` ("Asia/Seol", "seoul" → "Asia/Seoul").
std::optional<std::string> closest_time_zone(std::string_view name);

}  // namespace annae::content
