#pragma once
// How pages reach the screen, as a technician names it (--renderer, the
// box's [screen] renderer). The one table of those names; app/display.hpp
// acts on the value. No SDL here, so the CLI and the settings parser can use it.
#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "core/named.hpp"

namespace annae::app {

enum class RendererChoice { automatic, software, opengl, opengles2 };

inline constexpr std::array<Named<RendererChoice>, 4> renderer_choices = {{
    {"auto", RendererChoice::automatic, "a GPU if there is a real one, else software"},
    {"software", RendererChoice::software, "compose on the CPU and write into the window surface"},
    {"opengl", RendererChoice::opengl, "SDL's OpenGL renderer"},
    {"opengles2", RendererChoice::opengles2, "SDL's OpenGL ES 2 renderer"},
}};
static_assert(in_enum_order(renderer_choices));

constexpr std::optional<RendererChoice> renderer_named(std::string_view name) {
  return value_named(renderer_choices, name);
}
constexpr std::string_view renderer_name(RendererChoice choice) { return name_of(renderer_choices, choice); }

// The names alone, for content::parse_box_config, which checks the setting
// without knowing what a renderer is.
inline constexpr std::array<std::string_view, renderer_choices.size()> renderer_names = names_of(renderer_choices);

}  // namespace annae::app
