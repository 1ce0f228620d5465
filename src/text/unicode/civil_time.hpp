#pragma once
// Civil (wall-clock) time: the one date-time type of the product, and the one
// place where an instant becomes a date and a time of day in a zone and back.
// Event times in content files, the agenda's "now", the footer clock, --at
// and the box's night schedule all use it. Zones are IANA names resolved with
// ICU's zone data, so an agenda in Asia/Seoul highlights the right row on a
// box whose system clock is UTC.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace annae::text {

// A calendar date, proleptic Gregorian. Not validated here (see
// content/datetime.hpp for what staff may write).
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const CivilDate&) const = default;
};

// A date and a time of day, in a zone the holder knows (a slide's event zone,
// the box's own). Ordered by date, then minutes, then seconds.
// `CivilTime{{2023, 9, 26}, 14 * 60}` and, by brace elision,
// `CivilTime{2023, 9, 26, 14 * 60}` are 2023-09-26 14:00:00.
struct CivilTime {
  CivilDate date;
  int minutes = 0;  // since midnight, 0..1439
  int seconds = 0;  // within the minute, 0..59; 0 for times staff write

  auto operator<=>(const CivilTime&) const = default;
};

// `time_zone` names an IANA zone ("Asia/Seoul"); an empty name means the
// box's own zone (TZ, /etc/localtime, as localtime_r sees it). An unknown
// name falls back to UTC (callers validate names at load time).
// Precision: whole seconds (the fraction is dropped).
CivilTime civil_time_in_zone(std::chrono::system_clock::time_point t, std::string_view time_zone);

// The instant at which `civil` is shown on a clock in `time_zone` (same
// naming as above). A time skipped by a daylight-saving change resolves as
// ICU's lenient calendar does (forward by the gap).
std::chrono::system_clock::time_point instant_in_zone(const CivilTime& civil, std::string_view time_zone);

// Minutes since midnight, 0..1439, in `zone_or_empty_for_box_local` at `t`
// (the box's night schedule).
int minute_of_day_in_zone(std::chrono::system_clock::time_point t, std::string_view zone_or_empty_for_box_local);

// Seconds since midnight, 0..86399, likewise (for waking up on the minute).
int second_of_day_in_zone(std::chrono::system_clock::time_point t, std::string_view zone_or_empty_for_box_local);

// A system zone ID (canonical or an alias of one) that ICU's data knows.
bool is_known_time_zone(std::string_view name);

// Every zone ID ICU knows ("Asia/Seoul", "ROK", ...), for suggestions.
std::vector<std::string> time_zone_names();

}  // namespace annae::text
