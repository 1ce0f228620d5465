#include "content/watch_inotify.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "content/ignore.hpp"
#include "core/log.hpp"

namespace annae::content::watch {

namespace fs = std::filesystem;

namespace {

// IN_CLOSE_WRITE rather than IN_MODIFY: one event per written file instead of
// one per write() call; a file still being written is caught by the settle
// step's size check instead.
constexpr std::uint32_t tree_mask =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
// A root's parent (a home folder, /srv) may be busy: only its entries coming
// and going matter, not every file written there. IN_MASK_ADD keeps the full
// mask when the parent is also a watched folder (an extra dir inside the show).
constexpr std::uint32_t parent_mask = IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR | IN_MASK_ADD;

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

}  // namespace

InotifyTree::InotifyTree(std::vector<Root> roots)
    : roots_(std::move(roots)), parent_watched_(roots_.size(), false), link_target_missing_(roots_.size(), false) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::string("inotify unavailable: ") + std::strerror(errno);
    return;
  }
  std::vector<Change> ignored;  // the state at start is not a change
  for (int r = 0; r < static_cast<int>(roots_.size()); ++r) arm(r, ignored);
  starting_ = false;
}

InotifyTree::~InotifyTree() {
  if (fd_ >= 0) ::close(fd_);
}

int InotifyTree::add_watch(const fs::path& dir, std::uint32_t mask) {
  const int wd = ::inotify_add_watch(fd_, dir.c_str(), mask);
  if (wd < 0 && errno == ENOSPC) {
    const std::string message = "inotify watch limit reached (sysctl fs.inotify.max_user_watches) at " + dir.string();
    // At start a partly watched tree is refused (the caller polls instead);
    // later, the log says it once and the rest stays watched.
    if (starting_ && error_.empty()) error_ = message;
    log::once(log::Level::warning, message);
  }
  return wd;
}

void InotifyTree::drop_if_unused(int wd) {
  auto it = watches_.find(wd);
  if (it == watches_.end() || !it->second.places.empty() || !it->second.parent_of.empty()) return;
  ::inotify_rm_watch(fd_, wd);
  watches_.erase(it);
}

void InotifyTree::add_tree(int r, const fs::path& rel, std::vector<Change>& out) {
  const Root& root = roots_[static_cast<std::size_t>(r)];
  const fs::path abs = rel.empty() ? root.dir : root.dir / rel;
  const int wd = add_watch(abs, tree_mask);
  if (wd < 0) return;
  Watch& w = watches_[wd];
  // The same folder reached twice in one root means a link loop: stop here.
  if (std::any_of(w.places.begin(), w.places.end(), [&](const Place& p) { return p.root == r; })) return;
  w.places.push_back({r, rel});
  // Files that arrived before the watch existed would otherwise be missed
  // (a whole folder copied in: the folder's events come before its watch).
  std::error_code ec;
  for (fs::directory_iterator it(abs, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (is_ignored_name(name)) continue;
    if (it->is_directory(ec)) {
      if (follows_folder(root, *it)) add_tree(r, rel / name, out);
    } else {
      out.push_back({root.display(rel / name), it->path()});
    }
  }
}

void InotifyTree::remove_tree(int r, const fs::path& rel) {
  std::vector<int> touched;
  for (auto& [wd, w] : watches_) {
    const auto before = w.places.size();
    std::erase_if(w.places, [&](const Place& p) { return p.root == r && is_within(p.rel, rel); });
    if (w.places.size() != before) touched.push_back(wd);
  }
  for (int wd : touched) drop_if_unused(wd);
}

void InotifyTree::arm(int r, std::vector<Change>& out) {
  const Root& root = roots_[static_cast<std::size_t>(r)];
  remove_tree(r, {});
  if (!parent_watched_[static_cast<std::size_t>(r)]) {
    const int wd = add_watch(root.dir.parent_path(), parent_mask);
    if (wd >= 0) {
      watches_[wd].parent_of.push_back(r);
      parent_watched_[static_cast<std::size_t>(r)] = true;
    }
  }
  std::error_code ec;
  const bool present = fs::is_directory(root.dir, ec);
  if (present) add_tree(r, {}, out);
  link_target_missing_[static_cast<std::size_t>(r)] = !present && fs::is_symlink(root.dir, ec);
  out.push_back({root.display({}), root.dir});
}

void InotifyTree::handle(int wd, unsigned mask, const std::string& name, std::vector<bool>& rearm,
                         std::vector<Change>& out) {
  if (mask & IN_Q_OVERFLOW) {
    // Events were lost: only a fresh look at every tree is trustworthy.
    std::fill(rearm.begin(), rearm.end(), true);
    return;
  }
  auto it = watches_.find(wd);
  if (it == watches_.end()) return;
  if (mask & IN_IGNORED) {
    // The kernel dropped the watch (folder deleted, or unmounted).
    const Watch gone = std::move(it->second);
    watches_.erase(it);
    for (int r : gone.parent_of) {
      parent_watched_[static_cast<std::size_t>(r)] = false;
      rearm[static_cast<std::size_t>(r)] = true;
    }
    for (const Place& p : gone.places) {
      if (p.rel.empty()) rearm[static_cast<std::size_t>(p.root)] = true;
    }
    return;
  }
  // Copies: add_tree/remove_tree below may change watches_.
  const std::vector<int> parent_of = it->second.parent_of;
  const std::vector<Place> places = it->second.places;
  for (int r : parent_of) {
    if ((mask & (IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)) &&
        name == roots_[static_cast<std::size_t>(r)].dir.filename().string()) {
      rearm[static_cast<std::size_t>(r)] = true;
    }
  }
  for (const Place& p : places) {
    if (mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
      if (p.rel.empty()) rearm[static_cast<std::size_t>(p.root)] = true;
      continue;
    }
    if (name.empty() || is_ignored_name(name)) continue;
    const fs::path rel = p.rel / name;
    if (mask & IN_ISDIR) {
      if (mask & (IN_CREATE | IN_MOVED_TO)) {
        add_tree(p.root, rel, out);
      } else if (mask & (IN_DELETE | IN_MOVED_FROM)) {
        remove_tree(p.root, rel);
      }
    }
    const Root& root = roots_[static_cast<std::size_t>(p.root)];
    out.push_back({root.display(rel), root.dir / rel});
  }
}

void InotifyTree::drain(std::vector<Change>& out) {
  std::vector<bool> rearm(roots_.size(), false);
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EAGAIN: queue empty
    for (ssize_t at = 0; at < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buffer + at);
      const std::string name = ev->len > 0 ? std::string(ev->name) : std::string();
      handle(ev->wd, ev->mask, name, rearm, out);
      at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
    }
  }
  for (std::size_t r = 0; r < rearm.size(); ++r) {
    if (rearm[r]) arm(static_cast<int>(r), out);
  }
}

bool InotifyTree::needs_retry() const {
  for (std::size_t r = 0; r < roots_.size(); ++r) {
    if (!parent_watched_[r] || link_target_missing_[r]) return true;
  }
  return false;
}

void InotifyTree::retry(std::vector<Change>& out) {
  for (std::size_t r = 0; r < roots_.size(); ++r) {
    if (link_target_missing_[r]) {
      std::error_code ec;
      if (fs::is_directory(roots_[r].dir, ec)) arm(static_cast<int>(r), out);
      continue;
    }
    if (parent_watched_[r]) continue;
    // Only once the parent can be watched again is there something new to report.
    const int wd = add_watch(roots_[r].dir.parent_path(), parent_mask);
    if (wd < 0) continue;
    watches_[wd].parent_of.push_back(static_cast<int>(r));
    parent_watched_[r] = true;
    arm(static_cast<int>(r), out);
  }
}

int InotifyTree::folder_count() const {
  return static_cast<int>(
      std::count_if(watches_.begin(), watches_.end(), [](const auto& kv) { return !kv.second.places.empty(); }));
}

}  // namespace annae::content::watch
