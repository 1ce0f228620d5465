#pragma once
// Importing a show from a USB stick into the box's show folder, atomically.
//
// The player watches the show folder (ShowWatcher) and must see either the old
// show or the complete new one, never a mix: the new show is copied into a
// hidden folder beside the show folder, checked, flushed to disk, and only then
// swapped in with one rename. A stick pulled out, a broken show or a full disk
// leave the show folder exactly as it was.
//
// Threads: any thread; blocking (copies up to max_import_bytes). Imports into
// the same show folder are serialised by a lock on its parent folder: a second
// one started meanwhile fails at once ("another import ... is running").
// Errors: never throws; everything is reported in ImportResult.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/show_loader.hpp"

namespace annae::box {

// Import caps. limits.hpp bounds each kind of file a show loads; these bound
// the copy as a whole, so a stick cannot fill the box's disk.
// A single file larger than limits::max_image_file_bytes (the largest file a
// show can use) fails the import too.
inline constexpr std::uintmax_t max_import_bytes = 2ull * 1024 * 1024 * 1024;  // 2 GiB
inline constexpr std::size_t max_import_files = 10'000;

// Where the show is on a stick: `mount_point/annae` when that is a folder (the
// name matched case-insensitively, as FAT sticks say ANNAE; an exact "annae"
// wins), else `mount_point` itself when it holds a show.toml or slide files
// (as the loader finds them), else nullopt. Symbolic links are not followed.
std::optional<std::filesystem::path> find_show_on_stick(const std::filesystem::path& mount_point);

struct ImportOptions {
  // Test seam, may be empty: called after each file is copied (path relative to
  // the show), so tests can pull the stick out mid-copy. An exception it throws
  // fails the import like a read error.
  std::function<void(const std::filesystem::path& relative)> after_file;
  // Test seam: swap as on a filesystem without RENAME_EXCHANGE (see import_show).
  bool simulate_no_rename_exchange = false;
};

struct ImportResult {
  enum class Outcome {
    imported,  // the show folder now holds the stick's show
    rejected,  // the show has errors (`load` says which); nothing was changed
    failed,    // the stick, the disk or the system failed (`error` says how); nothing was changed
  };
  Outcome outcome = Outcome::failed;
  // The check of what would be shown: the copy when it got that far, else the
  // source. Diagnostic paths are relative to the show; folder-level ones name
  // the show folder (or the source). `load.show`, when set, is for counting and
  // reporting, not for playing: its root_dir may be the temporary folder.
  content::LoadResult load;
  // One line a technician can act on, ending in what happened to the show
  // folder ("cannot read 020-agenda.toml from the stick: Input/output error —
  // the stick was removed or is damaged; nothing was changed"). Set for
  // `failed` and `rejected` (the first error and how many there are); empty
  // when imported.
  std::string error;
  // What was copied, also when the copy was then thrown away.
  std::size_t files_copied = 0;
  std::uintmax_t bytes_copied = 0;
};

// Replaces the show folder `content_dir` with a copy of `show_source`:
//  1. load_show(show_source); errors → `rejected` (warnings import);
//  2. copy folders and regular files into `<parent>/.<name>.import-<pid>` (the
//     same filesystem), skipping ignored names (content/ignore.hpp), symbolic
//     links and special files; fsync every file and folder. Leftovers of a
//     crashed import (`.<name>.import-*`, `.old-*`, `.link-*`; with a link, also
//     `<name>-import-*` folders it does not point to) are removed first;
//  3. load_show on the copy (the stick may change mid-copy); errors → `rejected`;
//  4. swap. A folder: renameat2(RENAME_EXCHANGE), then the old tree is deleted.
//     Where the filesystem cannot exchange (EINVAL, ENOSYS, EOPNOTSUPP):
//     content_dir is renamed to `.<name>.old-<pid>`, then the copy to
//     content_dir — for that instant no show folder exists; a watching player
//     keeps its last good show and loads once the settle time has passed.
//     Missing: created by a plain rename (parents are created as needed).
//     A symbolic link (an `ln -sfn releases/v2 content` layout): the copy becomes
//     `<link name>-import-<YYYYMMDD-HHMMSS>` beside the link's target folder and
//     a new link is renamed over the old one (same relative/absolute style).
//     The old target stays untouched — unless it was made by an earlier import
//     (its name starts with `<link name>-import-`), which is deleted, so
//     repeated imports do not fill the disk while a technician's own releases
//     remain for rollback.
//     The parent folder is fsynced after the swap.
// Ownership and mode follow the existing show folder (a link's target): folders
// get its mode (e.g. 2775), files the same without execute bits (0664; 0644 for a
// 0755 folder); owner and group too when running as root. With no existing
// folder: 0755 and 0644, the process's ids.
// On any outcome but `imported` the show folder is unchanged byte for byte and
// no temporary folder is left behind.
ImportResult import_show(const std::filesystem::path& show_source, const std::filesystem::path& content_dir,
                         const ImportOptions& options = {});

// What tidy_show_folder() did.
struct TidyResult {
  std::vector<std::string> removed;  // paths removed, for the log
  std::string error;                 // why it could not look (empty: it did)
  bool import_running = false;       // an import holds the lock: nothing was touched
};

// Removes what interrupted copies left around and inside the show folder
// `content_dir`: the leftovers of an import cut off by a power failure or a
// pulled stick (the same ones import_show() removes before it copies), and the
// partial folders of an interrupted `rsync --delay-updates` push (`.~tmp~` in
// any folder of the show). Run once at boot (annae-tidy.service), before the
// player and any import start, so that a half copy never waits on the disk
// until the next import. Takes the import lock without waiting: while an
// import runs, it touches nothing. Never follows a symbolic link inside the show.
TidyResult tidy_show_folder(const std::filesystem::path& content_dir);

}  // namespace annae::box
