// load_show: a folder (or a playlist root and its included folders) → Show.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "content/ignore.hpp"
#include "content/limits.hpp"
#include "content/show_loader.hpp"
#include "content/normalize.hpp"
#include "content/show_settings.hpp"
#include "content/slide_file.hpp"
#include "content/show_folder.hpp"
#include "content/suggest.hpp"
#include "content/toml_reader.hpp"
#include "core/files.hpp"

namespace annae::content {
namespace {

namespace fs = std::filesystem;

// One folder whose slides play: the top folder itself, or an included show.
struct ShowPart {
  std::string prefix;       // "" or "forum-2023/"
  files::ConfinedDir dir;   // everything of this part is read through it
  ShowSettings settings;
  FolderListing listing;
};

std::string folder_label(const fs::path& dir) {
  std::string label = dir.lexically_normal().generic_string();
  while (label.size() > 1 && label.back() == '/') label.pop_back();
  return label.empty() ? "." : label;
}

std::string mebibytes(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

// Appends one file's diagnostics sorted by position, whole-file ones first,
// so `annae check` reads top to bottom like the file.
void append_sorted(Diagnostics& to, const Diagnostics& from) {
  std::vector<Diagnostic> items = from.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  for (auto& d : items) to.add(std::move(d));
}

// Reads a text file of `dir` within the size limit; reports and returns nullopt otherwise.
std::optional<std::string> read_text_file(const files::ConfinedDir& dir, const FolderEntry& entry, Diagnostics& out) {
  if (entry.role == FolderEntry::Role::refused) {
    out.error(entry.display_path, 0, 0, entry.refusal);
    return std::nullopt;
  }
  files::ReadResult read = dir.read(entry.name, limits::max_text_file_bytes);
  if (read.bytes) return std::move(read.bytes);
  if (read.too_large) {
    const files::EntryInfo info = dir.info(entry.name);
    out.error(entry.display_path, 0, 0,
              "this file is " + (info.size_bytes > 0 ? mebibytes(info.size_bytes) : std::string("too large")) +
                  "; a slide or show.toml can be at most " + mebibytes(limits::max_text_file_bytes) +
                  ", so it was not read (is it really a text file?)");
  } else {
    out.error(entry.display_path, 0, 0, read.error);
  }
  return std::nullopt;
}

// The folders `include` names, checked; errors go to show.toml's diagnostics.
std::vector<ShowPart> included_parts(const SettingsFile& top, const files::ConfinedDir& root,
                                     const FolderListing& root_listing, Diagnostics& out) {
  std::vector<ShowPart> parts;
  std::set<std::string> seen;
  std::vector<std::pair<files::FolderId, std::string>> folders{{root.id(), "."}};  // to refuse the same folder twice
  for (const Text& entry : top.include_entries) {
    auto fail = [&](std::string message) { out.error(entry.at.path, entry.at.line, entry.at.column, std::move(message)); };
    std::string written = entry.value;
    std::replace(written.begin(), written.end(), '\\', '/');
    const std::string shown = "\"" + one_line(entry.value) + "\"";
    if (written.empty()) {
      fail("an entry of 'include' is empty; write a folder name like \"forum-2023\"");
      continue;
    }
    const fs::path relative = fs::path(written).lexically_normal();
    std::string normal = relative.generic_string();
    while (!normal.empty() && normal.back() == '/') normal.pop_back();
    if (written.front() == '/' || (written.size() >= 2 && written[1] == ':') || normal.empty() || normal == "." ||
        normal.starts_with("..")) {
      fail("'include' " + shown + " must be a folder inside this folder, like \"forum-2023\"");
      continue;
    }
    if (!seen.insert(normal).second) {
      out.warning(entry.at.path, entry.at.line, entry.at.column, "'include' lists " + shown + " twice; it plays once");
      continue;
    }
    const files::EntryInfo info = root.info(normal);
    if (info.kind == files::EntryKind::outside || info.kind == files::EntryKind::link_loop) {
      fail("the folder " + shown + " listed in 'include' is a link to a folder outside this one; copy the show itself here");
      continue;
    }
    if (info.kind != files::EntryKind::directory || is_ignored_path(relative)) {
      std::string message = "the folder " + shown + " listed in 'include' was not found";
      std::vector<std::string_view> names(root_listing.subfolders.begin(), root_listing.subfolders.end());
      if (auto guess = closest_match(normal, names)) message += "; did you mean \"" + std::string(*guess) + "\"?";
      fail(std::move(message));
      continue;
    }
    files::ConfinedDir dir = root.subdir(normal);
    if (!dir.ok()) {
      fail("cannot open the folder " + shown + " listed in 'include': " + dir.error());
      continue;
    }
    const auto same = std::find_if(folders.begin(), folders.end(), [&](const auto& f) { return f.first == dir.id(); });
    if (same != folders.end()) {
      fail(same->second == "."
               ? "the folder " + shown + " listed in 'include' is this folder itself (a link back to it), so the show would play itself"
               : "the folder " + shown + " listed in 'include' is the same folder as \"" + same->second +
                     "\" (a link to it), so it would play twice");
      continue;
    }
    folders.emplace_back(dir.id(), normal);
    ShowPart part;
    part.prefix = to_nfc(normal) + "/";
    part.dir = std::move(dir);
    parts.push_back(std::move(part));
  }
  return parts;
}

class Loader {
 public:
  Loader(const fs::path& dir, const LoadOptions& options) : label_(folder_label(dir)), options_(options) {}

  LoadResult run(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) return folder_problem("the show folder was not found");
    if (!fs::is_directory(dir, ec)) return folder_problem("this is a file, not a show folder");
    files::ConfinedDir root = files::ConfinedDir::open(dir);
    if (!root.ok()) return folder_problem("cannot open the show folder: " + root.error());

    ShowPart top;
    top.dir = root;
    top.listing = list_show_folder(root, "");
    if (!top.listing.error.empty()) return folder_problem("cannot read the show folder: " + top.listing.error);
    if (top.listing.truncated) return folder_problem(too_many_entries());

    std::vector<ShowPart> parts;
    top.settings = read_settings(top, ShowSettings{}, SettingsScope::top, &parts).settings;
    read_slides(top);
    for (ShowPart& part : parts) {
      part.listing = list_show_folder(part.dir, part.prefix);
      const std::string part_label = part.prefix.substr(0, part.prefix.size() - 1);
      if (!part.listing.error.empty() || part.listing.truncated) {
        result_.diagnostics.error(part_label, 0, 0,
                                  part.listing.truncated ? too_many_entries() : "cannot read this folder: " + part.listing.error);
        continue;
      }
      part.settings = read_settings(part, top.settings, SettingsScope::included, nullptr).settings;
      const std::size_t before = slides_.size() + result_.slides_left_out + result_.slides_disabled;
      read_slides(part);
      if (slides_.size() + result_.slides_left_out + result_.slides_disabled == before && !over_limit_)
        result_.diagnostics.warning(part_label, 0, 0, "this included show has no slide files");
    }

    if (slides_.empty()) {
      std::string message = no_slide_message();
      if (parts.empty()) message += unlisted_shows_hint(root, top.listing);
      result_.diagnostics.error(label_, 0, 0, std::move(message));
      return std::move(result_);
    }
    auto show = std::make_shared<Show>();
    show->root_dir = fs::weakly_canonical(root.path(), ec);
    if (ec) show->root_dir = root.path();
    show->settings = std::move(top.settings);
    show->slides = std::move(slides_);
    result_.show = std::move(show);
    return std::move(result_);
  }

 private:
  // A folder this full is not a show (a wrong folder copied, or an attack):
  // none of it is played, rather than an arbitrary part of it.
  static std::string too_many_entries() {
    return "this folder holds more than " + std::to_string(limits::max_folder_entries) +
           " files and folders, so it was not read; a show needs far fewer (at most " + std::to_string(limits::max_slides) +
           " slides): remove what is not part of the show";
  }

  LoadResult folder_problem(std::string message) {
    result_.diagnostics.error(label_, 0, 0, std::move(message));
    return std::move(result_);
  }

  // Reads `part`'s show.toml. For the top show, also checks the `include`
  // folders into `parts`, so their problems sort with show.toml's own.
  SettingsFile read_settings(const ShowPart& part, const ShowSettings& base, SettingsScope scope,
                             std::vector<ShowPart>* parts) {
    const FolderListing& listing = part.listing;
    const std::string display = part.prefix + "show.toml";
    Diagnostics found;
    SettingsFile settings{base, false, {}};
    if (scope == SettingsScope::included) settings.settings.includes.clear();
    if (!listing.show_toml) {
      found.warning(display, 0, 0, "there is no show.toml in this folder, so default settings are used");
    } else {
      result_.files.push_back(display);
      if (auto bytes = read_text_file(part.dir, *listing.show_toml, found)) {
        settings = parse_show_settings(*bytes, display, base, scope, found);
      } else {
        settings.defaulted = true;
      }
    }
    if (settings.defaulted) result_.settings_defaulted = true;
    if (parts) *parts = included_parts(settings, part.dir, listing, found);
    append_sorted(result_.diagnostics, found);
    return settings;
  }

  // Names that cannot be shown.
  void report_folder_problems(const ShowPart& part) {
    Diagnostics found;
    for (const std::string& name : part.listing.unshowable_names) {
      if (has_control_codes(name)) {
        found.error(part.prefix + name, 0, 0,
                    "this file's name holds control characters (codes no editor shows), so it is not played; "
                    "rename it with letters, digits and '-', like 010-cover.toml");
      } else {
        found.warning(part.prefix + name, 0, 0,
                      "this file's name is not readable text (neither UTF-8 nor Korean Windows CP949); it plays, "
                      "but rename it so that staff can tell which file it is");
      }
    }
    append_sorted(result_.diagnostics, found);
  }

  void read_slides(const ShowPart& part) {
    report_folder_problems(part);
    const auto order_notes = duplicate_order_warnings(part.listing.files);
    for (std::size_t i = 0; i < part.listing.files.size(); ++i) {
      const FolderEntry& entry = part.listing.files[i];
      if (over_limit_) return;
      result_.files.push_back(entry.display_path);
      Diagnostics found;
      if (entry.role == FolderEntry::Role::misnamed) {
        const std::string fixed = entry.display_path.substr(entry.display_path.find_last_of('/') + 1);
        found.warning(entry.display_path, 0, 0,
                      "this file is not played because its name ends in .txt; rename it to \"" +
                          fixed.substr(0, fixed.size() - 4) +
                          "\" (in Windows Explorer, turn on 보기 → 파일 확장명 to see the .txt)");
        append_sorted(result_.diagnostics, found);
        continue;
      }
      if (!order_notes[i].empty()) found.warning(entry.display_path, 0, 0, order_notes[i]);
      read_one_slide(part, entry, found);
      append_sorted(result_.diagnostics, found);
    }
  }

  void read_one_slide(const ShowPart& part, const FolderEntry& entry, Diagnostics& found) {
    auto bytes = read_text_file(part.dir, entry, found);
    if (!bytes) {
      ++result_.slides_left_out;
      return;
    }
    SlideFileContext context;
    context.display_path = entry.display_path;
    context.id = entry.display_path.substr(0, entry.display_path.size() - 5);  // without ".toml"
    context.show_dir = part.dir;
    context.event = part.settings.event;
    context.default_duration_ms = part.settings.default_slide_duration_ms;
    SlideFile parsed = parse_slide_file(*bytes, context, found);
    if (!parsed.slide) {
      ++result_.slides_left_out;
      return;
    }
    if (!parsed.enabled) {
      ++result_.slides_disabled;
      return;
    }
    verify_images(*parsed.slide, found);
    slides_.push_back(std::move(*parsed.slide));
    if (slides_.size() == limits::max_slides) {
      over_limit_ = true;
      found.error(entry.display_path, 0, 0,
                  "this show has reached the limit of " + std::to_string(limits::max_slides) +
                      " slides; the slide files after this one are not played");
    }
  }

  // Decodes each image file once per load (a logo on every cover is one
  // file); a refusal is an error at the image key of each slide naming it.
  void verify_images(const Slide& slide, Diagnostics& found) {
    if (!options_.verify_image) return;
    for (const ImageRef* image : images_of(slide)) {
      const std::string file = image->file.string();
      auto known = image_problems_.find(file);
      if (known == image_problems_.end()) known = image_problems_.emplace(file, options_.verify_image(*image)).first;
      if (known->second.empty()) continue;
      const SourcePos& at = image->written.at;
      found.error(at.path, at.line, at.column,
                  "image \"" + image->written.value + "\" " + known->second);
    }
  }

  // Show folders copied in but not listed in `include` are the likely reason for an empty show.
  static std::string unlisted_shows_hint(const files::ConfinedDir& root, const FolderListing& listing) {
    std::string names;
    for (const auto& folder : listing.subfolders) {
      if (root.info(folder + "/show.toml").kind != files::EntryKind::regular) continue;
      names += (names.empty() ? "\"" : ", \"") + to_nfc(folder) + "\"";
    }
    if (names.empty()) return {};
    return ". The show folders inside are played only when show.toml lists them: include = [" + names + "]";
  }

  std::string no_slide_message() const {
    if (result_.slides_left_out == 0 && result_.slides_disabled == 0)
      return "there is no slide to show: this folder has no slide files; add one like 010-cover.toml (see FORMAT.md)";
    if (result_.slides_left_out == 0)
      return "there is no slide to show: every slide file has enabled = false";
    if (result_.slides_disabled == 0)
      return "there is no slide to show: every slide file has errors (see above)";
    return "there is no slide to show: every slide file has errors or enabled = false";
  }

  std::string label_;
  const LoadOptions& options_;
  std::map<std::string, std::string> image_problems_;  // file → why it cannot be shown ("" when it can)
  LoadResult result_;
  std::vector<Slide> slides_;
  bool over_limit_ = false;
};

}  // namespace

LoadResult load_show(const fs::path& dir, const LoadOptions& options) {
  try {
    return Loader(dir, options).run(dir);
  } catch (const std::exception& e) {
    LoadResult result;
    result.diagnostics.error(folder_label(dir), 0, 0, std::string("the show could not be read: ") + e.what());
    return result;
  } catch (...) {
    LoadResult result;
    result.diagnostics.error(folder_label(dir), 0, 0, "the show could not be read");
    return result;
  }
}

}  // namespace annae::content
