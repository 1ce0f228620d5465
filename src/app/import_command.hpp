#pragma once
// `annae import SOURCE`: a USB stick's show (SOURCE/annae, or SOURCE itself)
// replaces the box's content folder, all at once and only when it loads
// without errors (box/import.hpp does the file work). Then it writes
// STATE/last-import.txt and signals the running player (SIGUSR2), which shows
// staff a confirmation, or why nothing changed.
#include <ostream>

#include "app/cli.hpp"

namespace annae::app {

// Exit status: 0 imported, 1 nothing to import (no show on the stick),
// 2 refused or failed (the content folder is unchanged) or a usage mistake.
int run_import(const ImportCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace annae::app
