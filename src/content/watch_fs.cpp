#include "content/watch_fs.hpp"

#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <algorithm>

#include "content/ignore.hpp"

namespace annae::content::watch {

namespace fs = std::filesystem;

FileSig file_sig(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  // A folder's size and mtime move with every file added, which the files'
  // own changes already report; only its identity matters (replaced or not).
  if (S_ISDIR(st.st_mode)) return {0, 0, static_cast<std::uint64_t>(st.st_ino)};
  return {static_cast<std::int64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
          static_cast<std::uint64_t>(st.st_ino)};
}

std::string Root::display(const fs::path& rel) const {
  if (dir == show) return rel.empty() ? std::string(".") : rel.generic_string();
  return (dir / rel).lexically_relative(show).generic_string();
}

std::string remote_filesystem(const fs::path& dir) {
  // A folder that does not exist yet will appear on its parent's filesystem.
  fs::path probe = dir;
  struct statfs st {};
  while (::statfs(probe.c_str(), &st) != 0) {
    if (!probe.has_relative_path()) return {};
    probe = probe.parent_path();
  }
  // f_type is signed on some ABIs; the magic numbers are 32-bit.
  switch (static_cast<std::uint32_t>(st.f_type)) {
    case NFS_SUPER_MAGIC:
      return "nfs share";
    case SMB_SUPER_MAGIC:
      return "smb share";
    case CIFS_SUPER_MAGIC:
      return "cifs share";
    case SMB2_SUPER_MAGIC:
      return "smb2 share";
    case FUSE_SUPER_MAGIC:
      return "fuse filesystem";
    default:
      return {};
  }
}

namespace {

// Linked folders inside the root are followed, as the loader follows them;
// the depth cap keeps a link loop from running away (a show is two or three
// levels deep). One unreadable folder leaves out only itself.
void scan_dir(const Root& root, const fs::path& rel, int depth, Snapshot& out) {
  constexpr int max_depth = 8;
  std::error_code ec;
  const fs::path abs = rel.empty() ? root.dir : root.dir / rel;
  for (fs::directory_iterator it(abs, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (is_ignored_name(name)) continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      if (depth < max_depth && follows_folder(root, *it)) scan_dir(root, rel / name, depth + 1, out);
      continue;
    }
    out[root.display(rel / name)] = {file_sig(it->path()), it->path()};
  }
}

}  // namespace

bool follows_folder(const Root& root, const fs::directory_entry& entry) {
  std::error_code ec;
  if (!entry.is_symlink(ec)) return entry.is_directory(ec);
  const fs::path target = fs::canonical(entry.path(), ec);
  if (ec) return false;
  const fs::path inside = fs::canonical(root.dir, ec);
  if (ec) return false;
  const auto [end, _] = std::mismatch(inside.begin(), inside.end(), target.begin(), target.end());
  return end == inside.end();
}

void scan_tree(const Root& root, Snapshot& out) {
  std::error_code ec;
  if (!fs::is_directory(root.dir, ec)) return;
  out[root.display({})] = {file_sig(root.dir), root.dir};
  scan_dir(root, {}, 0, out);
}

void diff(const Snapshot& before, const Snapshot& after, std::vector<Change>& out) {
  auto a = before.begin();
  auto b = after.begin();
  while (a != before.end() || b != after.end()) {
    if (b == after.end() || (a != before.end() && a->first < b->first)) {
      out.push_back({a->first, a->second.abs});
      ++a;
    } else if (a == before.end() || b->first < a->first) {
      out.push_back({b->first, b->second.abs});
      ++b;
    } else {
      if (!(a->second.sig == b->second.sig)) out.push_back({b->first, b->second.abs});
      ++a;
      ++b;
    }
  }
}

}  // namespace annae::content::watch
