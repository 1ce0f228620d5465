#pragma once
// Renders a Scene to a PNG without a window or display, through the same
// Compositor that makes the pages the screen shows.
#include <filesystem>
#include <string>

#include "slides/scene.hpp"
#include "text/glyph_cache.hpp"

struct SDL_Surface;

namespace annae::render {

// Returns an error message, empty on success.
std::string save_png(const SDL_Surface* surface, const std::filesystem::path& out);

// Composes `scene` (as the screen would) and writes it. Returns an error message, empty on success.
std::string render_png(const slides::Scene& scene, text::GlyphCache& glyphs, const std::filesystem::path& out);

}  // namespace annae::render
