// import_show: a show on a stick → the box's show folder, swapped in with one rename.
#include "content/import.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>  // renameat2 and RENAME_EXCHANGE (glibc 2.28 and later)
#include <cstring>
#include <ctime>
#include <string_view>
#include <vector>

#include "content/ignore.hpp"
#include "content/limits.hpp"
#include "content/show_folder.hpp"
#include "core/files.hpp"
#include "core/log.hpp"

namespace annae::content {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view nothing_changed = "nothing was changed";
constexpr std::size_t copy_buffer_bytes = 256 * 1024;
// Beyond the files themselves: folders' blocks and the filesystem's own reserve.
constexpr std::uintmax_t free_space_margin_bytes = 16 * 1024 * 1024;

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
  void own(fs::path path) { path_ = std::move(path); }
  void release() { path_.clear(); }
  void remove() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
    // What stays is hidden and removed by the next import.
    if (ec) log::warning("import: cannot remove " + path_.string() + ": " + ec.message());
    path_.clear();
  }

 private:
  fs::path path_;
};

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

std::string rejection_text(const std::string& what, const LoadResult& load) {
  const std::size_t errors = load.diagnostics.error_count();
  std::string first;
  for (const auto& d : load.diagnostics.items()) {
    if (d.severity != Severity::error) continue;
    first = format_for_log(d);
    break;
  }
  return what + " has " + std::to_string(errors) + (errors == 1 ? " error" : " errors") + " (first: " + first + "); " +
         std::string(nothing_changed);
}

bool rejected(const LoadResult& load) { return !load.show || load.diagnostics.has_errors(); }

// Folder-level diagnostics of a load of the temporary copy name that folder;
// the technician knows it as the show folder.
void rename_folder_in_diagnostics(LoadResult& load, const fs::path& from, const fs::path& to) {
  const std::string prefix = from.generic_string();
  Diagnostics renamed;
  for (Diagnostic d : load.diagnostics.items()) {
    if (d.path.starts_with(prefix)) d.path = to.generic_string() + d.path.substr(prefix.size());
    renamed.add(std::move(d));
  }
  load.diagnostics = std::move(renamed);
}

// ---- what to copy ----------------------------------------------------------

struct Entry {
  fs::path rel;
  bool is_dir = false;
};

struct Plan {
  std::vector<Entry> entries;  // parents before children
  std::uintmax_t total_bytes = 0;
  std::size_t file_count = 0;
};

std::string stick_name(const fs::path& source, const fs::path& rel) {
  return rel.empty() ? source.string() : rel.generic_string();
}

// Lists folders and regular files under source/rel, by name; returns an error text.
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

struct Look {
  mode_t dir_mode = 0755;
  mode_t file_mode = 0644;
  bool set_owner = false;  // only root may give files away
  uid_t uid = 0;
  gid_t gid = 0;
};

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

// chown before chmod: chown may clear set-group-ID bits.
std::string apply_look(int fd, mode_t mode, const Look& look, const fs::path& path) {
  if (look.set_owner && ::fchown(fd, look.uid, look.gid) != 0)
    return disk_error("set the owner of", path, std::strerror(errno));
  if (::fchmod(fd, mode) != 0) return disk_error("set the mode of", path, std::strerror(errno));
  return {};
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

struct CopyCounters {
  std::size_t files = 0;
  std::uintmax_t bytes = 0;
};

// Copies one regular file and flushes it; the stick's errors and the disk's are told apart.
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

// Removes what earlier, interrupted imports into `name` left in `dir`;
// returns the paths removed. `keep` (a symbolic link's current target) is
// never removed.
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

// "content-import-20240501-101500", made unique in `dir`.
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

// What is at content_dir, and where the copy is made.
struct Layout {
  enum class Kind { missing, folder, link } kind = Kind::missing;
  fs::path copy_parent;  // the temporary folder's parent: content_dir's, or the link target's
  fs::path old_target;   // Kind::link: the folder the link points to, absolute
  fs::path link_text;    // Kind::link: what the link says
};

class Importer {
 public:
  Importer(const fs::path& source, const fs::path& content_dir, const ImportOptions& options, ImportResult& result)
      : source_(source),
        content_(files::absolute_lexical(content_dir)),
        parent_(content_.parent_path()),
        name_(content_.filename().string()),
        options_(options),
        result_(result) {}

  void run();

 private:
  bool fail(std::string error) {
    result_.outcome = ImportResult::Outcome::failed;
    result_.error = std::move(error);
    return false;
  }
  bool lock_parent();
  bool find_layout();
  bool copy(const Plan& plan, const fs::path& tmp);
  void swap_folder(const fs::path& tmp);
  void swap_missing(const fs::path& tmp);
  void swap_link(const fs::path& tmp);
  void imported() {
    result_.outcome = ImportResult::Outcome::imported;
    result_.error.clear();
  }

  const fs::path& source_;
  const fs::path content_;
  const fs::path parent_;
  const std::string name_;
  const ImportOptions& options_;
  ImportResult& result_;
  Fd lock_;
  Layout layout_;
  Look look_;
  OwnedTree owned_;  // the temporary copy; after a swap, the old show
};

bool Importer::lock_parent() {
  std::error_code ec;
  fs::create_directories(parent_, ec);
  if (ec) return fail(disk_error("create", parent_, ec.message()));
  lock_.reset(::open(parent_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!lock_.ok()) return fail(disk_error("open", parent_, std::strerror(errno)));
  if (::flock(lock_.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK)
      return fail("another import into " + content_.string() + " is running; " + std::string(nothing_changed));
    return fail(disk_error("lock", parent_, std::strerror(errno)));
  }
  return true;
}

bool Importer::find_layout() {
  struct stat st {};
  if (::lstat(content_.c_str(), &st) != 0) {
    if (errno != ENOENT) return fail(disk_error("look at", content_, std::strerror(errno)));
    layout_.kind = Layout::Kind::missing;
    layout_.copy_parent = parent_;
    return true;
  }
  if (S_ISDIR(st.st_mode)) {
    layout_.kind = Layout::Kind::folder;
    layout_.copy_parent = parent_;
    look_ = look_of(content_);
    return true;
  }
  if (!S_ISLNK(st.st_mode))
    return fail(content_.string() + " exists and is not a folder; " + std::string(nothing_changed));
  std::error_code ec;
  layout_.kind = Layout::Kind::link;
  layout_.link_text = fs::read_symlink(content_, ec);
  if (ec) return fail(disk_error("read the link", content_, ec.message()));
  layout_.old_target =
      files::absolute_lexical(layout_.link_text.is_absolute() ? layout_.link_text : parent_ / layout_.link_text);
  layout_.copy_parent = layout_.old_target.parent_path();
  fs::create_directories(layout_.copy_parent, ec);
  if (ec) return fail(disk_error("create", layout_.copy_parent, ec.message()));
  look_ = look_of(layout_.old_target);
  return true;
}

bool Importer::copy(const Plan& plan, const fs::path& tmp) {
  struct statvfs vfs {};
  if (::statvfs(layout_.copy_parent.c_str(), &vfs) == 0) {
    const std::uintmax_t free_bytes = static_cast<std::uintmax_t>(vfs.f_bavail) * vfs.f_frsize;
    if (plan.total_bytes + free_space_margin_bytes > free_bytes) {
      return fail("not enough space in " + layout_.copy_parent.string() + ": the show needs " +
                  size_text(plan.total_bytes) + ", " + size_text(free_bytes) + " are free; " +
                  std::string(nothing_changed));
    }
  }
  owned_.own(tmp);
  if (std::string error = make_dir(tmp, look_); !error.empty()) return fail(error);
  CopyCounters counters;
  std::vector<char> buffer(copy_buffer_bytes);
  std::vector<fs::path> dirs = {tmp};
  for (const Entry& entry : plan.entries) {
    const fs::path to = tmp / entry.rel;
    std::string error;
    if (entry.is_dir) {
      error = make_dir(to, look_);
      dirs.push_back(to);
    } else {
      error = copy_file(source_ / entry.rel, to, entry.rel.generic_string(), look_, counters, buffer);
    }
    result_.files_copied = counters.files;
    result_.bytes_copied = counters.bytes;
    if (!error.empty()) return fail(error);
    if (!entry.is_dir && options_.after_file) options_.after_file(entry.rel);
  }
  // Children first, so every name is durable before the name that leads to it.
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) {
    if (std::string error = fsync_dir(*it); !error.empty()) return fail(error);
  }
  return true;
}

void Importer::swap_missing(const fs::path& tmp) {
  if (::rename(tmp.c_str(), content_.c_str()) != 0) {
    fail(disk_error("create", content_, std::strerror(errno)));
    return;
  }
  owned_.release();
  imported();
  flush_parent(parent_);
}

void Importer::swap_folder(const fs::path& tmp) {
  if (!options_.simulate_no_rename_exchange) {
    if (exchange_paths(tmp, content_) == 0) {
      imported();
      flush_parent(parent_);
      owned_.remove();  // the old show, now at tmp
      return;
    }
    if (!exchange_unsupported(errno)) {
      fail(disk_error("replace", content_, std::strerror(errno)));
      return;
    }
  }
  const fs::path old = parent_ / ("." + name_ + ".old-" + std::to_string(::getpid()));
  if (::rename(content_.c_str(), old.c_str()) != 0) {
    fail(disk_error("move aside", content_, std::strerror(errno)));
    return;
  }
  if (::rename(tmp.c_str(), content_.c_str()) != 0) {
    const int err = errno;
    if (::rename(old.c_str(), content_.c_str()) != 0) {
      // Cannot happen short of a failing disk: the show is intact, under another name.
      fail("cannot replace " + content_.string() + ": " + std::strerror(err) + "; the show is still complete at " +
           old.string() + " — rename it back to " + content_.string());
      return;
    }
    fail(disk_error("replace", content_, std::strerror(err)));
    return;
  }
  imported();
  flush_parent(parent_);
  owned_.own(old);
  owned_.remove();
}

void Importer::swap_link(const fs::path& tmp) {
  const fs::path release = release_path(layout_.copy_parent, name_);
  if (::rename(tmp.c_str(), release.c_str()) != 0) {
    fail(disk_error("create", release, std::strerror(errno)));
    return;
  }
  owned_.own(release);
  if (std::string error = fsync_dir(layout_.copy_parent); !error.empty()) {
    fail(error);
    return;
  }
  const fs::path new_link = parent_ / ("." + name_ + ".link-" + std::to_string(::getpid()));
  const fs::path text = layout_.link_text.is_absolute() ? release : release.lexically_relative(parent_);
  if (::symlink(text.c_str(), new_link.c_str()) != 0) {
    fail(disk_error("create the link", new_link, std::strerror(errno)));
    return;
  }
  if (::rename(new_link.c_str(), content_.c_str()) != 0) {
    const int err = errno;
    ::unlink(new_link.c_str());
    fail(disk_error("replace the link", content_, std::strerror(err)));
    return;
  }
  owned_.release();
  imported();
  flush_parent(parent_);
  if (layout_.old_target.filename().string().starts_with(name_ + "-import-")) {
    owned_.own(layout_.old_target);
    owned_.remove();
  }
}

void Importer::run() {
  // A stick gone before the check is a failure of the stick, not of the show.
  struct stat st {};
  if (::stat(source_.c_str(), &st) != 0) {
    fail(stick_error(source_.string(), std::strerror(errno)));
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    fail(stick_error(source_.string(), "not a folder"));
    return;
  }
  result_.load = load_show(source_);
  if (rejected(result_.load)) {
    result_.outcome = ImportResult::Outcome::rejected;
    result_.error = rejection_text("the show on the stick", result_.load);
    return;
  }
  if (name_.empty() || name_ == "." || name_ == "..") {
    fail(content_.string() + " cannot be a show folder; " + std::string(nothing_changed));
    return;
  }
  if (!lock_parent() || !find_layout()) return;
  remove_leftovers(parent_, name_, false, {});
  if (layout_.kind == Layout::Kind::link) remove_leftovers(layout_.copy_parent, name_, true, layout_.old_target);

  Plan plan;
  if (std::string error = plan_tree(source_, {}, plan); !error.empty()) {
    fail(error);
    return;
  }
  const fs::path tmp = layout_.copy_parent / ("." + name_ + ".import-" + std::to_string(::getpid()));
  if (!copy(plan, tmp)) return;

  result_.load = load_show(tmp);
  rename_folder_in_diagnostics(result_.load, tmp, content_);
  if (rejected(result_.load)) {
    result_.outcome = ImportResult::Outcome::rejected;
    result_.error =
        rejection_text("the show copied from the stick (did the stick change while it was read?)", result_.load);
    return;
  }
  switch (layout_.kind) {
    case Layout::Kind::missing:
      swap_missing(tmp);
      break;
    case Layout::Kind::folder:
      swap_folder(tmp);
      break;
    case Layout::Kind::link:
      swap_link(tmp);
      break;
  }
}

bool is_show_folder(const fs::path& dir) {
  const FolderListing listing = list_show_folder(files::ConfinedDir::open(dir), "");
  return listing.error.empty() && (listing.show_toml || !listing.files.empty());
}

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::optional<fs::path> find_show_on_stick(const fs::path& mount_point) {
  std::optional<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(mount_point, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (ascii_lower(name) != "annae") continue;
    std::error_code type_ec;
    if (it->symlink_status(type_ec).type() != fs::file_type::directory) continue;
    if (!found || name == "annae") found = it->path();
  }
  if (found) return found;
  if (is_show_folder(mount_point)) return mount_point;
  return std::nullopt;
}

ImportResult import_show(const fs::path& show_source, const fs::path& content_dir, const ImportOptions& options) {
  ImportResult result;
  try {
    Importer(show_source, content_dir, options, result).run();
  } catch (const std::exception& e) {
    // The Importer's destructor has removed the temporary copy by now.
    if (result.outcome != ImportResult::Outcome::imported) {
      result.outcome = ImportResult::Outcome::failed;
      result.error = std::string("import stopped: ") + e.what() + "; " + std::string(nothing_changed);
    }
  } catch (...) {
    if (result.outcome != ImportResult::Outcome::imported) {
      result.outcome = ImportResult::Outcome::failed;
      result.error = "import stopped by an unknown error; " + std::string(nothing_changed);
    }
  }
  return result;
}

TidyResult tidy_show_folder(const fs::path& content_dir) {
  TidyResult result;
  const fs::path content = files::absolute_lexical(content_dir);
  const fs::path parent = content.parent_path();
  const std::string name = content.filename().string();
  if (name.empty() || name == "." || name == "..") {
    result.error = content.string() + " cannot be a show folder";
    return result;
  }
  Fd lock(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!lock.ok()) {
    result.error = disk_error("open", parent, std::strerror(errno));
    return result;
  }
  if (::flock(lock.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) result.import_running = true;
    else result.error = disk_error("lock", parent, std::strerror(errno));
    return result;
  }
  const auto add = [&](std::vector<std::string> paths) {
    result.removed.insert(result.removed.end(), paths.begin(), paths.end());
  };
  add(remove_leftovers(parent, name, false, {}));
  fs::path show_root = content;
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(content, ec))) {
    const fs::path text = fs::read_symlink(content, ec);
    if (!ec) {
      show_root = files::absolute_lexical(text.is_absolute() ? text : parent / text);
      add(remove_leftovers(show_root.parent_path(), name, true, show_root));
    }
  }
  // rsync writes a file in transfer as ".NAME.XXXXXX" beside it and, with
  // --delay-updates, keeps finished ones in ".~tmp~" until the end; a push cut
  // off leaves both (syncthing, its own temporary names).
  std::vector<fs::path> partial;
  for (fs::recursive_directory_iterator it(show_root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it.depth() > 8) {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code entry_ec;
    if (is_interrupted_copy_name(it->path().filename().string()) && !it->is_symlink(entry_ec)) {
      partial.push_back(it->path());
      it.disable_recursion_pending();
    }
  }
  for (const auto& path : partial) {
    log::info("tidy: removing " + path.string() + ", left by an interrupted copy (rsync, syncthing)");
    fs::remove_all(path, ec);
    if (ec) log::warning("tidy: cannot remove " + path.string() + ": " + ec.message());
    else result.removed.push_back(path.string());
  }
  return result;
}

}  // namespace annae::content
