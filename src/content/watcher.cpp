#include "content/watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <system_error>
#include <thread>

#include "content/watch_fs.hpp"
#include "content/watch_inotify.hpp"
#include "core/files.hpp"
#include "core/log.hpp"

namespace annae::content {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// How often a root that cannot be watched through its parent (parent or link
// target missing) is looked for again.
constexpr int parent_retry_ms = 500;

int ms_until(Clock::time_point t, Clock::time_point now) {
  if (t <= now) return 0;
  // Round up: waking a hair early would cost one more empty loop.
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(t - now).count());
}

}  // namespace

struct ShowWatcher::Impl {
  fs::path show_dir;
  WatchOptions options;
  OnLoaded on_loaded;
  std::vector<watch::Root> roots;

  // Decided in the constructor, then read-only.
  std::unique_ptr<watch::InotifyTree> inotify;  // null when polling
  std::string poll_reason;                      // why polling, for description()

  int wake_fd = -1;  // eventfd: the destructor's "stop now"
  std::atomic<bool> stopping{false};
  std::atomic<int> folder_count{0};
  std::thread thread;

  // Thread-only state.
  watch::Snapshot snapshot;  // polling: the last scan
  Clock::time_point next_scan;
  Clock::time_point next_retry;
  struct PendingFile {
    fs::path abs;
    watch::FileSig seen;  // the last look, compared with the next
  };
  std::map<std::string, PendingFile> pending;
  Clock::time_point first_change, last_change;

  void scan(watch::Snapshot& out) const {
    for (const auto& root : roots) watch::scan_tree(root, out);
  }

  ~Impl() {
    if (wake_fd >= 0) ::close(wake_fd);
  }
  void run();
  void collect(std::vector<watch::Change>& changes, Clock::time_point now);
  bool settled_and_stable(Clock::time_point now);
  void load(Clock::time_point now);
};

ShowWatcher::ShowWatcher(fs::path show_dir, WatchOptions options, OnLoaded on_loaded)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.show_dir = files::absolute_lexical(show_dir);
  m.options = std::move(options);
  m.options.poll_interval_ms = std::max(m.options.poll_interval_ms, 10);
  m.options.settle_ms = std::max(m.options.settle_ms, 0);
  m.on_loaded = std::move(on_loaded);
  m.roots.push_back({m.show_dir, m.show_dir});
  for (const auto& extra : m.options.extra_dirs) m.roots.push_back({files::absolute_lexical(extra), m.show_dir});

  m.wake_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (m.wake_fd < 0) throw std::system_error(errno, std::generic_category(), "eventfd");

  switch (m.options.mode) {
    case WatchMode::poll:
      m.poll_reason = "poll mode chosen";
      break;
    case WatchMode::inotify:
      break;
    case WatchMode::automatic:
      // inotify only sees changes made through this machine's kernel; on a
      // share, staff copy from their own PC, so only polling sees the files.
      for (const auto& root : m.roots) {
        if (const std::string remote = watch::remote_filesystem(root.dir); !remote.empty()) {
          m.poll_reason = remote;
          break;
        }
      }
      break;
  }
  if (m.poll_reason.empty()) {
    m.inotify = std::make_unique<watch::InotifyTree>(m.roots);
    if (!m.inotify->ok()) {
      m.poll_reason = m.inotify->error();
      log::warning("watcher: " + m.poll_reason + "; polling instead");
      m.inotify.reset();
    } else {
      m.folder_count = m.inotify->folder_count();
    }
  }
  const auto now = Clock::now();
  if (!m.inotify) m.scan(m.snapshot);
  m.next_scan = now + std::chrono::milliseconds(m.options.poll_interval_ms);
  m.next_retry = now + std::chrono::milliseconds(parent_retry_ms);

  m.thread = std::thread([&m] { m.run(); });
}

ShowWatcher::~ShowWatcher() {
  impl_->stopping = true;
  const std::uint64_t one = 1;
  // The eventfd counter cannot overflow from one write; nothing to handle.
  [[maybe_unused]] const ssize_t n = ::write(impl_->wake_fd, &one, sizeof one);
  if (impl_->thread.joinable()) impl_->thread.join();
}

bool ShowWatcher::uses_inotify() const { return impl_->inotify != nullptr; }

std::string ShowWatcher::description() const {
  const Impl& m = *impl_;
  if (m.inotify) {
    const int n = m.folder_count.load();
    return "inotify on " + m.show_dir.string() + " (" + std::to_string(n) + (n == 1 ? " folder)" : " folders)");
  }
  return "polling " + m.show_dir.string() + " every " + std::to_string(m.options.poll_interval_ms) + " ms (" +
         m.poll_reason + ")";
}

void ShowWatcher::Impl::collect(std::vector<watch::Change>& changes, Clock::time_point now) {
  if (changes.empty()) return;
  if (pending.empty()) first_change = now;
  last_change = now;
  for (auto& c : changes) {
    auto [it, added] = pending.try_emplace(std::move(c.rel));
    if (added) it->second.abs = std::move(c.abs);
    it->second.seen = watch::file_sig(it->second.abs);
  }
  changes.clear();
}

// True once nothing happened for settle_ms and no changed file moved since
// the previous look; a look that finds one still growing starts a new quiet
// period (a USB copy pauses between pieces without closing the file).
bool ShowWatcher::Impl::settled_and_stable(Clock::time_point now) {
  if (pending.empty() || now < last_change + std::chrono::milliseconds(options.settle_ms)) return false;
  bool stable = true;
  for (auto& [rel, file] : pending) {
    const watch::FileSig sig = watch::file_sig(file.abs);
    if (!(sig == file.seen)) {
      file.seen = sig;
      stable = false;
    }
  }
  if (!stable) last_change = now;
  return stable;
}

void ShowWatcher::Impl::load(Clock::time_point now) {
  ChangeInfo info;
  info.changed.reserve(pending.size());
  for (const auto& [rel, file] : pending) info.changed.push_back(rel);  // std::map: sorted, unique
  info.first_change = first_change;
  info.settled = now;
  pending.clear();
  LoadResult result = load_show(show_dir, options.load);
  if (stopping) return;
  try {
    on_loaded(std::move(result), info);
  } catch (const std::exception& e) {
    log::error(std::string("watcher: on_loaded threw: ") + e.what());
  } catch (...) {
    log::error("watcher: on_loaded threw");
  }
}

void ShowWatcher::Impl::run() {
  std::vector<watch::Change> changes;
  while (!stopping) {
    auto now = Clock::now();
    int timeout_ms = -1;
    const auto shorten = [&](Clock::time_point t) {
      const int ms = ms_until(t, now);
      timeout_ms = timeout_ms < 0 ? ms : std::min(timeout_ms, ms);
    };
    if (!inotify) shorten(next_scan);
    if (inotify && inotify->needs_retry()) shorten(next_retry);
    if (!pending.empty()) shorten(last_change + std::chrono::milliseconds(options.settle_ms));

    pollfd fds[2] = {{wake_fd, POLLIN, 0}, {inotify ? inotify->fd() : -1, POLLIN, 0}};
    const int ready = ::poll(fds, 2, timeout_ms);
    if (ready < 0 && errno != EINTR) {
      log::error(std::string("watcher: poll failed: ") + std::strerror(errno));
      return;
    }
    if (stopping || (fds[0].revents & POLLIN)) return;
    now = Clock::now();

    if (inotify) {
      if (fds[1].revents & POLLIN) inotify->drain(changes);
      if (inotify->needs_retry() && now >= next_retry) {
        inotify->retry(changes);
        next_retry = now + std::chrono::milliseconds(parent_retry_ms);
      }
      folder_count = inotify->folder_count();
    } else if (now >= next_scan ||
               (!pending.empty() && now >= last_change + std::chrono::milliseconds(options.settle_ms))) {
      // A scan at the end of the quiet period too: files the copy added since
      // the last scan would otherwise make a second, separate batch.
      watch::Snapshot fresh;
      scan(fresh);
      watch::diff(snapshot, fresh, changes);
      snapshot = std::move(fresh);
      // From now, not from the due time: after a long load, no burst of catch-up scans.
      next_scan = now + std::chrono::milliseconds(options.poll_interval_ms);
    }
    collect(changes, now);
    if (settled_and_stable(now)) load(now);
  }
}

}  // namespace annae::content
