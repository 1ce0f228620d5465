#include "content/image_file.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "content/image_header.hpp"
#include "content/limits.hpp"
#include "content/suggest.hpp"

namespace annae::content {
namespace {

namespace fs = std::filesystem;

bool is_absolute_written(std::string_view p) {
  if (p.starts_with('/')) return true;
  return p.size() >= 2 && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) && p[1] == ':';
}

bool has_image_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".svg";
}

// A file in `folder` (relative to the show folder) whose name is close to
// `name` (wrong case, a typo). Lists only what is inside the show folder.
std::optional<std::string> similar_file(const files::ConfinedDir& dir, const std::string& folder, const std::string& name) {
  const files::Listing listing = dir.list(folder, 2000);
  std::vector<std::string_view> names;
  for (const auto& entry : listing.entries)
    if (entry.info.kind == files::EntryKind::regular) names.push_back(entry.name);
  if (auto guess = closest_match(name, names)) return std::string(*guess);
  return std::nullopt;
}

std::string mebibytes(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

// Why the entry at `relative` is not an image file to read (missing, a link
// out of the show folder, a folder...); nullopt for a regular file.
std::optional<std::string> entry_problem(const files::ConfinedDir& show_dir, const fs::path& relative,
                                         const files::EntryInfo& info, const std::string& shown) {
  switch (info.kind) {
    case files::EntryKind::missing: {
      std::string message = "image " + shown + " was not found in the show folder";
      const std::string folder = relative.parent_path().generic_string();
      if (auto guess = similar_file(show_dir, folder, relative.filename().string()))
        message += "; did you mean \"" + (relative.parent_path() / *guess).generic_string() + "\"?";
      return message;
    }
    case files::EntryKind::outside:
      return "image " + shown + " is a link to a file outside the show folder; copy the image itself into the show folder";
    case files::EntryKind::link_loop:
      return "image " + shown + " is " + files::describe(info) + "; copy the image itself into the show folder";
    case files::EntryKind::directory: return shown + " is a folder, not an image";
    case files::EntryKind::special:
      return "image " + shown + " is " + files::describe(info) + "; copy the image itself into the show folder";
    case files::EntryKind::error: return "cannot read image " + shown + ": " + info.why;
    case files::EntryKind::regular: break;
  }
  return std::nullopt;
}

// Why an image of the header's size is too large to show; nullopt when it is not.
std::optional<std::string> size_problem(const ImageHeader& header, const std::string& shown) {
  const long long pixels = static_cast<long long>(header.width_px) * header.height_px;
  if (header.width_px > limits::max_image_side_px || header.height_px > limits::max_image_side_px ||
      pixels > limits::max_image_pixels)
    return "image " + shown + " is " + std::to_string(header.width_px) + "×" + std::to_string(header.height_px) +
           " pixels; the limit is " + std::to_string(limits::max_image_side_px) + " pixels on a side and " +
           std::to_string(limits::max_image_pixels / 1'000'000) +
           " megapixels (a screen shows at most 3840×2160), so make it smaller";
  return std::nullopt;
}

}  // namespace

std::optional<ImageRef> resolve_image(const Text& written, std::string_view key, const files::ConfinedDir& show_dir,
                                      FileReport& file) {
  std::string path_text = written.value;
  std::replace(path_text.begin(), path_text.end(), '\\', '/');
  const std::string shown = "\"" + written.value + "\"";
  const std::string copy_advice = "; copy the image into the show folder and write just its name, like " +
                                  std::string(key) + " = \"logo.png\"";
  auto fail = [&](std::string message) -> std::optional<ImageRef> {
    file.mistake(written.at, std::move(message));
    return std::nullopt;
  };

  if (is_absolute_written(path_text)) return fail("'" + std::string(key) + "' " + shown + " is a full path" + copy_advice);
  const fs::path relative = fs::path(path_text).lexically_normal();
  if (relative.empty() || *relative.begin() == "..")
    return fail("'" + std::string(key) + "' " + shown + " points outside the show folder" + copy_advice);

  const std::string inside = relative.generic_string();
  const files::EntryInfo info = show_dir.info(inside);
  if (auto problem = entry_problem(show_dir, relative, info, shown)) return fail(std::move(*problem));
  if (!has_image_extension(relative))
    return fail("image " + shown + " is not a PNG, JPEG or SVG file; only these can be shown");
  if (info.size_bytes > limits::max_image_file_bytes)
    return fail("image " + shown + " is " + mebibytes(info.size_bytes) + "; the limit is " +
                mebibytes(limits::max_image_file_bytes) + ", so save it smaller");

  const files::ReadResult bytes = show_dir.read(inside, limits::max_image_file_bytes);
  if (!bytes.bytes) return fail("cannot read image " + shown + ": " + bytes.error);
  MemoryByteSource source(*bytes.bytes);
  const ImageHeader header = read_image_header(source);
  if (!header.format) return fail("image " + shown + " " + header.problem);
  if (auto problem = size_problem(header, shown)) return fail(std::move(*problem));

  ImageRef ref;
  ref.folder = show_dir;
  ref.relative = inside;
  ref.file = show_dir.path() / inside;
  ref.version = std::to_string(info.size_bytes) + ":" + std::to_string(info.mtime_ns) + ":" + std::to_string(info.inode);
  ref.written = written;
  ref.format = *header.format;
  ref.width_px = header.width_px;
  ref.height_px = header.height_px;
  return ref;
}

}  // namespace annae::content
