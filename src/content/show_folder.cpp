#include "content/show_folder.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "content/encoding.hpp"
#include "content/ignore.hpp"
#include "content/limits.hpp"
#include "content/normalize.hpp"
#include "core/utf8.hpp"

namespace annae::content {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A name as staff would read it. Zip files made on Korean Windows carry CP949
// names, which unzip on Linux leaves as bytes that are not UTF-8.
std::string readable_name(const std::string& name) {
  if (utf8::is_valid(name)) return to_nfc(name);
  if (auto converted = cp949_to_utf8(name)) return to_nfc(*converted);
  return to_nfc(name);  // bad bytes become U+FFFD
}

std::string_view file_name_of(std::string_view display_path) {
  const std::size_t slash = display_path.find_last_of('/');
  return slash == std::string_view::npos ? display_path : display_path.substr(slash + 1);
}

}  // namespace

bool has_control_codes(std::string_view name) {
  return std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && is_digit(a[ie])) ++ie;
      while (je < b.size() && is_digit(b[je])) ++je;
      std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ie;
      j = je;
      continue;
    }
    const auto ca = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(a[i])));
    const auto cb = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(b[j])));
    if (ca != cb) return ca < cb;
    ++i;
    ++j;
  }
  if ((a.size() - i) != (b.size() - j)) return (a.size() - i) < (b.size() - j);
  return a < b;  // equal by these rules ("010" vs "10"): keep a fixed order
}

// Why a slide-like name cannot be read, in the words that follow its path.
std::string refusal_of(const files::EntryInfo& info) {
  switch (info.kind) {
    case files::EntryKind::outside:
      return "this file is a link to a file outside the show folder, so it was not read; copy the file itself here";
    case files::EntryKind::link_loop: return "this file is a link that leads in a circle, so it was not read";
    case files::EntryKind::special:
      return "this is a special file (a pipe, device or socket), not an ordinary file, so it was not read";
    case files::EntryKind::error: return "cannot read this file: " + info.why;
    default: return {};
  }
}

FolderListing list_show_folder(const files::ConfinedDir& dir, const std::string& display_prefix) {
  FolderListing listing;
  const files::Listing found = dir.list({}, limits::max_folder_entries);
  if (!found.error.empty()) {
    listing.error = found.error;
    return listing;
  }
  listing.truncated = found.truncated;
  for (const files::DirEntry& item : found.entries) {
    const std::string& name = item.name;
    if (is_ignored_name(name)) continue;
    if (item.info.kind == files::EntryKind::directory) {
      if (!has_control_codes(name)) listing.subfolders.push_back(name);
      continue;
    }
    const std::string lower = ascii_lower(name);
    const bool slide_like = lower.ends_with(".toml") || lower.ends_with(".toml.txt");
    if (!slide_like) continue;
    if (has_control_codes(name) || (!utf8::is_valid(name) && !cp949_to_utf8(name))) {
      listing.unshowable_names.push_back(name);
      if (has_control_codes(name)) continue;  // Windows cannot make such names: not a staff file
    }
    FolderEntry entry;
    entry.name = name;
    entry.display_path = display_prefix + readable_name(name);
    if (item.info.kind != files::EntryKind::regular) {
      entry.role = FolderEntry::Role::refused;
      entry.refusal = refusal_of(item.info);
      if (entry.refusal.empty()) continue;  // vanished since listed
    }
    if (lower == "show.toml") {
      entry.display_path = display_prefix + "show.toml";
      if (!listing.show_toml || name == "show.toml") listing.show_toml = std::move(entry);
    } else if (lower.ends_with(".toml")) {
      listing.files.push_back(std::move(entry));
    } else {
      if (entry.role == FolderEntry::Role::slide) entry.role = FolderEntry::Role::misnamed;
      listing.files.push_back(std::move(entry));
    }
  }
  std::sort(listing.files.begin(), listing.files.end(), [](const FolderEntry& a, const FolderEntry& b) {
    return natural_less(file_name_of(a.display_path), file_name_of(b.display_path));
  });
  std::sort(listing.subfolders.begin(), listing.subfolders.end());
  std::sort(listing.unshowable_names.begin(), listing.unshowable_names.end());
  return listing;
}

std::vector<std::string> duplicate_order_warnings(const std::vector<FolderEntry>& files) {
  std::vector<std::string> notes(files.size());
  std::map<std::string, std::size_t> first_with_number;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].role != FolderEntry::Role::slide) continue;
    const std::string_view name = file_name_of(files[i].display_path);
    std::size_t end = 0;
    while (end < name.size() && is_digit(name[end])) ++end;
    if (end == 0) continue;
    std::string_view number = name.substr(0, end);
    while (number.size() > 1 && number.front() == '0') number.remove_prefix(1);
    const auto [at, inserted] = first_with_number.emplace(std::string(number), i);
    if (inserted) continue;
    const std::string_view first = file_name_of(files[at->second].display_path);
    notes[i] = "this file has the same order number " + std::string(name.substr(0, end)) + " as " + std::string(first) +
               "; it plays after it by name, but give each file its own number to be sure of the order";
  }
  return notes;
}

}  // namespace annae::content
