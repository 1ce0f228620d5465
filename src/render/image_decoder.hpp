#pragma once
// Decoding one picture a slide shows, bounded so that nothing copied into a
// show folder can exhaust the player's memory or hold a decode for long.
//
// The format is the one found in the bytes (content::read_image_header),
// never the file's name: an SVG saved as logo.png is rasterized as an SVG.
// Every decode is sized to what the screen shows:
//   - SVG: rasterized at the target size (never at its declared size: a
//     20000×20000 logo becomes at most the box it is drawn in);
//   - JPEG: scaled down inside libjpeg (1/8 … 8/8), so a 24-megapixel photo
//     never exists at full size; progressive scans and time are limited
//     while decoding (a "scan bomb" is stopped after `max_jpeg_scans`);
//   - PNG: decoded at full size (libpng cannot scale), then scaled down.
// The pixel size is checked before decoding (PNG, JPEG from their headers;
// SVG from its declared size) and the result is discarded when a decode took
// longer than the time budget.
//
// Thread: any thread; decodes share nothing (SDL_image's PNG loader must have
// been initialized with IMG_Init(IMG_INIT_PNG) before two threads decode).
#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "content/model.hpp"
#include "core/confined_dir.hpp"
#include "render/image_surface.hpp"

namespace annae::render {

struct DecodeLimits {
  // PNG and JPEG files, as content::limits::max_image_file_bytes.
  std::size_t max_raster_file_bytes = 32u << 20;
  // SVG files. An SVG's cost grows with its size and cannot be stopped
  // midway (nanosvg parses and rasterizes about 1 MiB of small paths a
  // second on our 2-core box: 1.8 s for 2 MiB, 35 000 paths, at 1080 px);
  // real logos and diagrams are 2–500 KiB. 2 MiB keeps the worst allowed
  // file well under the time budget on a box 4× slower.
  std::size_t max_svg_file_bytes = 2u << 20;
  // A raster's full size (PNG decodes at full size before scaling), as
  // content::limits::max_image_pixels: a 6000×4000 photo, 96 MB while decoding.
  long long max_source_pixels = 25'000'000;
  // The decoded surface: at most a 3840×2160 screen (33 MB).
  long long max_output_pixels = 3840LL * 2160;
  // libjpeg's own working memory (progressive JPEGs keep every coefficient).
  long max_jpeg_memory_bytes = 160L << 20;
  // Progressive scans of one JPEG: encoders write ≤ 12 (mozjpeg ~ 10);
  // libjpeg-turbo advises a limit (djpeg -maxscans) against scan bombs.
  int max_jpeg_scans = 100;
  // A decode that takes longer is stopped (JPEG) or its result discarded.
  std::chrono::milliseconds time_budget{10'000};
};

// The box the picture is drawn in, in px; 0×0: the picture's own size.
struct DecodeTarget {
  int width_px = 0;
  int height_px = 0;
  bool cover = false;  // the picture fills the box and is cropped (else it fits inside)
};

struct Decoded {
  Surface surface;      // ARGB8888; null when refused or damaged
  std::string problem;  // why surface is null, in staff's words, after the image's name ("is a damaged PNG image ...")
  std::chrono::milliseconds took{0};
};

// Decodes `bytes`. `cancel` (may be null) set from another thread stops a
// JPEG decode at its next row or scan.
Decoded decode_image(std::string_view bytes, const DecodeTarget& target, const DecodeLimits& limits = {},
                     const std::atomic<bool>* cancel = nullptr);

// Reads `relative` through `folder` (never outside the show folder), within
// the file-size limits, and decodes it.
Decoded load_image(const files::ConfinedDir& folder, std::string_view relative, const DecodeTarget& target,
                   const DecodeLimits& limits = {}, const std::atomic<bool>* cancel = nullptr);

// `annae check`'s image verifier: decodes `image` fully as the player would
// show it on a 1920×1080 screen. Empty when it can be shown, else the
// problem (after the image's name).
std::string verify_image(const content::ImageRef& image);

// The size to decode to: `w`×`h` source pixels (or an SVG's declared px)
// scaled to `target` (inside it, or covering it), not enlarged when
// `may_enlarge` is false, and within `max_pixels`. At least 1×1.
struct PixelSize {
  int width_px = 0;
  int height_px = 0;
};
PixelSize decode_size(double w, double h, const DecodeTarget& target, bool may_enlarge, long long max_pixels);

}  // namespace annae::render
