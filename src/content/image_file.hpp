#pragma once
// Finding and checking an image a slide names.
#include <optional>
#include <string_view>

#include "content/model.hpp"
#include "core/confined_dir.hpp"
#include "content/toml_reader.hpp"

namespace annae::content {

// Resolves `written` (relative to `show_dir`, '\' accepted as '/') and checks
// that it stays inside `show_dir` (links included), is a regular file, a
// PNG/JPEG/SVG, and within the size limits. Reports each problem against
// `key` and returns nullopt. Nothing outside `show_dir` is opened or listed.
std::optional<ImageRef> resolve_image(const Text& written, std::string_view key, const files::ConfinedDir& show_dir,
                                      FileReport& file);

}  // namespace annae::content
