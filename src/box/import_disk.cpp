// The import's work on files (import_disk.hpp): the stick listed, files
// copied and flushed, the renames of the swap and the leftovers of earlier imports.
#include "box/import_disk.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>  // renameat2 and RENAME_EXCHANGE (glibc 2.28 and later)
#include <cstring>
#include <ctime>

#include "content/ignore.hpp"
#include "box/import.hpp"
#include "content/limits.hpp"
#include "core/log.hpp"

namespace annae::box::import_disk {
using content::is_ignored_name;
namespace limits = content::limits;

namespace fs = std::filesystem;

namespace {

std::string stick_name(const fs::path& source, const fs::path& rel) {
  return rel.empty() ? source.string() : rel.generic_string();
}

// chown before chmod: chown may clear set-group-ID bits.
std::string apply_look(int fd, mode_t mode, const Look& look, const fs::path& path) {
  if (look.set_owner && ::fchown(fd, look.uid, look.gid) != 0)
    return disk_error("set the owner of", path, std::strerror(errno));
  if (::fchmod(fd, mode) != 0) return disk_error("set the mode of", path, std::strerror(errno));
  return {};
}

}  // namespace

void OwnedTree::remove() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
  // What stays is hidden and removed by the next import.
  if (ec) log::warning("import: cannot remove " + path_.string() + ": " + ec.message());
  path_.clear();
}

std::string size_text(std::uintmax_t bytes) {
  char buf[32];
  if (bytes >= 1024ull * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return buf;
}

std::string stick_error(const std::string& what, const std::string& reason) {
  return "cannot read " + what + " from the stick: " + reason + " — the stick was removed or is damaged; " +
         std::string(nothing_changed);
}

std::string disk_error(const std::string& action, const fs::path& path, const std::string& reason) {
  return "cannot " + action + " " + path.string() + ": " + reason + "; " + std::string(nothing_changed);
}

// ---- what to copy ----------------------------------------------------------

std::string plan_tree(const fs::path& source, const fs::path& rel, Plan& plan) {
  const fs::path dir = rel.empty() ? source : source / rel;
  std::vector<fs::path> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename());
  }
  if (ec) return stick_error(stick_name(source, rel), ec.message());
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    if (is_ignored_name(name.string())) continue;
    const fs::path child = rel / name;
    struct stat st {};
    if (::lstat((source / child).c_str(), &st) != 0) return stick_error(child.generic_string(), std::strerror(errno));
    // Links and special files are skipped: FAT has none, and a link could
    // reach outside the stick.
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) continue;
    if (plan.entries.size() >= max_import_files) {
      return "the show on the stick has more than " + std::to_string(max_import_files) +
             " files and folders, more than an import can take; " + std::string(nothing_changed);
    }
    if (S_ISDIR(st.st_mode)) {
      plan.entries.push_back({child, true});
      if (std::string error = plan_tree(source, child, plan); !error.empty()) return error;
      continue;
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > limits::max_image_file_bytes) {
      return child.generic_string() + " on the stick is " + size_text(size) + "; a file in a show can be at most " +
             size_text(limits::max_image_file_bytes) + " (remove it from the stick's show folder); " +
             std::string(nothing_changed);
    }
    plan.total_bytes += size;
    ++plan.file_count;
    if (plan.total_bytes > max_import_bytes) {
      return "the show on the stick is more than " + size_text(max_import_bytes) + ", more than an import can take; " +
             std::string(nothing_changed);
    }
    plan.entries.push_back({child, false});
  }
  return {};
}

// ---- how the copy looks on disk ---------------------------------------------

Look look_of(const fs::path& existing_dir) {
  Look look;
  struct stat st {};
  if (::stat(existing_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return look;
  look.dir_mode = st.st_mode & 07777;
  look.file_mode = look.dir_mode & 0666;  // 2775 → 0664, 0755 → 0644
  look.set_owner = ::geteuid() == 0;
  look.uid = st.st_uid;
  look.gid = st.st_gid;
  return look;
}

std::string make_dir(const fs::path& path, const Look& look) {
  if (::mkdir(path.c_str(), 0700) != 0) return disk_error("create", path, std::strerror(errno));
  Fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd.ok()) return disk_error("open", path, std::strerror(errno));
  return apply_look(fd.get(), look.dir_mode, look, path);
}

std::string fsync_dir(const fs::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.ok() || ::fsync(fd.get()) != 0) return disk_error("flush", path, std::strerror(errno));
  return {};
}

std::string copy_file(const fs::path& from, const fs::path& to, const std::string& rel, const Look& look,
                      CopyCounters& counters, std::vector<char>& buffer) {
  // O_NONBLOCK: a FIFO put in a file's place after the listing would block the
  // open forever; it is refused by the fstat below instead. Regular files ignore it.
  Fd in(::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!in.ok()) return stick_error(rel, std::strerror(errno));
  struct stat st {};
  if (::fstat(in.get(), &st) != 0) return stick_error(rel, std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return stick_error(rel, "no longer a regular file");
  Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!out.ok()) return disk_error("create", to, std::strerror(errno));
  std::uintmax_t file_bytes = 0;
  for (;;) {
    const ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return stick_error(rel, std::strerror(errno));
    if (got == 0) break;
    file_bytes += static_cast<std::uintmax_t>(got);
    if (file_bytes > limits::max_image_file_bytes || counters.bytes + file_bytes > max_import_bytes) {
      return rel + " grew on the stick while it was copied, past the size an import can take; " +
             std::string(nothing_changed);
    }
    for (ssize_t put = 0; put < got;) {
      const ssize_t n = ::write(out.get(), buffer.data() + put, static_cast<std::size_t>(got - put));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return disk_error("write", to, std::strerror(errno));
      put += n;
    }
  }
  if (std::string error = apply_look(out.get(), look.file_mode, look, to); !error.empty()) return error;
  // The stick's modification time, so staff see when they edited a file; not worth failing for.
  const timespec times[2] = {st.st_atim, st.st_mtim};
  ::futimens(out.get(), times);
  if (::fsync(out.get()) != 0) return disk_error("write", to, std::strerror(errno));
  if (const int err = out.close(); err != 0) return disk_error("write", to, std::strerror(err));
  ++counters.files;
  counters.bytes += file_bytes;
  return {};
}

// ---- the swap ---------------------------------------------------------------

int exchange_paths(const fs::path& a, const fs::path& b) {
#if defined(RENAME_EXCHANGE)
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE);
#else
  // glibc before 2.28 has no wrapper; the kernel has the call since 3.15.
  constexpr unsigned rename_exchange = 1u << 1;
  return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), rename_exchange));
#endif
}

bool exchange_unsupported(int err) { return err == EINVAL || err == ENOSYS || err == EOPNOTSUPP; }

std::vector<std::string> remove_leftovers(const fs::path& dir, const std::string& name, bool releases_too,
                                          const fs::path& keep) {
  const std::string hidden[] = {"." + name + ".import-", "." + name + ".old-", "." + name + ".link-"};
  const std::string release = name + "-import-";
  std::vector<fs::path> doomed;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    const bool leftover =
        std::any_of(std::begin(hidden), std::end(hidden), [&](const std::string& p) { return entry.starts_with(p); });
    if (leftover || (releases_too && entry.starts_with(release) && it->path() != keep)) doomed.push_back(it->path());
  }
  std::vector<std::string> removed;
  for (const auto& path : doomed) {
    log::info("import: removing " + path.string() + ", left by an earlier import");
    std::error_code rm_ec;
    fs::remove_all(path, rm_ec);
    if (rm_ec) log::warning("import: cannot remove " + path.string() + ": " + rm_ec.message());
    else removed.push_back(path.string());
  }
  return removed;
}

fs::path release_path(const fs::path& dir, const std::string& name) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
  const std::string base = name + "-import-" + stamp;
  fs::path path = dir / base;
  std::error_code ec;
  for (int n = 2; fs::symlink_status(path, ec).type() != fs::file_type::not_found; ++n) {
    path = dir / (base + "-" + std::to_string(n));
  }
  return path;
}

void flush_parent(const fs::path& dir) {
  // The swap is done and visible; only its survival of a power cut is at stake.
  if (std::string error = fsync_dir(dir); !error.empty()) log::warning("import: " + error);
}

}  // namespace annae::box::import_disk
