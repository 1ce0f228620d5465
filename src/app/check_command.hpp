#pragma once
// `annae check [SHOW_DIR]`: reads a show the way the player would and prints
// every problem, for staff to run before copying content to the screens.
#include <filesystem>
#include <ostream>

namespace annae::app {

// Prints the diagnostics grouped by file (in play order), then a summary line:
//   "ok: 14 files, 12 slides, no problems" or
//   "2 errors, 1 warning in 14 files (12 slides)".
// Returns 0 when clean, 1 when there are only warnings, 2 when there are errors.
int run_check(const std::filesystem::path& show_dir, std::ostream& out);

}  // namespace annae::app
