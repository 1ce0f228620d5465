#pragma once
// Files that copying tools, editors and operating systems leave in a folder
// while they work. They are never content, so the loader skips them and the
// watcher does not reload for them.
#include <filesystem>
#include <string_view>

namespace annae::content {

// True for hidden files (".x", which covers .DS_Store, .syncthing.*, .~lock.*),
// backups ("x~"), partial copies ("*.tmp", "*.part", "*.crdownload",
// "~syncthing~*"), Office lock files ("~$x"), Thumbs.db, desktop.ini and __MACOSX.
// Case-insensitive where Windows would be.
bool is_ignored_name(std::string_view filename);

// True when any component of `relative` (a path inside the show) is ignored,
// e.g. "__MACOSX/010-cover.toml".
bool is_ignored_path(const std::filesystem::path& relative);

// True for names that exist only while a copy is under way and are garbage once
// it was cut off (a power failure): rsync's file in transfer (".NAME.XXXXXX", six
// letters or digits) and its --delay-updates staging folder (".~tmp~"),
// syncthing's temporary files (".syncthing.NAME.tmp", "~syncthing~NAME.tmp").
// Every such name is also is_ignored_name(). Used by the boot-time tidy.
bool is_interrupted_copy_name(std::string_view filename);

}  // namespace annae::content
