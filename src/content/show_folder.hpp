#pragma once
// The files of one show folder, in the order they play.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annae::content {

struct FolderEntry {
  enum class Role {
    slide,     // *.toml other than show.toml
    misnamed,  // *.toml.txt: Notepad added ".txt"; reported, not played
  };
  std::filesystem::path path;  // absolute
  std::string display_path;    // relative to the folder given to load_show, '/'-separated, NFC
  Role role = Role::slide;
};

struct FolderListing {
  std::optional<std::filesystem::path> show_toml;  // absolute, when the folder has one
  std::vector<FolderEntry> files;                  // in play order
  std::vector<std::string> subfolders;             // names, for "did you mean" on include
  std::string error;                               // set when the folder could not be read
};

// Lists `dir` (not its subfolders), skipping ignored names. `display_prefix`
// is "" for the top folder or "forum-2023/" for an included one.
FolderListing list_show_folder(const std::filesystem::path& dir, const std::string& display_prefix);

// File-name order as Windows Explorer shows it: digit runs compare by value
// ("2-a" before "10-b"), letters ignore ASCII case.
bool natural_less(std::string_view a, std::string_view b);

// For each file, a warning when its order number ("020" of "020-agenda.toml")
// is also used by an earlier file in the list; empty otherwise.
std::vector<std::string> duplicate_order_warnings(const std::vector<FolderEntry>& files);

}  // namespace annae::content
