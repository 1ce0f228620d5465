#include "slides/theme.hpp"

namespace annae::slides {
namespace {

Color rgb(std::uint32_t hex) {
  return {static_cast<std::uint8_t>(hex >> 16), static_cast<std::uint8_t>(hex >> 8), static_cast<std::uint8_t>(hex), 255};
}

Color from(const content::Rgb& c) { return {c.r, c.g, c.b, 255}; }

}  // namespace

Palette palette_for(const content::Theme& theme) {
  Palette p;
  switch (theme.name) {
    case content::ThemeName::dark:  // deep blue-black: calm in a lobby, light type carries far
      p = {rgb(0x0F1620), rgb(0x19232F), rgb(0xF2F5F8), rgb(0xA3B1C2), rgb(0x4FC1E0), rgb(0x2B7390), rgb(0xFFFFFF),
           rgb(0x2A3644)};
      break;
    case content::ThemeName::light:
      p = {rgb(0xF5F6F8), rgb(0xFFFFFF), rgb(0x121821), rgb(0x566273), rgb(0x0A6C96), rgb(0x0A6C96), rgb(0xFFFFFF),
           rgb(0xD8DDE3)};
      break;
    case content::ThemeName::high_contrast:
      p = {rgb(0x000000), rgb(0x111111), rgb(0xFFFFFF), rgb(0xE6E6E6), rgb(0xFFD400), rgb(0xFFD400), rgb(0x000000),
           rgb(0x808080)};
      break;
  }
  const auto& o = theme.colors;
  if (o.background) p.background = from(*o.background);
  if (o.text) p.text = from(*o.text);
  if (o.muted) p.muted = from(*o.muted);
  if (o.accent) p.accent = from(*o.accent);
  if (o.highlight) p.highlight = from(*o.highlight);
  return p;
}

}  // namespace annae::slides
