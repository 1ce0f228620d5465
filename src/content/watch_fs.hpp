#pragma once
// Filesystem looks for the watcher: file signatures (is a copy still
// growing?), the filesystem type (can inotify be trusted?), and the tree scan
// used by the polling fallback. Plain functions, any thread.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace annae::content::watch {

// What two looks at a file compare. size_bytes is -1 when the file is missing.
struct FileSig {
  std::int64_t size_bytes = -1;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileSig&) const = default;
};

// Follows symbolic links; never throws. For a folder only the inode is set.
FileSig file_sig(const std::filesystem::path& path);

// A change to report: the name staff would recognise, and where to look at it.
struct Change {
  std::string rel;  // relative to the show folder, '/'-separated; "." for the folder itself
  std::filesystem::path abs;
};

// Where a watched root lives: the path as given, and the form used in `Change::rel`.
struct Root {
  std::filesystem::path dir;   // absolute, as given (may be a symbolic link)
  std::filesystem::path show;  // the show folder, absolute, as given
  // "forum-2023/x.toml" for the show itself, "../fonts/x.ttf" for an extra dir.
  std::string display(const std::filesystem::path& rel) const;
};

// Whether the watcher descends into `entry`, a folder found under `root`: a
// real folder, or a link to a folder inside the root (the loader reads those
// too). A link to a folder outside the root is never followed: the loader
// refuses it, and "photos -> /" must not make the watcher walk the whole disk.
bool follows_folder(const Root& root, const std::filesystem::directory_entry& entry);

// Names the network or FUSE filesystem holding `dir` (or its nearest existing
// parent) when inotify cannot see changes made by other machines: "nfs share",
// "cifs share", "smb2 share", "fuse filesystem". Empty for local filesystems.
std::string remote_filesystem(const std::filesystem::path& dir);

// Every non-ignored file under the root (ignored folders skipped), keyed by
// display path, plus "." for the root folder itself (by inode, so a replaced
// or re-linked folder counts as a change). A missing root gives an empty map.
struct Scanned {
  FileSig sig;
  std::filesystem::path abs;
};
using Snapshot = std::map<std::string, Scanned>;
void scan_tree(const Root& root, Snapshot& out);

// Appends the keys that differ between the two snapshots.
void diff(const Snapshot& before, const Snapshot& after, std::vector<Change>& out);

}  // namespace annae::content::watch
