// Live-update benchmark: from a slide file copied into a show folder to the
// new LoadResult delivered by the watcher, with inotify and with polling
// (interval 250 ms here; the player's default is 1000 ms), settle 300 ms.
// The figure is dominated by the settle time by design; the rest is the
// load of the example show (forum-2023, 7 slides) and thread wake-ups.
//
//   build/tests/bench/reload_bench [--quick]     (--quick: 3 trials per mode instead of 20)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "content/show_loader.hpp"
#include "content/watcher.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using annae::content::WatchMode;

constexpr int settle_ms = 300;
constexpr int poll_interval_ms = 250;

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
}

struct Deliveries {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<Clock::time_point> at;
};

// Copies a slide file into a fresh copy of forum-2023 `trials` times and
// returns each copy-to-delivery time in ms; empty if a delivery never came.
std::vector<double> run(WatchMode mode, int trials, const fs::path& work, std::string& description) {
  const fs::path show = work / (mode == WatchMode::poll ? "show-poll" : "show-inotify");
  fs::copy(fs::path(ANNAE_SOURCE_DIR) / "content/forum-2023", show, fs::copy_options::recursive);
  const fs::path staged = work / "staged.toml";

  Deliveries got;
  annae::content::WatchOptions options;
  options.mode = mode;
  options.settle_ms = settle_ms;
  options.poll_interval_ms = poll_interval_ms;
  const auto on_loaded = [&](annae::content::LoadResult&&, const annae::content::ChangeInfo&) {
    {
      std::lock_guard lock(got.mutex);
      got.at.push_back(Clock::now());
    }
    got.cv.notify_all();
  };
  annae::content::ShowWatcher watcher(show, options, on_loaded);
  description = watcher.description();

  std::vector<double> ms;
  for (int i = 0; i < trials; ++i) {
    std::ofstream(staged, std::ios::trunc)
        << "kind = \"text\"\ntitle = \"안내 " << i << "\"\nparagraphs = [\"세종컨벤션센터 2층 대회의실\"]\n";
    // Spread the copies over the poll phase, so polling figures are not one lucky offset.
    std::this_thread::sleep_for(std::chrono::milliseconds(60 + (i * 97) % poll_interval_ms));
    const auto t0 = Clock::now();
    fs::copy_file(staged, show / "080-notice.toml", fs::copy_options::overwrite_existing);
    std::unique_lock lock(got.mutex);
    if (!got.cv.wait_for(lock, std::chrono::seconds(10), [&] { return got.at.size() > static_cast<std::size_t>(i); })) {
      return {};
    }
    ms.push_back(std::chrono::duration<double, std::milli>(got.at.back() - t0).count());
  }
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int trials = quick ? 3 : 20;
  const fs::path work = fs::temp_directory_path() / ("annae-reload-bench-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);

  // The load alone, for reading the table: what is left after the settle time.
  std::vector<double> load_ms;
  for (int i = 0; i < trials; ++i) {
    const auto t0 = Clock::now();
    const auto result = annae::content::load_show(fs::path(ANNAE_SOURCE_DIR) / "content/forum-2023");
    load_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!result.show) {
      std::fprintf(stderr, "the example show did not load\n");
      return 2;
    }
  }

  std::printf("Slide file copied → LoadResult delivered (settle %d ms, %d trials per mode)\n\n", settle_ms, trials);
  std::printf("| %-52s | %8s | %8s |\n", "path", "p50 ms", "p99 ms");
  std::printf("|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(10, '-').c_str(), std::string(10, '-').c_str());
  std::printf("| %-52s | %8.1f | %8.1f |\n", "load_show(forum-2023) alone", percentile(load_ms, 0.5),
              percentile(load_ms, 0.99));
  int status = 0;
  std::string descriptions;  // which watcher actually ran, printed under the table
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    std::string description;
    const auto ms = run(mode, trials, work, description);
    const std::string label = mode == WatchMode::poll ? "polling every 250 ms" : "inotify";
    if (ms.empty()) {
      std::fprintf(stderr, "%s: no delivery within 10 s (%s)\n", label.c_str(), description.c_str());
      status = 1;  // a broken watcher, not a slow one
      continue;
    }
    std::printf("| %-52s | %8.1f | %8.1f |\n", label.c_str(), percentile(ms, 0.5), percentile(ms, 0.99));
    descriptions += "\n  " + description;
  }
  std::printf("\nwatchers:%s\n", descriptions.c_str());
  fs::remove_all(work);
  return status;
}
