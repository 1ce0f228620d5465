#pragma once
// Talking to systemd (Type=notify units): READY=1 once the first frame is on
// screen, STATUS= lines a technician sees in `systemctl status annae`, and
// WATCHDOG=1 pings from the main loop, so a frozen loop (a hung GPU driver, a
// deadlock) stops the pings and systemd restarts the player after WatchdogSec.
// Outside systemd (no NOTIFY_SOCKET) every call does nothing.
#include <chrono>
#include <optional>
#include <string>

namespace annae::box {

class ServiceNotifier {
 public:
  using clock = std::chrono::steady_clock;

  // Reads NOTIFY_SOCKET and WATCHDOG_USEC from the environment.
  ServiceNotifier();

  void ready(const std::string& status);
  void status(const std::string& status);
  void stopping();

  // When the loop must wake next to ping; nullopt without a watchdog.
  std::optional<clock::time_point> next_ping() const;
  // Pings when due (half the watchdog interval has passed). Call once per loop turn.
  void ping_if_due(clock::time_point now);

 private:
  void send(const std::string& message);
  bool enabled_ = false;
  std::optional<std::chrono::milliseconds> interval_;
  clock::time_point last_ping_{};
};

}  // namespace annae::box
