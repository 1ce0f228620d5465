#pragma once
// Wall-clock time in a named time zone (ICU's zone data), so an agenda in
// Asia/Seoul highlights the right row on a box whose system clock is UTC.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annae::text {

struct LocalTime {
  int year = 0, month = 0, day = 0;  // month 1..12
  int minutes = 0;                   // since local midnight
  int seconds = 0;                   // within the minute
};

// Unknown zone names fall back to UTC (callers validate names at load time).
LocalTime to_local(std::chrono::system_clock::time_point t, std::string_view time_zone);

// The UTC instant of a local wall-clock time in `time_zone`.
std::chrono::system_clock::time_point from_local(const LocalTime& local, std::string_view time_zone);

// A system zone ID (canonical or an alias of one) that ICU's data knows.
bool is_known_time_zone(std::string_view name);

// Every zone ID ICU knows ("Asia/Seoul", "ROK", ...), for suggestions.
std::vector<std::string> time_zone_names();

}  // namespace annae::text
