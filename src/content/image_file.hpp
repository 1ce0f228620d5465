#pragma once
// Finding and checking an image a slide names.
#include <filesystem>
#include <optional>
#include <string_view>

#include "content/model.hpp"
#include "content/toml_reader.hpp"

namespace annae::content {

// Resolves `written` (relative to `show_dir`, '\' accepted as '/') and checks
// that it stays inside `show_dir` after following symbolic links, exists, is
// a PNG/JPEG/SVG, and is within the size limits. Reports each problem against
// `key` and returns nullopt.
std::optional<ImageRef> resolve_image(const Text& written, std::string_view key, const std::filesystem::path& show_dir,
                                      FileReport& file);

}  // namespace annae::content
