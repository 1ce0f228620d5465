#pragma once
// Dates and times as Korean signage writes them.
#include <string>

#include "content/model.hpp"

namespace annae::slides {

std::string korean_date(const content::Date& d);  // "2023년 9월 26일 (화)"
std::string clock_text(int minutes);              // "14:05"
std::string time_range(int start_minutes, int end_minutes);  // "14:00–14:05"

}  // namespace annae::slides
