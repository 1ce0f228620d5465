#include "core/log.hpp"

#include <cstdio>
#include <mutex>
#include <string>
#include <unordered_set>

#include "core/utf8.hpp"

namespace annae::log {
namespace {

std::mutex g_mutex;
Level g_level = Level::info;
std::unordered_set<std::string> g_seen;

const char* prefix(Level level) {
  switch (level) {
    case Level::debug: return "annae: debug: ";
    case Level::info: return "annae: ";
    case Level::warning: return "annae: warning: ";
    case Level::error: return "annae: error: ";
  }
  return "annae: ";
}

// Messages quote file names, keys and values from content; escaping their
// control characters keeps each message one line in the journal and keeps
// escape sequences and bidi overrides away from the terminal.
void write_locked(Level level, std::string_view message) {
  if (level < g_level) return;
  const std::string safe = utf8::escape_controls(message);
  std::fprintf(stderr, "%s%.*s\n", prefix(level), static_cast<int>(safe.size()), safe.data());
}

}  // namespace

void set_level(Level level) {
  std::lock_guard lock(g_mutex);
  g_level = level;
}

void write(Level level, std::string_view message) {
  std::lock_guard lock(g_mutex);
  write_locked(level, message);
}

bool once(Level level, std::string_view message) {
  std::lock_guard lock(g_mutex);
  if (!g_seen.emplace(message).second) return false;
  write_locked(level, message);
  return true;
}

}  // namespace annae::log
