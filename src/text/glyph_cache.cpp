#include "text/glyph_cache.hpp"

#include <cmath>

#include "text/font_handles.hpp"

namespace annae::text {

PenSnap snap_pen(float x_px) {
  float whole = std::floor(x_px);
  int bin = static_cast<int>(std::lround((x_px - whole) * subpixel_bins));
  if (bin == subpixel_bins) {
    bin = 0;
    whole += 1;
  }
  return {static_cast<int>(whole), static_cast<std::uint8_t>(bin)};
}

GlyphCache::GlyphCache(FontLibrary& fonts, std::size_t budget_bytes, float coverage_gamma)
    : fonts_(fonts), budget_bytes_(budget_bytes) {
  for (int i = 0; i < 256; ++i) {
    const double c = std::pow(i / 255.0, 1.0 / coverage_gamma);
    gamma_lut_[i] = static_cast<std::uint8_t>(std::lround(c * 255.0));
  }
}

GlyphCache::~GlyphCache() = default;

const GlyphBitmap& GlyphCache::get(const GlyphKey& key) {
  if (auto it = index_.find(key); it != index_.end()) {
    ++stats_.hits;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }
  ++stats_.misses;
  GlyphBitmap bitmap = rasterize(key);
  stats_.bytes += bitmap.coverage.size() + sizeof(Entry);
  lru_.emplace_front(key, std::move(bitmap));
  index_[key] = lru_.begin();
  while (stats_.bytes > budget_bytes_ && lru_.size() > 1) {
    const Entry& victim = lru_.back();
    stats_.bytes -= victim.second.coverage.size() + sizeof(Entry);
    index_.erase(victim.first);
    lru_.pop_back();
    ++stats_.evictions;
  }
  return lru_.front().second;
}

GlyphBitmap GlyphCache::rasterize(const GlyphKey& key) {
  GlyphBitmap out;
  LoadedFace& face = fonts_.impl().faces.at(key.face);
  if (face.current_size_px != key.size_px) {
    if (FT_Set_Pixel_Sizes(face.ft, 0, key.size_px) != 0) return out;
    face.current_size_px = key.size_px;
  }
  FT_Vector shift{static_cast<FT_Pos>(key.subpixel_bin) * 64 / subpixel_bins, 0};
  FT_Set_Transform(face.ft, nullptr, &shift);
  const bool loaded = FT_Load_Glyph(face.ft, key.glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 &&
                      FT_Render_Glyph(face.ft->glyph, FT_RENDER_MODE_NORMAL) == 0;
  FT_Set_Transform(face.ft, nullptr, nullptr);
  if (!loaded) return out;
  const FT_Bitmap& bm = face.ft->glyph->bitmap;
  out.width = static_cast<int>(bm.width);
  out.height = static_cast<int>(bm.rows);
  out.left = face.ft->glyph->bitmap_left;
  out.top = face.ft->glyph->bitmap_top;
  out.coverage.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  for (int y = 0; y < out.height; ++y) {
    const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(y) * bm.pitch;
    for (int x = 0; x < out.width; ++x) {
      out.coverage[static_cast<std::size_t>(y * out.width + x)] = gamma_lut_[row[x]];
    }
  }
  return out;
}

}  // namespace annae::text
