#pragma once
// What a show may hold. Past these, content is refused with a diagnostic
// rather than slowing or starving a small player box.
#include <cstddef>

namespace annae::content::limits {

inline constexpr std::size_t max_text_file_bytes = 1024 * 1024;        // a slide or show.toml
inline constexpr std::size_t max_slides = 500;                         // across all included shows
inline constexpr std::size_t max_image_file_bytes = 32 * 1024 * 1024;  // PNG, JPEG or SVG on disk
inline constexpr int max_image_side_px = 8192;
inline constexpr long long max_image_pixels = 25'000'000;  // a 6000×4000 camera photo still fits
inline constexpr int max_slide_duration_s = 3600;

}  // namespace annae::content::limits
