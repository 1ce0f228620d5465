#include "app/fonts_config.hpp"

#include <cstdlib>

#include "box/box_settings.hpp"

namespace annae::app {

text::FontLibrary::Options font_options() {
  text::FontLibrary::Options options;
  if (const char* dir = std::getenv("ANNAE_FONTS_DIR"); dir && *dir) options.font_dirs.emplace_back(dir);
  options.font_dirs.emplace_back(box::bundled_fonts_dir());
  return options;
}

std::string no_usable_font_message() {
  return "no usable font. Install Noto Sans CJK (sudo apt install fonts-noto-cjk) "
         "or put a .ttf/.otf file in the fonts/ folder.\n";
}

}  // namespace annae::app
