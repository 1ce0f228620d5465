#pragma once
#include <iosfwd>

#include "app/cli.hpp"

namespace annae::app {

// `annae layout`: prints one output line per laid-out line (trailing spaces
// trimmed) and optionally writes a PNG. Returns the process exit status.
int run_layout(const LayoutCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace annae::app
