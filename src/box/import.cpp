// import_show: a show on a stick → the box's show folder, swapped in with one rename.
// The checks and the decisions are here; what is done to files is in import_disk.cpp.
#include "box/import.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include "content/ignore.hpp"
#include "box/import_disk.hpp"
#include "content/show_folder.hpp"
#include "core/files.hpp"
#include "core/log.hpp"

namespace annae::box {
using content::FolderListing;
using content::LoadResult;
using content::is_interrupted_copy_name;
using content::load_show;
using content::list_show_folder;

// Everything the import does to files; the tidy-up below uses it too.
using namespace import_disk;

namespace {

namespace fs = std::filesystem;

constexpr std::size_t copy_buffer_bytes = 256 * 1024;
// Beyond the files themselves: folders' blocks and the filesystem's own reserve.
constexpr std::uintmax_t free_space_margin_bytes = 16 * 1024 * 1024;

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

}  // namespace annae::box
