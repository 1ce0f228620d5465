#pragma once
// How one slide gives way to the next ([transition] kind in show.toml).
// Header-only and tiny on purpose: render/ draws these and includes it
// without pulling in the rest of the content model.
#include <array>
#include <optional>
#include <string_view>

#include "core/named.hpp"

namespace annae::content {

enum class TransitionKind { fade, push, none };

inline constexpr std::array<Named<TransitionKind>, 3> transition_kinds = {{
    {"fade", TransitionKind::fade, "cross-fade from one slide to the next"},
    {"push", TransitionKind::push, "the next slide pushes the current one off the screen"},
    {"none", TransitionKind::none, "cut straight to the next slide"},
}};
static_assert(in_enum_order(transition_kinds));

constexpr std::optional<TransitionKind> transition_kind_named(std::string_view name) {
  return value_named(transition_kinds, name);
}
constexpr std::string_view transition_kind_name(TransitionKind kind) { return name_of(transition_kinds, kind); }

}  // namespace annae::content
