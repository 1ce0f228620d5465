#pragma once
// Composes Scenes into CPU surfaces with SDL's software renderer — the same
// path as a headless PNG, so what the screen shows and what `annae render`
// writes are the same pixels. Each page gets its own short-lived renderer:
// nothing screen-sized stays allocated between compositions.
//
// Thread: one thread. Not copyable.
#include <SDL.h>

#include <cstdint>
#include <memory>

#include "render/decoded_images.hpp"
#include "render/image_surface.hpp"
#include "render/scene_renderer.hpp"

namespace annae::render {

// A new surface stamped with a serial number that no other surface of this
// process has (its `userdata`), so presenters can tell pages apart even when
// a freed page's address is reused.
Surface make_surface(int width_px, int height_px);
std::uintptr_t serial_of(const SDL_Surface& s);

class Compositor {
 public:
  // `decoding`: Decoding::now for headless PNGs (every picture drawn),
  // Decoding::in_background for the screen (decoded_images.hpp).
  explicit Compositor(text::GlyphCache& glyphs, Decoding decoding = Decoding::now) : glyphs_(glyphs), images_(decoding) {}

  // Draws `scene` into a new surface of the scene's size. Null on failure.
  Surface compose(const slides::Scene& scene);
  // A copy of `base` with `overlay`'s items drawn over it (its background is
  // not painted). Null on failure.
  Surface compose_over(const SDL_Surface& base, const slides::Scene& overlay);

  // The decoded pictures: to prefetch, and to collect background decodes.
  DecodedImages& images() { return images_; }

 private:
  text::GlyphCache& glyphs_;  // rasterized glyphs outlive each composition
  DecodedImages images_;      // and so do decoded pictures
};

}  // namespace annae::render
