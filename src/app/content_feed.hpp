#pragma once
// The show folder as a feed of loads: one at start-up on the calling thread,
// then one per batch of copied files from the watcher's thread, handed over
// under a mutex with an SDL event that wakes the loop.
//
// Thread: construct, load_now(), watch() and take() on the main thread; the
// watcher's callback only fills `pending_` under `mutex_`.
#include <SDL.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/verified_images.hpp"
#include "content/show_loader.hpp"
#include "content/watcher.hpp"

namespace annae::app {

class ContentFeed {
 public:
  // `own_status_file`: the player's status.json; a change to only that file
  // (when it lies inside the show folder) is not new content.
  ContentFeed(std::string show_dir, std::filesystem::path own_status_file);
  ~ContentFeed();  // stops the watcher first: no callback arrives afterwards

  content::LoadResult load_now();
  // Starts noticing copied files. Logs (and plays on without) when the folder cannot be watched.
  void watch(content::WatchMode mode, int poll_interval_ms);

  struct Arrival {
    content::LoadResult result;
    content::ChangeInfo change;
  };
  // The newest load since the last call, if any.
  std::optional<Arrival> take();

 private:
  std::string show_dir_;
  std::filesystem::path own_status_file_;
  VerifiedImages verified_images_;  // used by the watcher's loads: declared before it, destroyed after it
  std::unique_ptr<content::ShowWatcher> watcher_;
  std::mutex mutex_;
  std::optional<Arrival> pending_;  // guarded by mutex_
  Uint32 wake_event_ = 0;
};

}  // namespace annae::app
