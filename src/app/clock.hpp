#pragma once
// The player's clock: the system clock, or a rehearsal clock that starts at
// a chosen moment (--at) and runs at normal speed from there.
#include <chrono>
#include <optional>
#include <string_view>

#include "app/cli.hpp"
#include "text/unicode/civil_time.hpp"

namespace annae::app {

class Clock {
 public:
  Clock() = default;
  explicit Clock(std::chrono::system_clock::time_point rehearsal_start)
      : rehearsal_start_(rehearsal_start), started_(std::chrono::steady_clock::now()) {}

  std::chrono::system_clock::time_point now() const {
    if (!rehearsal_start_) return std::chrono::system_clock::now();
    return *rehearsal_start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                   std::chrono::steady_clock::now() - started_);
  }

 private:
  std::optional<std::chrono::system_clock::time_point> rehearsal_start_;
  std::chrono::steady_clock::time_point started_;
};

// `t` as wall-clock time in `time_zone`, to the minute (seconds are 0): the
// "now" of slide layout, so a page laid out twice within a minute is the same page.
text::CivilTime local_date_time(std::chrono::system_clock::time_point t, std::string_view time_zone);

}  // namespace annae::app
