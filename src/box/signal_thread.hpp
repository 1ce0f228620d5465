#pragma once
// Signals a technician or `annae import` sends to the running player:
//   SIGUSR1  write a screenshot into the state folder (`annae screenshot`)
//   SIGUSR2  show the result of the last USB import (`annae import`)
// They are blocked in every thread (call block_player_signals() before any
// thread starts: SDL's and the watcher's inherit the mask) and received by
// one thread with sigwait(), which hands them over as a callback — there is
// no work in a signal handler.
#include <functional>
#include <thread>

namespace annae::box {

void block_player_signals();

class SignalThread {
 public:
  // `on_signal` runs on the signal thread; it must only hand the signal over
  // (e.g. SDL_PushEvent, which is thread-safe).
  explicit SignalThread(std::function<void(int signal)> on_signal);
  ~SignalThread();  // stops and joins the thread
  SignalThread(const SignalThread&) = delete;
  SignalThread& operator=(const SignalThread&) = delete;

 private:
  std::function<void(int)> on_signal_;
  std::thread thread_;
};

}  // namespace annae::box
