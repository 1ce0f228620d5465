#pragma once
// Where annae looks for fonts: $ANNAE_FONTS_DIR if set, then the fonts/
// folder of the installation or source tree; system fonts after those.
#include "text/fonts.hpp"

namespace annae::app {

text::FontLibrary::Options font_options();

}  // namespace annae::app
