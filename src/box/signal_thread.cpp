#include "box/signal_thread.hpp"

#include <pthread.h>
#include <signal.h>

namespace annae::box {
namespace {

// Sent by the destructor to end sigwait(); no one else uses it.
int stop_signal() { return SIGRTMIN + 3; }

sigset_t player_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, stop_signal());
  return set;
}

}  // namespace

void block_player_signals() {
  const sigset_t set = player_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalThread::SignalThread(std::function<void(int)> on_signal) : on_signal_(std::move(on_signal)) {
  block_player_signals();
  thread_ = std::thread([this] {
    const sigset_t set = player_signals();
    for (;;) {
      int signal = 0;
      if (sigwait(&set, &signal) != 0) continue;
      if (signal == stop_signal()) return;
      on_signal_(signal);
    }
  });
}

SignalThread::~SignalThread() {
  pthread_kill(thread_.native_handle(), stop_signal());
  thread_.join();
}

}  // namespace annae::box
