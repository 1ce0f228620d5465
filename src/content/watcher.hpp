#pragma once
// Live updates: notices when staff copy files into a show folder and, once the
// copy has settled, loads the new show off the main thread.
//
// Thread contract: a ShowWatcher owns one thread. load_show() and on_loaded run
// on that thread, one load at a time; the callback must not throw and should
// only hand the result over (store under a mutex, wake the event loop).
// The watcher does not load the show when it starts: the player does that.
//
// What counts as a change (both modes):
//  - any file whose name is not ignored (content/ignore.hpp), in the show
//    folder, any folder below it (included event folders), or an extra dir;
//    a rename from an ignored temporary name to a real one counts;
//  - the show folder itself deleted, re-created, renamed over, or, when it is
//    a symbolic link, the link swapped to a new target. A deleted folder still
//    gets a load (which finds no show); it is watched for until it comes back.
// A batch settles when no change came for settle_ms and every changed file
// looked the same (size, mtime) at two looks settle_ms apart. A change during
// a load is kept for the next batch.
//
// inotify watches the folders and each root's parent; polling scans
// (path, size, mtime) every poll_interval_ms. Automatic mode polls on NFS,
// SMB/CIFS and FUSE mounts (inotify misses changes made by other machines)
// and when inotify cannot be used; either way the thread sleeps in poll(2).
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "content/show_loader.hpp"
#include "content/model.hpp"

namespace annae::content {

struct WatchOptions {
  WatchMode mode = WatchMode::automatic;  // automatic: inotify unless the folder is on a network/FUSE filesystem
  int poll_interval_ms = 1000;            // polling mode only
  int settle_ms = 300;                    // quiet time before a batch of changes counts as finished
  std::vector<std::filesystem::path> extra_dirs;  // also watched (e.g. fonts/); may not exist yet
  LoadOptions load;                               // how each load reads the show (its image verifier runs on the watcher's thread)
};

// One settled batch. Paths are relative to the show folder, '/'-separated
// ("forum-2023/010-cover.toml"; "../fonts/x.ttf" for a file in an extra dir);
// "." means the folder itself appeared, disappeared or was replaced.
struct ChangeInfo {
  std::vector<std::string> changed;                    // sorted, de-duplicated
  std::chrono::steady_clock::time_point first_change;  // when the first change of the batch was seen
  std::chrono::steady_clock::time_point settled;       // when the batch counted as finished (load started)
};

using OnLoaded = std::function<void(LoadResult&&, const ChangeInfo&)>;

class ShowWatcher {
 public:
  // Starts watching at once: a change made after the constructor returns is
  // seen. Never throws for filesystem problems (a missing folder is watched
  // until it appears); throws std::system_error only if no thread or eventfd
  // can be created.
  ShowWatcher(std::filesystem::path show_dir, WatchOptions options, OnLoaded on_loaded);
  // Stops the thread and returns within a few milliseconds, unless a load or
  // on_loaded is running: that is waited for (a load's result is then dropped).
  // No callback after return. Do not destroy the watcher from on_loaded.
  ~ShowWatcher();

  ShowWatcher(const ShowWatcher&) = delete;
  ShowWatcher& operator=(const ShowWatcher&) = delete;

  // For the log: "inotify on /x (12 folders)" or "polling /x every 1000 ms (cifs share)".
  // Any thread.
  std::string description() const;
  // True when watching with inotify, false when polling. Fixed at construction.
  bool uses_inotify() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace annae::content
