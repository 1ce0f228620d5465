#include "app/fonts_config.hpp"

#include <cstdlib>

namespace annae::app {

text::FontLibrary::Options font_options() {
  text::FontLibrary::Options options;
  if (const char* dir = std::getenv("ANNAE_FONTS_DIR"); dir && *dir) options.font_dirs.emplace_back(dir);
  options.font_dirs.emplace_back(ANNAE_FONTS_DIR);
  return options;
}

}  // namespace annae::app
