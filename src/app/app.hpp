#pragma once
// The running player. App owns all state; its loop is a short list of named
// steps, and each subsystem sees only what that step hands it.
#include "app/cli.hpp"

namespace annae::app {

// Plays until quit; returns the process exit status.
int run_player(const RunCommand& cmd);

}  // namespace annae::app
