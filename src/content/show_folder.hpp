#pragma once
// The files of one show folder, in the order they play.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/confined_dir.hpp"

namespace annae::content {

struct FolderEntry {
  enum class Role {
    slide,     // *.toml other than show.toml
    misnamed,  // *.toml.txt: Notepad added ".txt"; reported, not played
    refused,   // a *.toml that is not a regular file inside the folder; `refusal` says why
  };
  std::string name;          // the file name as stored, for ConfinedDir::read
  std::string display_path;  // relative to the folder given to load_show, '/'-separated, NFC
  Role role = Role::slide;
  std::string refusal;       // for Role::refused: "is a link to a file outside the show folder", ...
};

struct FolderListing {
  std::optional<FolderEntry> show_toml;  // when the folder has one (it may be refused)
  std::vector<FolderEntry> files;        // in play order
  std::vector<std::string> subfolders;   // names of folders inside, for "did you mean" on include
  // Slide-like names that cannot be shown as they are (control characters,
  // bytes that are no known encoding), as stored: reported, never silently skipped.
  std::vector<std::string> unshowable_names;
  std::string error;                     // set when the folder could not be read
  bool truncated = false;                // more entries than a show folder may hold; the rest were not looked at
};

// Lists `dir` (not its subfolders), skipping ignored names. `display_prefix`
// is "" for the top folder or "forum-2023/" for an included one. Nothing
// outside `dir` is examined: a link leading out is listed as refused.
FolderListing list_show_folder(const files::ConfinedDir& dir, const std::string& display_prefix);

// True when `name` holds a C0 control code or DEL (a newline, ESC, BEL...):
// no editor or Windows can make such a name, and a terminal would obey it.
bool has_control_codes(std::string_view name);

// File-name order as Windows Explorer shows it: digit runs compare by value
// ("2-a" before "10-b"), letters ignore ASCII case.
bool natural_less(std::string_view a, std::string_view b);

// For each file, a warning when its order number ("020" of "020-agenda.toml")
// is also used by an earlier file in the list; empty otherwise.
std::vector<std::string> duplicate_order_warnings(const std::vector<FolderEntry>& files);

}  // namespace annae::content
