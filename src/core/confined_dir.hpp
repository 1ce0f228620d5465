#pragma once
// A folder whose files are opened beneath it and never outside it.
//
// Every path handed to a ConfinedDir is resolved by the kernel relative to
// the folder's open descriptor with openat2(RESOLVE_BENEATH |
// RESOLVE_NO_MAGICLINKS) (Linux ≥ 5.6), or, where openat2 is missing, by a
// component-by-component O_NOFOLLOW walk that expands each symbolic link
// itself. Either way `..`, absolute paths, absolute links and relative links
// that climb out are refused, so a show folder can hold links among its own
// files (staff and `ln -sfn` layouts use them) but nothing in it can make
// the player open /etc/shadow. Only regular files are read; a FIFO, device
// or socket is refused without ever blocking on it.
//
// Thread: a ConfinedDir is immutable; copies share one descriptor, and any
// thread may use any copy. The descriptor lives as long as the last copy, so
// a folder renamed or swapped away after open() is still the one read (a
// Show reads its images from the folder it was loaded from).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/files.hpp"

namespace annae::files {

enum class EntryKind {
  missing,    // nothing by that name (or a link to nothing)
  regular,    // a regular file, after following links that stay inside
  directory,  // a folder, after following links that stay inside
  special,    // FIFO, device, socket: never read
  outside,    // the name, or a link on the way, leads outside the folder
  link_loop,  // links that lead in a circle (or more than 40 in a row)
  error,      // could not be examined (permissions, I/O): see `why`
};

struct EntryInfo {
  EntryKind kind = EntryKind::missing;
  std::uintmax_t size_bytes = 0;  // regular files only
  std::int64_t mtime_ns = 0;      // regular files only: last modification
  std::uint64_t inode = 0;        // regular files only (with the size and mtime: "is it the same file?")
  std::string why;                // for `error` (and `outside`): the system's reason, in words
};

struct DirEntry {
  std::string name;  // the file name's bytes as stored (not normalized, may be invalid UTF-8)
  EntryInfo info;
};

struct Listing {
  std::vector<DirEntry> entries;  // in directory order; "." and ".." left out
  std::string error;              // set when the folder could not be listed
  bool truncated = false;         // more than `max_entries` entries; the rest were not looked at
};

// Which folder on which file system (st_dev, st_ino): two ConfinedDirs with
// the same id are the same folder, whatever names led to them.
using FolderId = std::pair<std::uint64_t, std::uint64_t>;

class ConfinedDir {
 public:
  // Opens `dir` itself (which may be reached through links: it is the folder
  // the box was told to play). Check ok(); error() says why it failed.
  static ConfinedDir open(const std::filesystem::path& dir);

  ConfinedDir() = default;  // not ok(): every call fails
  bool ok() const { return fd_ != nullptr; }
  const std::string& error() const { return error_; }
  // The folder as it was named when opened (absolute, lexically normal). For
  // messages and watches only: never open files through it.
  const std::filesystem::path& path() const { return path_; }

  // {0, 0} when not ok().
  FolderId id() const;

  // What `relative` is ('/'-separated, relative to this folder; "" is the folder).
  EntryInfo info(std::string_view relative) const;

  // The entries of the folder at `relative`, each examined as info() would.
  Listing list(std::string_view relative = {}, std::size_t max_entries = 10'000) const;

  // The whole regular file at `relative`, refused without reading when it is
  // larger than `max_bytes`, or is not a regular file inside the folder.
  ReadResult read(std::string_view relative, std::size_t max_bytes) const;

  // The folder at `relative` as a ConfinedDir of its own: opened beneath this
  // one, and from then on confined to itself (an included show's images stay
  // in that show's folder). Not ok() when it is not a folder inside this one.
  ConfinedDir subdir(std::string_view relative) const;

  // For tests: resolve with the O_NOFOLLOW walk even where openat2 exists,
  // so both paths are tested on this machine. Not thread-safe; set it before use.
  static void use_walk_for_tests(bool on);

 private:
  struct Fd;
  ConfinedDir(std::shared_ptr<const Fd> fd, std::filesystem::path path) : fd_(std::move(fd)), path_(std::move(path)) {}

  std::shared_ptr<const Fd> fd_;
  std::filesystem::path path_;
  std::string error_;
};

// Words for an `outside` / `special` / `error` entry, after "X is ": e.g.
// "a link to a place outside the show folder".
std::string describe(const EntryInfo& info);

}  // namespace annae::files
