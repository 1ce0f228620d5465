#include "content/ignore.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace annae::content {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool is_ignored_name(std::string_view filename) {
  if (filename.empty() || filename == "." || filename == "..") return true;
  if (filename.front() == '.') return true;  // hidden, .DS_Store, .syncthing.*, .~lock.*#
  if (filename.back() == '~') return true;   // editor backups
  if (filename.starts_with("~$")) return true;  // Office owner files
  const std::string lower = ascii_lower(filename);
  if (lower.starts_with("~syncthing~")) return true;  // Syncthing's temporary files on Windows
  static constexpr std::array<std::string_view, 4> temporary_suffixes = {".tmp", ".part", ".crdownload", ".partial"};
  for (auto suffix : temporary_suffixes)
    if (ends_with(lower, suffix)) return true;
  static constexpr std::array<std::string_view, 4> system_files = {"thumbs.db", "desktop.ini", "__macosx",
                                                                    "ehthumbs.db"};
  return std::find(system_files.begin(), system_files.end(), lower) != system_files.end();
}

bool is_ignored_path(const std::filesystem::path& relative) {
  for (const auto& part : relative) {
    const std::string name = part.string();
    if (name == "." || name.empty()) continue;
    if (is_ignored_name(name)) return true;
  }
  return false;
}

bool is_interrupted_copy_name(std::string_view name) {
  if (name == ".~tmp~") return true;
  if ((name.starts_with(".syncthing.") || name.starts_with("~syncthing~")) && name.ends_with(".tmp") &&
      name.size() > 15) {
    return true;
  }
  // rsync: "." + the file's name + "." + six characters of mkstemp().
  if (name.size() < 9 || name[0] != '.' || name[name.size() - 7] != '.') return false;
  for (const char c : name.substr(name.size() - 6)) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace annae::content
