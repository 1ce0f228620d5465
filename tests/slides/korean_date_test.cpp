#include <doctest/doctest.h>

#include "slides/korean_date.hpp"

TEST_CASE("dates and times as Korean signage writes them") {
  using annae::content::Date;
  CHECK(annae::slides::korean_date(Date{2023, 9, 26}) == "2023년 9월 26일 (화)");  // the forum, a Tuesday
  CHECK(annae::slides::korean_date(Date{2020, 9, 25}) == "2020년 9월 25일 (금)");  // the seminar, a Friday
  CHECK(annae::slides::clock_text(14 * 60 + 5) == "14:05");
  CHECK(annae::slides::clock_text(9 * 60) == "09:00");
  CHECK(annae::slides::time_range(14 * 60, 14 * 60 + 5) == "14:00–14:05");
}
