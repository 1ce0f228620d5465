#include "core/confined_dir.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>

namespace annae::files {

struct ConfinedDir::Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

namespace {

std::atomic<bool> force_walk{false};

// Closes on scope exit.
class Owned {
 public:
  explicit Owned(int fd = -1) : fd_(fd) {}
  ~Owned() {
    if (fd_ >= 0) ::close(fd_);
  }
  Owned(Owned&& o) noexcept : fd_(o.release()) {}
  Owned& operator=(Owned&& o) noexcept {
    if (this != &o) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = o.release();
    }
    return *this;
  }
  int get() const { return fd_; }
  int release() {
    const int f = fd_;
    fd_ = -1;
    return f;
  }

 private:
  int fd_;
};

constexpr int max_links_followed = 40;  // as the kernel's own ELOOP limit

std::deque<std::string> components_of(std::string_view path) {
  std::deque<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.emplace_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

// openat2 where the kernel has it; -1 with errno ENOSYS where it does not.
int open_with_openat2(int dir_fd, const std::string& relative, int flags) {
  open_how how{};
  // openat2, unlike openat, refuses O_PATH combined with other flags (EINVAL).
  const int extra = (flags & O_PATH) != 0 ? O_CLOEXEC : O_CLOEXEC | O_NOCTTY;
  how.flags = static_cast<std::uint64_t>(flags | extra);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  const char* path = relative.empty() ? "." : relative.c_str();
  return static_cast<int>(::syscall(SYS_openat2, dir_fd, path, &how, sizeof how));
}

// The same confinement by hand: each component is opened with O_NOFOLLOW; a
// link's target is spliced into the remaining components (absolute targets
// refused), and ".." may not climb above `dir_fd`. Sets errno like openat2
// (EXDEV for an escape, ELOOP for too many links).
int open_by_walk(int dir_fd, std::string_view relative, int flags) {
  std::deque<std::string> todo = components_of(relative);
  std::vector<Owned> stack;  // the folders walked into, below dir_fd
  auto current = [&] { return stack.empty() ? dir_fd : stack.back().get(); };
  int links = 0;
  while (!todo.empty()) {
    const std::string name = std::move(todo.front());
    todo.pop_front();
    if (name == ".") continue;
    if (name == "..") {
      if (stack.empty()) {
        errno = EXDEV;
        return -1;
      }
      stack.pop_back();
      continue;
    }
    Owned step(::openat(current(), name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    if (step.get() < 0) return -1;
    struct stat st {};
    if (::fstat(step.get(), &st) != 0) return -1;
    if (S_ISLNK(st.st_mode)) {
      if (++links > max_links_followed) {
        errno = ELOOP;
        return -1;
      }
      char target[4096];
      const ssize_t n = ::readlinkat(step.get(), "", target, sizeof target);
      if (n < 0 || static_cast<std::size_t>(n) >= sizeof target) {
        if (n >= 0) errno = ENAMETOOLONG;
        return -1;
      }
      const std::string_view link(target, static_cast<std::size_t>(n));
      if (link.starts_with('/')) {
        errno = EXDEV;
        return -1;
      }
      std::deque<std::string> spliced = components_of(link);
      todo.insert(todo.begin(), spliced.begin(), spliced.end());
      continue;
    }
    if (todo.empty()) {
      if ((flags & O_PATH) != 0) return step.release();
      // Reopen for reading by name, still refusing a link swapped in meanwhile.
      return ::openat(current(), name.c_str(), flags | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    }
    if (!S_ISDIR(st.st_mode)) {
      errno = ENOTDIR;
      return -1;
    }
    stack.push_back(std::move(step));
  }
  // The folder itself (empty path, or one that walked back to it).
  return ::openat(current(), ".", flags | O_CLOEXEC | O_NOCTTY);
}

int open_beneath(int dir_fd, std::string_view relative, int flags) {
  if (relative.starts_with('/')) {
    errno = EXDEV;
    return -1;
  }
  if (!force_walk.load(std::memory_order_relaxed)) {
    const int fd = open_with_openat2(dir_fd, std::string(relative), flags);
    if (fd >= 0 || errno != ENOSYS) return fd;
  }
  return open_by_walk(dir_fd, relative, flags);
}

EntryInfo info_from_errno(int err) {
  EntryInfo info;
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      info.kind = EntryKind::missing;
      break;
    case EXDEV:
      info.kind = EntryKind::outside;
      info.why = "it leads outside the show folder";
      break;
    case ELOOP:
      info.kind = EntryKind::link_loop;
      info.why = "it is a link that leads in a circle";
      break;
    default:
      info.kind = EntryKind::error;
      info.why = std::strerror(err);
  }
  return info;
}

EntryInfo info_from_stat(const struct stat& st) {
  EntryInfo info;
  if (S_ISREG(st.st_mode)) {
    info.kind = EntryKind::regular;
    info.size_bytes = static_cast<std::uintmax_t>(st.st_size);
    info.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    info.inode = static_cast<std::uint64_t>(st.st_ino);
  } else if (S_ISDIR(st.st_mode)) {
    info.kind = EntryKind::directory;
  } else {
    info.kind = EntryKind::special;
  }
  return info;
}

std::string join(std::string_view folder, std::string_view name) {
  if (folder.empty()) return std::string(name);
  std::string out(folder);
  if (!out.ends_with('/')) out += '/';
  out += name;
  return out;
}

std::string shown(std::string_view relative) { return relative.empty() ? std::string(".") : std::string(relative); }

}  // namespace

ConfinedDir ConfinedDir::open(const std::filesystem::path& dir) {
  const std::filesystem::path path = absolute_lexical(dir);
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    ConfinedDir failed;
    failed.path_ = path;
    failed.error_ = errno == ENOTDIR ? "this is a file, not a folder" : std::strerror(errno);
    return failed;
  }
  return ConfinedDir(std::make_shared<const Fd>(fd), path);
}

FolderId ConfinedDir::id() const {
  struct stat st {};
  if (!fd_ || ::fstat(fd_->fd, &st) != 0) return {0, 0};
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

EntryInfo ConfinedDir::info(std::string_view relative) const {
  if (!fd_) return info_from_errno(EBADF);
  Owned fd(open_beneath(fd_->fd, relative, O_PATH));
  if (fd.get() < 0) return info_from_errno(errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return info_from_errno(errno);
  return info_from_stat(st);
}

Listing ConfinedDir::list(std::string_view relative, std::size_t max_entries) const {
  Listing listing;
  if (!fd_) {
    listing.error = error_.empty() ? "the folder is not open" : error_;
    return listing;
  }
  Owned fd(open_beneath(fd_->fd, relative, O_RDONLY | O_DIRECTORY));
  if (fd.get() < 0) {
    const EntryInfo why = info_from_errno(errno);
    listing.error = why.kind == EntryKind::missing ? "it does not exist" : why.why;
    return listing;
  }
  DIR* dir = ::fdopendir(fd.get());
  if (!dir) {
    listing.error = std::strerror(errno);
    return listing;
  }
  fd.release();  // the DIR owns it now
  errno = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    if (listing.entries.size() == max_entries) {
      listing.truncated = true;
      break;
    }
    listing.entries.push_back({std::string(name), info(join(relative, name))});
    errno = 0;
  }
  if (errno != 0 && !listing.truncated) listing.error = std::strerror(errno);
  ::closedir(dir);
  return listing;
}

ReadResult ConfinedDir::read(std::string_view relative, std::size_t max_bytes) const {
  ReadResult result;
  auto fail = [&](std::string why) {
    result.error = "cannot read " + shown(relative) + ": " + std::move(why);
    return result;
  };
  if (!fd_) return fail(error_.empty() ? "the folder is not open" : error_);
  // Look before opening for reading: opening a device can have effects, and a FIFO could block.
  Owned probe(open_beneath(fd_->fd, relative, O_PATH));
  if (probe.get() < 0) {
    const EntryInfo why = info_from_errno(errno);
    return fail(why.kind == EntryKind::missing ? "it does not exist" : why.why);
  }
  struct stat before {};
  if (::fstat(probe.get(), &before) != 0) return fail(std::strerror(errno));
  if (S_ISDIR(before.st_mode)) return fail("it is a folder, not a file");
  if (!S_ISREG(before.st_mode)) return fail("it is a special file (a pipe, device or socket), not an ordinary file");
  if (static_cast<std::uintmax_t>(before.st_size) > max_bytes) {
    result.too_large = true;
    result.error = shown(relative) + " is " + std::to_string(before.st_size) + " bytes, over the limit of " +
                   std::to_string(max_bytes);
    return result;
  }
  Owned fd(open_beneath(fd_->fd, relative, O_RDONLY | O_NONBLOCK));
  if (fd.get() < 0) return fail(std::strerror(errno));
  struct stat after {};
  if (::fstat(fd.get(), &after) != 0) return fail(std::strerror(errno));
  if (after.st_dev != before.st_dev || after.st_ino != before.st_ino)
    return fail("it was replaced while being read; it will be read again");
  // Read at most max_bytes + 1: a file that grew after fstat is still refused, not cut.
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(after.st_size) + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (bytes.size() > max_bytes) break;
      bytes.resize(std::min(max_bytes + 1, bytes.size() * 2));
    }
    const ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > max_bytes) {
    result.too_large = true;
    result.error = shown(relative) + " grew over the limit of " + std::to_string(max_bytes) + " bytes while being read";
    return result;
  }
  bytes.resize(got);
  result.bytes = std::move(bytes);
  return result;
}

ConfinedDir ConfinedDir::subdir(std::string_view relative) const {
  ConfinedDir sub;
  sub.path_ = (path_ / std::string(relative)).lexically_normal();
  if (!fd_) {
    sub.error_ = "the folder is not open";
    return sub;
  }
  const int fd = open_beneath(fd_->fd, relative, O_RDONLY | O_DIRECTORY);
  if (fd < 0) {
    const EntryInfo why = info_from_errno(errno);
    sub.error_ = why.kind == EntryKind::missing ? "it does not exist" : why.why;
    return sub;
  }
  sub.fd_ = std::make_shared<const Fd>(fd);
  return sub;
}

void ConfinedDir::use_walk_for_tests(bool on) { force_walk.store(on, std::memory_order_relaxed); }

std::string describe(const EntryInfo& info) {
  switch (info.kind) {
    case EntryKind::missing: return "not there";
    case EntryKind::regular: return "a file";
    case EntryKind::directory: return "a folder";
    case EntryKind::special: return "a special file (a pipe, device or socket), not an ordinary file";
    case EntryKind::outside: return "a link to a place outside the show folder";
    case EntryKind::link_loop: return "a link that leads in a circle";
    case EntryKind::error: return "unreadable (" + info.why + ")";
  }
  return {};
}

}  // namespace annae::files
