#include "box/service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <cstdlib>

namespace annae::box {

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  enabled_ = socket && *socket;
  if (!enabled_) return;
  std::uint64_t usec = 0;
  // 0 unset_environment: annae's own child processes (none today) would not inherit it either way.
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    interval_ = std::chrono::milliseconds(usec / 1000);
  }
  last_ping_ = clock::now();
}

void ServiceNotifier::send(const std::string& message) {
  if (enabled_) sd_notify(0, message.c_str());
}

void ServiceNotifier::ready(const std::string& status) { send("READY=1\nSTATUS=" + status); }

void ServiceNotifier::status(const std::string& status) { send("STATUS=" + status); }

void ServiceNotifier::stopping() { send("STOPPING=1"); }

std::optional<ServiceNotifier::clock::time_point> ServiceNotifier::next_ping() const {
  if (!interval_) return std::nullopt;
  return last_ping_ + *interval_ / 2;
}

void ServiceNotifier::ping_if_due(clock::time_point now) {
  if (!interval_ || now < last_ping_ + *interval_ / 2) return;
  send("WATCHDOG=1");
  last_ping_ = now;
}

}  // namespace annae::box
