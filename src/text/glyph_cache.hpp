#pragma once
// Stage 8: FreeType rasterization into a bounded cache keyed by what was
// shaped and where it lands: (face, glyph id, pixel size, sub-pixel bin).
// Outlines are unhinted, so glyphs keep the shapes the designer drew at
// every size and the advances the layout measured.
//
// Thread: same thread as the FontLibrary it rasterizes from.
#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

#include "text/fonts.hpp"

namespace annae::text {

inline constexpr int subpixel_bins = 4;

struct GlyphKey {
  FaceId face = 0;
  std::uint32_t glyph = 0;
  std::uint16_t size_px = 0;
  std::uint8_t subpixel_bin = 0;  // 0..subpixel_bins-1: the pen's x fraction, in quarters
  bool operator==(const GlyphKey&) const = default;
};

struct GlyphKeyHash {
  std::size_t operator()(const GlyphKey& k) const noexcept {
    std::uint64_t h = (std::uint64_t{k.face} << 48) ^ (std::uint64_t{k.glyph} << 16) ^ (std::uint64_t{k.size_px} << 2) ^
                      k.subpixel_bin;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return static_cast<std::size_t>(h);
  }
};

struct GlyphBitmap {
  int width = 0;
  int height = 0;
  int left = 0;  // from the pen's whole-pixel x to the bitmap's left edge
  int top = 0;   // from the baseline up to the bitmap's top edge
  std::vector<std::uint8_t> coverage;  // width*height, row-major, gamma applied
};

struct GlyphCacheStats {
  std::size_t hits = 0;
  std::size_t misses = 0;
  std::size_t evictions = 0;
  std::size_t bytes = 0;
  double hit_rate() const { return hits + misses ? static_cast<double>(hits) / static_cast<double>(hits + misses) : 0; }
};

// Splits a sub-pixel pen x into the whole pixel the bitmap is placed from and the bin it is rasterized at.
struct PenSnap {
  int x_px;
  std::uint8_t bin;
};
PenSnap snap_pen(float x_px);

class GlyphCache {
 public:
  // `coverage_gamma` > 1 thickens anti-aliased edges: blending in sRGB makes
  // light text on a dark ground look thinner than it is, and this undoes that.
  GlyphCache(FontLibrary& fonts, std::size_t budget_bytes = 16u << 20, float coverage_gamma = 1.45f);
  ~GlyphCache();

  // The bitmap for `key`, rasterized on a miss. The reference is valid until
  // the next call to get() (which may evict).
  const GlyphBitmap& get(const GlyphKey& key);

  const GlyphCacheStats& stats() const { return stats_; }

 private:
  GlyphBitmap rasterize(const GlyphKey& key);

  FontLibrary& fonts_;
  std::size_t budget_bytes_;
  std::uint8_t gamma_lut_[256];
  using Entry = std::pair<GlyphKey, GlyphBitmap>;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<GlyphKey, std::list<Entry>::iterator, GlyphKeyHash> index_;
  GlyphCacheStats stats_;
};

}  // namespace annae::text
