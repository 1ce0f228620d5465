#include "app/clock.hpp"

namespace annae::app {

text::CivilTime local_date_time(std::chrono::system_clock::time_point t, std::string_view time_zone) {
  text::CivilTime civil = text::civil_time_in_zone(t, time_zone);
  civil.seconds = 0;
  return civil;
}


}  // namespace annae::app
