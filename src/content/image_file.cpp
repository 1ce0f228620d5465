#include "content/image_file.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "content/image_header.hpp"
#include "content/limits.hpp"
#include "content/suggest.hpp"

namespace annae::content {
namespace {

namespace fs = std::filesystem;

class FileByteSource final : public ByteSource {
 public:
  explicit FileByteSource(const fs::path& path) : in_(path, std::ios::binary) {}
  bool ok() const { return static_cast<bool>(in_); }
  std::size_t read_at(std::uint64_t offset, unsigned char* out, std::size_t count) override {
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(offset));
    if (!in_) return 0;
    in_.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(count));
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::ifstream in_;
};

bool is_absolute_written(std::string_view p) {
  if (p.starts_with('/')) return true;
  return p.size() >= 2 && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) && p[1] == ':';
}

bool is_inside(const fs::path& child, const fs::path& parent) {
  auto c = child.begin();
  for (auto p = parent.begin(); p != parent.end(); ++p, ++c) {
    if (p->empty()) continue;  // trailing separator
    if (c == child.end() || *c != *p) return false;
  }
  return true;
}

bool has_image_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".svg";
}

// A file in `dir` whose name is close to `name` (wrong case, a typo).
std::optional<std::string> similar_file(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
    if (names.size() > 2000) break;
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  if (auto guess = closest_match(name, views)) return std::string(*guess);
  return std::nullopt;
}

std::string mebibytes(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

}  // namespace

std::optional<ImageRef> resolve_image(const Text& written, std::string_view key, const fs::path& show_dir,
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

  std::error_code ec;
  const fs::path root = fs::weakly_canonical(show_dir, ec);
  if (ec) return fail("cannot open the show folder to find image " + shown + ": " + ec.message());
  const fs::path full = root / relative;
  const fs::file_status link_status = fs::symlink_status(full, ec);
  if (!fs::exists(link_status)) {
    std::string message = "image " + shown + " was not found in the show folder";
    if (auto guess = similar_file(full.parent_path(), full.filename().string()))
      message += "; did you mean \"" + (relative.parent_path() / *guess).generic_string() + "\"?";
    return fail(std::move(message));
  }
  const fs::path target = fs::weakly_canonical(full, ec);
  if (ec || !is_inside(target, root))
    return fail("image " + shown + " is a link to a file outside the show folder; copy the image itself into the show folder");
  if (!fs::exists(target, ec)) return fail("image " + shown + " is a link to a file that does not exist");
  if (fs::is_directory(target, ec)) return fail(shown + " is a folder, not an image");
  if (!has_image_extension(relative))
    return fail("image " + shown + " is not a PNG, JPEG or SVG file; only these can be shown");
  const std::uintmax_t size = fs::file_size(target, ec);
  if (ec) return fail("cannot read image " + shown + ": " + ec.message());
  if (size > limits::max_image_file_bytes)
    return fail("image " + shown + " is " + mebibytes(size) + "; the limit is " + mebibytes(limits::max_image_file_bytes) +
                ", so save it smaller");

  FileByteSource source(target);
  if (!source.ok()) return fail("cannot read image " + shown);
  const ImageHeader header = read_image_header(source);
  if (!header.format) return fail("image " + shown + " " + header.problem);
  const long long pixels = static_cast<long long>(header.width_px) * header.height_px;
  if (header.width_px > limits::max_image_side_px || header.height_px > limits::max_image_side_px ||
      pixels > limits::max_image_pixels)
    return fail("image " + shown + " is " + std::to_string(header.width_px) + "×" + std::to_string(header.height_px) +
                " pixels; the limit is " + std::to_string(limits::max_image_side_px) + " pixels on a side and " +
                std::to_string(limits::max_image_pixels / 1'000'000) +
                " megapixels (a screen shows at most 3840×2160), so make it smaller");

  ImageRef ref;
  ref.file = target;
  ref.written = written;
  ref.format = *header.format;
  ref.width_px = header.width_px;
  ref.height_px = header.height_px;
  return ref;
}

}  // namespace annae::content
