// Civil time (text/unicode/civil_time.hpp): the one conversion between an
// instant and a wall clock in a zone, for events, the footer and the night.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "text/unicode/civil_time.hpp"

using annae::text::CivilTime;
using namespace std::chrono;

namespace {

// 2023-09-26 05:30:15 UTC, i.e. 14:30:15 in Seoul (UTC+9, no daylight saving).
const system_clock::time_point forum_morning = sys_days{2023y / 9 / 26} + 5h + 30min + 15s;

// Sets the box's own zone (as TZ does for a service) for one test.
struct BoxZone {
  explicit BoxZone(const char* zone) {
    if (const char* old = std::getenv("TZ")) saved = old;
    setenv("TZ", zone, 1);
    tzset();
  }
  ~BoxZone() {
    if (saved.empty()) unsetenv("TZ");
    else setenv("TZ", saved.c_str(), 1);
    tzset();
  }
  std::string saved;
};

}  // namespace

TEST_CASE("an instant as a wall clock in a named zone, and back") {
  const CivilTime seoul = annae::text::civil_time_in_zone(forum_morning, "Asia/Seoul");
  CHECK(seoul == CivilTime{{2023, 9, 26}, 14 * 60 + 30, 15});
  CHECK(annae::text::instant_in_zone(seoul, "Asia/Seoul") == forum_morning);
  CHECK(annae::text::civil_time_in_zone(forum_morning, "UTC") == CivilTime{2023, 9, 26, 5 * 60 + 30, 15});
  // The same wall clock is a different instant in another zone.
  CHECK(annae::text::instant_in_zone(seoul, "UTC") - forum_morning == 9h);
}

TEST_CASE("a date change between zones, and an unknown zone as UTC") {
  const auto late = sys_days{2023y / 12 / 31} + 20h;  // 05:00 on 1 January in Seoul
  CHECK(annae::text::civil_time_in_zone(late, "Asia/Seoul") == CivilTime{{2024, 1, 1}, 5 * 60});
  CHECK(annae::text::civil_time_in_zone(late, "Mars/Olympus") == CivilTime{{2023, 12, 31}, 20 * 60});
}

TEST_CASE("times are ordered by date, then minute, then second") {
  CHECK(CivilTime{{2023, 9, 26}, 600} < CivilTime{{2023, 9, 27}, 0});
  CHECK(CivilTime{{2023, 9, 26}, 600, 59} < CivilTime{{2023, 9, 26}, 601});
}

TEST_CASE("minute and second of the day, in a zone or the box's own") {
  CHECK(annae::text::minute_of_day_in_zone(forum_morning, "Asia/Seoul") == 14 * 60 + 30);
  CHECK(annae::text::second_of_day_in_zone(forum_morning, "Asia/Seoul") == (14 * 60 + 30) * 60 + 15);
  BoxZone box("Europe/Berlin");  // UTC+2 in September (daylight saving)
  CHECK(annae::text::minute_of_day_in_zone(forum_morning, "") == 7 * 60 + 30);
  const CivilTime local = annae::text::civil_time_in_zone(forum_morning, "");
  CHECK(annae::text::instant_in_zone(local, "") == forum_morning);
}

TEST_CASE("zone names are checked against ICU's data") {
  CHECK(annae::text::is_known_time_zone("Asia/Seoul"));
  CHECK(annae::text::is_known_time_zone("ROK"));  // an alias
  CHECK_FALSE(annae::text::is_known_time_zone("Asia/Seol"));
  CHECK_FALSE(annae::text::is_known_time_zone(""));
  CHECK(annae::text::time_zone_names().size() > 300);
}
