#pragma once
// inotify watches over whole folder trees (the show folder, its included event
// folders, extra dirs), plus a watch on each root's parent so that a root
// deleted and re-created, renamed over, or a symbolic link swapped to a new
// release is followed. Used by the watcher thread only (not thread-safe).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/watch_fs.hpp"

namespace annae::content::watch {

class InotifyTree {
 public:
  // `roots` as given; none has to exist. Call ok() before use.
  explicit InotifyTree(std::vector<Root> roots);
  ~InotifyTree();
  InotifyTree(const InotifyTree&) = delete;
  InotifyTree& operator=(const InotifyTree&) = delete;

  // False when inotify is unavailable or the watch limit was hit while arming;
  // error() says why (the caller falls back to polling).
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  int fd() const { return fd_; }

  // Reads every queued event (fd is non-blocking) and appends the relevant
  // changes: non-ignored names, new folders' contents, "." for re-armed roots.
  void drain(std::vector<Change>& out);
  // Some roots cannot be watched through their parent: the parent is missing,
  // or the root is a symbolic link whose target is missing (the target's
  // parent is not watched). The caller calls retry() every few hundred ms
  // while this is true; otherwise no timer runs.
  bool needs_retry() const;
  void retry(std::vector<Change>& out);

  int folder_count() const;  // folders currently watched inside the roots

 private:
  struct Place {
    int root = 0;
    std::filesystem::path rel;  // inside the root; empty for the root itself
  };
  struct Watch {
    std::vector<Place> places;   // a folder can be in two roots (show/fonts as an extra dir)
    std::vector<int> parent_of;  // roots whose parent folder this is
  };

  int add_watch(const std::filesystem::path& dir, std::uint32_t mask);
  void drop_if_unused(int wd);
  // Watches `rel` in root `r` and everything below it, reporting every file found.
  void add_tree(int r, const std::filesystem::path& rel, std::vector<Change>& out);
  void remove_tree(int r, const std::filesystem::path& rel);
  void arm(int r, std::vector<Change>& out);
  void handle(int wd, unsigned mask, const std::string& name, std::vector<bool>& rearm, std::vector<Change>& out);

  std::vector<Root> roots_;
  std::vector<bool> parent_watched_;
  std::vector<bool> link_target_missing_;
  std::map<int, Watch> watches_;
  int fd_ = -1;
  bool starting_ = true;  // arming in the constructor: a failure means "poll instead"
  std::string error_;
};

}  // namespace annae::content::watch
