#include "app/clock.hpp"

#include "text/local_time.hpp"

namespace annae::app {

content::LocalDateTime local_date_time(std::chrono::system_clock::time_point t, std::string_view time_zone) {
  const auto local = text::to_local(t, time_zone);
  return {{local.year, local.month, local.day}, local.minutes};
}

}  // namespace annae::app
