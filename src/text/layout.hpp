#pragma once
// Stages 6-7 behind one facade: lays text out at a size and width, or fits
// it into a box. Owns the font library and caches prepared paragraphs, so
// laying out the same text again (a redraw, a resize, a fit search) skips
// decoding, segmentation and shaping.
//
// Thread: one TextEngine per thread. Not copyable.
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "text/block.hpp"
#include "text/fonts.hpp"

namespace annae::text {

struct Paragraph;
class Segmenter;

struct FitOptions {
  int min_size_px = 16;     // the floor: below it, truncate with '…'
  bool allow_truncate = true;
};

class TextEngine {
 public:
  explicit TextEngine(FontLibrary::Options fonts);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // False when no usable font exists (fatal for the app at start-up).
  bool has_fonts();

  // Lays `utf8` out at style.size_px, filling lines up to `max_width_px`.
  TextBlock layout(std::string_view utf8, const TextStyle& style, float max_width_px);

  // The largest size <= style.size_px (and >= options.min_size_px) at which
  // the text fits `width_px` x `height_px` without breaking inside a word;
  // at the floor, words may break; if it still does not fit, lines are cut
  // and the last one ends with '…' (block.truncated).
  TextBlock fit(std::string_view utf8, const TextStyle& style, float width_px, float height_px,
                const FitOptions& options);

  FontLibrary& fonts() { return *fonts_; }
  void clear_cache();

 private:
  std::shared_ptr<const Paragraph> prepare(std::string_view utf8, const FontRequest& font);

  std::unique_ptr<FontLibrary> fonts_;
  std::unique_ptr<Segmenter> segmenter_;
  struct Cache;
  std::unique_ptr<Cache> cache_;
};

}  // namespace annae::text
