#pragma once
// Renders a Scene to a PNG without a window or display: the software
// renderer draws into a memory surface through the same SceneRenderer the
// screen uses.
#include <filesystem>
#include <string>

#include "slides/scene.hpp"
#include "text/glyph_cache.hpp"

namespace annae::render {

// Returns an error message, empty on success.
std::string render_png(const slides::Scene& scene, text::GlyphCache& glyphs, const std::filesystem::path& out);

}  // namespace annae::render
