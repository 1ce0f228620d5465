#pragma once
// Internal to the import (import.cpp): what it does to files. Listing the show
// on the stick, copying and flushing it with the show folder's owner and mode,
// and the renames and clean-up around the swap. Functions that can fail return
// the sentence a technician reads (ending in "nothing was changed"), empty on
// success; nothing here decides whether the import goes on.
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace annae::box::import_disk {

inline constexpr std::string_view nothing_changed = "nothing was changed";

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }
  // Returns close()'s errno, 0 on success: on some filesystems a failed write
  // is first reported here.
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// A folder this import made, deleted when the import ends unless handed over.
class OwnedTree {
 public:
  OwnedTree() = default;
  OwnedTree(const OwnedTree&) = delete;
  OwnedTree& operator=(const OwnedTree&) = delete;
  ~OwnedTree() { remove(); }
  void own(std::filesystem::path path) { path_ = std::move(path); }
  void release() { path_.clear(); }
  void remove();

 private:
  std::filesystem::path path_;
};

// "1.5 MiB", "2.0 GiB".
std::string size_text(std::uintmax_t bytes);
// A read from the stick failed: `what` names the file or folder on the stick.
std::string stick_error(const std::string& what, const std::string& reason);
// "cannot <action> <path>: <reason>; nothing was changed".
std::string disk_error(const std::string& action, const std::filesystem::path& path, const std::string& reason);

// ---- what to copy ----------------------------------------------------------

struct Entry {
  std::filesystem::path rel;
  bool is_dir = false;
};

struct Plan {
  std::vector<Entry> entries;  // parents before children
  std::uintmax_t total_bytes = 0;
  std::size_t file_count = 0;
};

// Lists folders and regular files under source/rel, by name; returns an error text.
std::string plan_tree(const std::filesystem::path& source, const std::filesystem::path& rel, Plan& plan);

// ---- how the copy looks on disk ---------------------------------------------

struct Look {
  mode_t dir_mode = 0755;
  mode_t file_mode = 0644;
  bool set_owner = false;  // only root may give files away
  uid_t uid = 0;
  gid_t gid = 0;
};

// The mode and owner of an existing folder, for the copy; the defaults when there is none.
Look look_of(const std::filesystem::path& existing_dir);
// Creates one folder with the look's mode and owner.
std::string make_dir(const std::filesystem::path& path, const Look& look);
std::string fsync_dir(const std::filesystem::path& path);

struct CopyCounters {
  std::size_t files = 0;
  std::uintmax_t bytes = 0;
};

// Copies one regular file and flushes it; the stick's errors and the disk's are told apart.
std::string copy_file(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& rel,
                      const Look& look, CopyCounters& counters, std::vector<char>& buffer);

// ---- the swap ---------------------------------------------------------------

// renameat2(RENAME_EXCHANGE) of a and b: 0, or -1 with errno set.
int exchange_paths(const std::filesystem::path& a, const std::filesystem::path& b);
// Whether exchange_paths failed because the filesystem or kernel cannot exchange.
bool exchange_unsupported(int err);

// Removes what earlier, interrupted imports into `name` left in `dir`;
// returns the paths removed. `keep` (a symbolic link's current target) is
// never removed.
std::vector<std::string> remove_leftovers(const std::filesystem::path& dir, const std::string& name, bool releases_too,
                                          const std::filesystem::path& keep);

// "content-import-20240501-101500", made unique in `dir`.
std::filesystem::path release_path(const std::filesystem::path& dir, const std::string& name);

// Flushes a folder after the swap; a failure is only logged.
void flush_parent(const std::filesystem::path& dir);

}  // namespace annae::box::import_disk
