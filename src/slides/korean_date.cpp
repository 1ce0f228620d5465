#include "slides/korean_date.hpp"

#include <cstdio>

namespace annae::slides {

std::string korean_date(const content::Date& d) {
  static const char* const weekdays[] = {"일", "월", "화", "수", "목", "금", "토"};
  return std::to_string(d.year) + "년 " + std::to_string(d.month) + "월 " + std::to_string(d.day) + "일 (" +
         weekdays[content::day_of_week(d)] + ")";
}

std::string clock_text(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24 + (minutes == 1440 ? 24 : 0), minutes % 60);
  return buf;
}

std::string time_range(int start_minutes, int end_minutes) {
  return clock_text(start_minutes) + "–" + clock_text(end_minutes);
}

}  // namespace annae::slides
