#include "box/running_player.hpp"

#include <signal.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "box/status_file.hpp"
#include "core/files.hpp"

namespace annae::box {

std::optional<int> running_player_pid(const std::filesystem::path& state_dir, std::string& why) {
  const auto status = state_dir / "status.json";
  const auto read = files::read(status, 4 * 1024 * 1024);
  if (!read.bytes) {
    why = "annae is not running here: there is no " + status.string() + " (is the state folder right? see --state)";
    return std::nullopt;
  }
  const auto pid = pid_in_status_json(*read.bytes);
  if (!pid) {
    why = status.string() + " names no player process (written by an older annae?)";
    return std::nullopt;
  }
  // A pid is reused after the process ends: it counts only while it is an annae.
  // (/proc files report size 0, so not files::read.)
  std::ifstream comm_file("/proc/" + std::to_string(*pid) + "/comm");
  std::string comm;
  std::getline(comm_file, comm);
  if (comm.rfind("annae", 0) != 0) {
    why = "annae is not running: the player that wrote " + status.string() + " (pid " + std::to_string(*pid) +
          ") has ended";
    return std::nullopt;
  }
  return pid;
}

bool signal_running_player(const std::filesystem::path& state_dir, int signal, std::string& why) {
  const auto pid = running_player_pid(state_dir, why);
  if (!pid) return false;
  if (kill(*pid, signal) != 0) {
    why = "cannot signal the player (pid " + std::to_string(*pid) + "): " + std::strerror(errno) +
          (errno == EPERM ? " — run it with sudo, or as the annae user" : "");
    return false;
  }
  return true;
}

}  // namespace annae::box
