#include "process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <elf.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace annae::test {
namespace {

// The ELF machine this test program was built for.
constexpr int own_elf_machine() {
#if defined(__aarch64__)
  return EM_AARCH64;
#elif defined(__x86_64__)
  return EM_X86_64;
#else
  return EM_NONE;
#endif
}

// In a cross-build, ctest sets ANNAE_TEST_EMULATOR ("qemu-aarch64-static -L /"):
// the programs built with this one (the player) run on this machine only
// through it, while the machine's own programs (env, chromium) run as they are.
// So a program for our own CPU gets the emulator in front, when there is one.
std::vector<std::string> with_emulator(const std::vector<std::string>& argv) {
  const char* emulator = std::getenv("ANNAE_TEST_EMULATOR");
  if (!emulator || !*emulator || argv.empty()) return argv;
  std::ifstream program(argv[0], std::ios::binary);
  Elf64_Ehdr header{};
  if (!program.read(reinterpret_cast<char*>(&header), sizeof header)) return argv;
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_machine != own_elf_machine()) return argv;
  std::vector<std::string> out;
  std::istringstream words(emulator);
  for (std::string word; words >> word;) out.push_back(word);
  out.insert(out.end(), argv.begin(), argv.end());
  return out;
}

}  // namespace

Process::Process(const std::vector<std::string>& program_argv, const std::vector<std::string>& extra_env,
                 const std::string& log_path) {
  const std::vector<std::string> argv = with_emulator(program_argv);
  pid_ = fork();
  if (pid_ == 0) {
    for (const auto& kv : extra_env) putenv(const_cast<char*>(kv.c_str()));
    if (!log_path.empty()) {
      const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
      }
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
}

Process::~Process() { kill_and_wait(); }

std::optional<int> Process::poll() {
  if (status_ || pid_ <= 0) return status_;
  int status = 0;
  struct rusage usage {};
  if (wait4(pid_, &status, WNOHANG, &usage) == pid_) {
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    max_rss_kb_ = usage.ru_maxrss;
  }
  return status_;
}

std::optional<int> Process::wait_for(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!poll() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return status_;
}

void Process::kill_and_wait() {
  if (pid_ <= 0 || poll()) return;
  ::kill(pid_, SIGTERM);
  if (!wait_for(std::chrono::seconds(3))) {
    ::kill(pid_, SIGKILL);
    wait_for(std::chrono::seconds(3));
  }
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

long cpu_ticks(pid_t pid) {
  const std::string stat = read_text("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');  // the command name may hold spaces
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 2));
  std::string skip;
  for (int i = 3; i < 14; ++i) fields >> skip;  // state … cmajflt
  long user = 0, system = 0;
  fields >> user >> system;
  return user + system;
}

long pss_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("Pss:", 0) == 0) return std::stol(line.substr(4));
  return -1;
}

}  // namespace annae::test
