#pragma once
// Where annae looks for fonts: $ANNAE_FONTS_DIR if set, then the fonts/
// folder of the installation or source tree; system fonts after those.
#include <string>

#include "text/fonts.hpp"

namespace annae::app {

text::FontLibrary::Options font_options();

// What to tell a person when no font could be opened (every command that
// lays out text stops with it, exit 2): the line after "annae: ", with its
// newline, naming both remedies.
std::string no_usable_font_message();

}  // namespace annae::app
