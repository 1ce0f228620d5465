#pragma once
// Logging to standard error (systemd puts it in the journal). One line per
// message, prefixed with the level. Not thread-safe across concurrent writers
// of the same message; lines from different threads do not interleave.
#include <string_view>

namespace annae::log {

enum class Level { debug, info, warning, error };

// Messages below this level are dropped. Default: info.
void set_level(Level level);

void write(Level level, std::string_view message);
inline void debug(std::string_view m) { write(Level::debug, m); }
inline void info(std::string_view m) { write(Level::info, m); }
inline void warning(std::string_view m) { write(Level::warning, m); }
inline void error(std::string_view m) { write(Level::error, m); }

// Logs `message` only the first time this exact text is seen in the process,
// so an error repeated every frame or every reload appears once in the journal.
// Returns true when it was logged.
bool once(Level level, std::string_view message);

}  // namespace annae::log
