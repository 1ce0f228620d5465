#include "slides/theme.hpp"

#include <array>

namespace annae::slides {
namespace {

constexpr Color rgb(std::uint32_t hex) {
  return {static_cast<std::uint8_t>(hex >> 16), static_cast<std::uint8_t>(hex >> 8), static_cast<std::uint8_t>(hex), 255};
}

Color from(const content::Rgb& c) { return {c.r, c.g, c.b, 255}; }

struct ThemePalette {
  content::ThemeName name;
  Palette palette;
};

// Each named theme's palette, in content::theme_names order. Sized by its
// entries, so a theme added to content::theme_names without a palette here
// fails the static_assert below instead of drawing black on black.
constexpr auto palettes = std::to_array<ThemePalette>({
    // deep blue-black: calm in a lobby, light type carries far
    {content::ThemeName::dark,
     {rgb(0x0F1620), rgb(0x19232F), rgb(0xF2F5F8), rgb(0xA3B1C2), rgb(0x4FC1E0), rgb(0x2B7390), rgb(0xFFFFFF),
      rgb(0x2A3644)}},
    {content::ThemeName::light,
     {rgb(0xF5F6F8), rgb(0xFFFFFF), rgb(0x121821), rgb(0x566273), rgb(0x0A6C96), rgb(0x0A6C96), rgb(0xFFFFFF),
      rgb(0xD8DDE3)}},
    {content::ThemeName::high_contrast,
     {rgb(0x000000), rgb(0x111111), rgb(0xFFFFFF), rgb(0xE6E6E6), rgb(0xFFD400), rgb(0xFFD400), rgb(0x000000),
      rgb(0x808080)}},
});

static_assert(palettes.size() == content::theme_names.size() && indexed_by(palettes, &ThemePalette::name),
              "palettes[i] must be the palette of content::theme_names[i]");

}  // namespace

Palette palette_for(const content::Theme& theme) {
  Palette p = palettes[static_cast<std::size_t>(theme.name)].palette;
  const auto& o = theme.colors;
  if (o.background) p.background = from(*o.background);
  if (o.text) p.text = from(*o.text);
  if (o.muted) p.muted = from(*o.muted);
  if (o.accent) p.accent = from(*o.accent);
  if (o.highlight) p.highlight = from(*o.highlight);
  return p;
}

}  // namespace annae::slides
