#pragma once
// Helpers for the folder-watcher tests: a callback recorder with bounded
// waits, and small show folders written from the example shows' Korean text.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "content/watcher.hpp"

namespace annae::test {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

struct Delivery {
  content::LoadResult result;
  content::ChangeInfo info;
  Clock::time_point at;
};

// Records every on_loaded call; the watcher thread writes, the test waits.
class Recorder {
 public:
  content::OnLoaded callback() {
    return [this](content::LoadResult&& result, const content::ChangeInfo& info) {
      std::function<void()> hook;
      {
        std::lock_guard lock(mutex_);
        deliveries_.push_back({std::move(result), info, Clock::now()});
        hook = hook_;
      }
      cv_.notify_all();
      if (hook) hook();  // runs on the watcher thread, like a slow consumer would
    };
  }
  // Called on the watcher thread after each delivery is recorded.
  void set_hook(std::function<void()> hook) {
    std::lock_guard lock(mutex_);
    hook_ = std::move(hook);
  }

  std::size_t count() const {
    std::lock_guard lock(mutex_);
    return deliveries_.size();
  }
  std::vector<Delivery> all() const {
    std::lock_guard lock(mutex_);
    return deliveries_;
  }
  // Bounded: returns false when `done` is still false after `limit`.
  bool wait_until(const std::function<bool(const std::vector<Delivery>&)>& done,
                  std::chrono::milliseconds limit = 5000ms) const {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, limit, [&] { return done(deliveries_); });
  }
  bool wait_for_count(std::size_t n, std::chrono::milliseconds limit = 5000ms) const {
    return wait_until([n](const auto& d) { return d.size() >= n; }, limit);
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  std::vector<Delivery> deliveries_;
  std::function<void()> hook_;
};

// Long enough for any settle that is still running to finish and deliver,
// after which a count can be asserted.
inline void quiet_period(int settle_ms) { std::this_thread::sleep_for(std::chrono::milliseconds(settle_ms + 900)); }

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

inline std::string cover_toml(const std::string& title) {
  return "kind = \"cover\"\ntitle = \"" + title + "\"\nvenue = \"세종컨벤션센터\"\n";
}

inline std::string text_toml(const std::string& title) {
  return "kind = \"text\"\ntitle = \"" + title +
         "\"\nparagraphs = [\"국토교통부는 지역맞춤형 국토교통 균형발전 전략 수립방안을 논의한다.\"]\n";
}

// show.toml, 010-cover.toml and 020-overview.toml.
inline void write_small_show(const std::filesystem::path& dir, const std::string& cover_title) {
  write_file(dir / "show.toml", "title = \"지역균형발전포럼\"\n\n[event]\ndate = \"2023-09-26\"\nstart = \"14:00\"\n");
  write_file(dir / "010-cover.toml", cover_toml(cover_title));
  write_file(dir / "020-overview.toml", text_toml("지방의 새로운 도약!"));
}

// The title of the slide whose id ends in `id_suffix`; empty when there is no such slide.
inline std::string slide_title(const content::LoadResult& result, const std::string& id_suffix = "010-cover") {
  if (!result.show) return {};
  for (const auto& slide : result.show->slides) {
    if (!slide.id.ends_with(id_suffix)) continue;
    return std::visit(
        [](const auto& s) -> std::string {
          if constexpr (requires { s.title; }) return s.title.value;
          return {};
        },
        slide.content);
  }
  return {};
}

// Writes `bytes` to `path` through one open file in `chunks` pieces with a
// pause between them, as a slow USB copy does.
inline void write_in_chunks(const std::filesystem::path& path, const std::string& bytes, int chunks,
                            std::chrono::milliseconds pause) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open " + path.string());
  const std::size_t step = (bytes.size() + static_cast<std::size_t>(chunks) - 1) / static_cast<std::size_t>(chunks);
  for (std::size_t at = 0; at < bytes.size(); at += step) {
    if (at > 0) std::this_thread::sleep_for(pause);
    const std::size_t n = std::min(step, bytes.size() - at);
    if (::write(fd, bytes.data() + at, n) != static_cast<ssize_t>(n)) {
      ::close(fd);
      throw std::runtime_error("cannot write " + path.string());
    }
  }
  ::close(fd);
}

}  // namespace annae::test
