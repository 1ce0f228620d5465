#pragma once
// Child processes for end-to-end tests: start a program, wait for it with a
// deadline, and always reap it (the destructor kills what is still running).
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace annae::test {

class Process {
 public:
  // Starts `argv` with `extra_env` ("NAME=value") added to the environment.
  // Standard output and error go to `log_path` when given. In a cross-build a
  // program built for the target runs under ANNAE_TEST_EMULATOR (process.cpp).
  Process(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {},
          const std::string& log_path = "");
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }
  // Exit status once exited (128+signal when killed); empty while running.
  std::optional<int> poll();
  std::optional<int> wait_for(std::chrono::milliseconds timeout);
  void kill_and_wait();
  // The most memory the process ever had resident (its high-water mark), in
  // KiB, once it has exited; -1 before.
  long max_rss_kb() const { return max_rss_kb_; }

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  long max_rss_kb_ = -1;
};

// Reads a whole file; empty when missing.
std::string read_text(const std::string& path);

// A running process's user + system CPU time in clock ticks (1/100 s); -1 when it is gone.
long cpu_ticks(pid_t pid);
// A running process's proportional set size in KiB; -1 when it is gone.
long pss_kb(pid_t pid);

}  // namespace annae::test
