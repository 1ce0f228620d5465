#pragma once
// Dates and times as staff write them ("2023-09-26", "14:00",
// "2023-09-26 09:00"). Problems come back as the end of a sentence that
// starts with the key and value, e.g. `'start' "25:00" ` + problem.
#include <optional>
#include <string>
#include <string_view>

#include "content/model.hpp"

namespace annae::content {

template <class T>
struct Parsed {
  std::optional<T> value;
  std::string problem;  // set when value is empty
};

// "2023-09-26" (month and day may have one digit).
Parsed<Date> parse_date(std::string_view text);

// Checks a date from any source (TOML's own dates too). Empty when it exists.
std::string date_problem(int year, int month, int day);

// "14:00", "9:05" or "14:00:00"; minutes since midnight. "24:00" only when
// `allow_end_of_day` (an agenda row ending at midnight). Seconds are dropped.
Parsed<int> parse_time(std::string_view text, bool allow_end_of_day);

// "2023-09-26 09:00" or "2023-09-26T09:00[:00]". A date alone means the start
// of that day, or with `date_alone_means_day_end` the start of the next day
// (so `until = "2023-09-26"` includes all of the 26th).
Parsed<text::CivilTime> parse_date_time(std::string_view text, bool date_alone_means_day_end);

Date next_day(const Date& date);
int days_in_month(int year, int month);

std::string format_time(int minutes);      // "09:05"
std::string format_date(const Date& date);  // "2023-09-26"

}  // namespace annae::content
