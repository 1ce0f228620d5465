#include "content/datetime.hpp"

#include <array>
#include <cstdio>

namespace annae::content {

using text::CivilTime;
namespace {

constexpr std::array<const char*, 12> month_names = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at `i`; returns -1 when there are none.
int read_number(std::string_view s, std::size_t& i, std::size_t max_digits) {
  int value = 0;
  std::size_t n = 0;
  while (i < s.size() && is_digit(s[i]) && n < max_digits) {
    value = value * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n == 0 ? -1 : value;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

std::string date_problem(int year, int month, int day) {
  if (year < 1900 || year > 2200) return "is not a plausible date: the year should be like 2023";
  if (month < 1 || month > 12) return "is not a real date: months go from 1 to 12";
  const int last = days_in_month(year, month);
  if (day < 1 || day > last)
    return "is not a real date: " + std::string(month_names[static_cast<std::size_t>(month - 1)]) + " " +
           std::to_string(year) + " has " + std::to_string(last) + " days";
  return {};
}

Parsed<Date> parse_date(std::string_view text) {
  const std::string_view s = trim(text);
  std::size_t i = 0;
  const int year = read_number(s, i, 4);
  const bool year_ok = year >= 0 && i == 4;
  int month = -1, day = -1;
  if (year_ok && i < s.size() && s[i] == '-') {
    ++i;
    month = read_number(s, i, 2);
    if (month >= 0 && i < s.size() && s[i] == '-') {
      ++i;
      day = read_number(s, i, 2);
    }
  }
  if (!year_ok || month < 0 || day < 0 || i != s.size()) return {std::nullopt, "is not a date; write it like \"2023-09-26\""};
  if (auto problem = date_problem(year, month, day); !problem.empty()) return {std::nullopt, problem};
  return {Date{year, month, day}, {}};
}

Parsed<int> parse_time(std::string_view text, bool allow_end_of_day) {
  const std::string_view s = trim(text);
  const std::string format_problem = "is not a time; write it like \"14:00\" (24-hour clock)";
  std::size_t i = 0;
  const int hour = read_number(s, i, 2);
  if (hour < 0 || i >= s.size() || s[i] != ':') return {std::nullopt, format_problem};
  ++i;
  const std::size_t minute_start = i;
  const int minute = read_number(s, i, 2);
  if (minute < 0 || i - minute_start != 2) return {std::nullopt, format_problem};
  if (i < s.size() && s[i] == ':') {
    ++i;
    const std::size_t second_start = i;
    const int second = read_number(s, i, 2);
    if (second < 0 || i - second_start != 2 || second > 59) return {std::nullopt, format_problem};
  }
  if (i != s.size()) return {std::nullopt, format_problem};
  if (hour == 24 && minute == 0 && allow_end_of_day) return {24 * 60, {}};
  if (hour > 23) return {std::nullopt, "is not a time of day: hours go from 00 to 23"};
  if (minute > 59) return {std::nullopt, "is not a time of day: minutes go from 00 to 59"};
  return {hour * 60 + minute, {}};
}

Parsed<CivilTime> parse_date_time(std::string_view text, bool date_alone_means_day_end) {
  const std::string_view s = trim(text);
  const std::string format_problem = "is not a date and time; write it like \"2023-09-26 09:00\"";
  const std::size_t split = s.find_first_of(" T");
  const auto date = parse_date(s.substr(0, split));
  if (!date.value) return {std::nullopt, date.problem.starts_with("is not a date;") ? format_problem : date.problem};
  if (split == std::string_view::npos) {
    if (date_alone_means_day_end) return {CivilTime{next_day(*date.value), 0}, {}};
    return {CivilTime{*date.value, 0}, {}};
  }
  const auto time = parse_time(s.substr(split + 1), false);
  if (!time.value) return {std::nullopt, time.problem.starts_with("is not a time;") ? format_problem : time.problem};
  return {CivilTime{*date.value, *time.value}, {}};
}

Date next_day(const Date& date) {
  Date next = date;
  if (++next.day > days_in_month(next.year, next.month)) {
    next.day = 1;
    if (++next.month > 12) {
      next.month = 1;
      ++next.year;
    }
  }
  return next;
}

std::string format_time(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::string format_date(const Date& date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

}  // namespace annae::content
