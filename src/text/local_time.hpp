#pragma once
// Deprecated: the old names of text/unicode/civil_time.hpp, kept only for
// src/app/player_app.hpp and src/app/player_content.cpp until their owner
// moves them to CivilTime, civil_time_in_zone() and instant_in_zone().
// New code includes text/unicode/civil_time.hpp.
#include "text/unicode/civil_time.hpp"

namespace annae::text {

// Same layout as before by brace elision: LocalTime{year, month, day, minutes, seconds}.
using LocalTime = CivilTime;

inline std::chrono::system_clock::time_point from_local(const LocalTime& local, std::string_view time_zone) {
  return instant_in_zone(local, time_zone);
}

}  // namespace annae::text
