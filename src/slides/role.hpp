#pragma once
// The type-scale roles a text can be set in. Apart from type_scale.hpp (their
// sizes) so that a Scene (scene.hpp) names a role without the layout library.
#include <cstdint>

namespace annae::slides {

enum class Role : std::uint8_t { display, title, heading, body, secondary, caption };

}  // namespace annae::slides
