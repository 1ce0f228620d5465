#pragma once
#include <iosfwd>

#include "app/cli.hpp"

namespace annae::app {

// `annae render`: slides to PNG through the same layout and renderer as the
// screen. Returns the exit status (0 written, 1 write failed, 2 no show/slide).
int run_render(const RenderCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace annae::app
