// The glyph cache rasterizes once per (face, glyph, size, sub-pixel bin).
#include <doctest/doctest.h>

#include "text/glyph_cache.hpp"
#include "text_fixture.hpp"

using annae::text::GlyphCache;
using annae::text::GlyphKey;

TEST_CASE("pen positions snap to a whole pixel and a quarter-pixel bin") {
  struct Case {
    float x;
    int px;
    int bin;
  };
  const Case cases[] = {
      {10.0f, 10, 0},   // whole pixel
      {10.25f, 10, 1},  // a quarter
      {10.5f, 10, 2},   // a half
      {10.74f, 10, 3},  // nearly three quarters
      {10.9f, 11, 0},   // rounds up into the next pixel
      {-0.25f, -1, 3},  // negative positions floor
  };
  for (const auto& c : cases) {
    CAPTURE(c.x);
    const auto snap = annae::text::snap_pen(c.x);
    CHECK(snap.x_px == c.px);
    CHECK(snap.bin == c.bin);
  }
}

TEST_CASE("a glyph is rasterized once and then served from the cache") {
  auto& fonts = annae::test::engine().fonts();
  GlyphCache cache(fonts);
  annae::text::TextStyle style;
  style.size_px = 48;
  const auto block = annae::test::engine().layout("국토", style, 1000);
  REQUIRE(block.glyphs.size() == 2);
  const GlyphKey key{block.glyphs[0].face, block.glyphs[0].glyph, 48, 0};
  const auto& first = cache.get(key);
  CHECK(first.width > 20);   // a 48 px Hangul syllable is tens of pixels wide
  CHECK(first.height > 20);
  CHECK(first.top > 0);      // it stands on the baseline
  cache.get(key);
  CHECK(cache.stats().misses == 1);
  CHECK(cache.stats().hits == 1);
}

TEST_CASE("sub-pixel bins give different coverage") {
  auto& fonts = annae::test::engine().fonts();
  GlyphCache cache(fonts);
  const auto block = annae::test::engine().layout("l", {}, 1000);
  REQUIRE(block.glyphs.size() == 1);
  const auto face = block.glyphs[0].face;
  const auto glyph = block.glyphs[0].glyph;
  const auto at_0 = cache.get({face, glyph, 40, 0}).coverage;
  const auto at_2 = cache.get({face, glyph, 40, 2}).coverage;
  CHECK(at_0 != at_2);  // a half-pixel shift changes the anti-aliasing of a vertical stem
}

TEST_CASE("the cache stays within its budget by evicting the least recently used glyphs") {
  auto& fonts = annae::test::engine().fonts();
  GlyphCache cache(fonts, 16 * 1024);
  annae::text::TextStyle style;
  style.size_px = 64;
  const auto block = annae::test::engine().layout("지역맞춤형국토교통균형발전전략구상논의", style, 100000);
  for (const auto& g : block.glyphs) cache.get({g.face, g.glyph, 64, 0});
  CHECK(cache.stats().bytes <= 16 * 1024);
  CHECK(cache.stats().evictions > 0);
}
