#pragma once
// `annae screenshot`: asks the running player (SIGUSR1) for a PNG of exactly
// what its screen shows, waits for STATE/screenshot.png to be replaced and
// prints its path — a technician's look at a screen over ssh.
#include <ostream>

#include "app/cli.hpp"

namespace annae::app {

inline constexpr const char* screenshot_file_name = "screenshot.png";

// 0 with the path printed; 2 when no player runs or none answered in time.
int run_screenshot(const ScreenshotCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace annae::app
