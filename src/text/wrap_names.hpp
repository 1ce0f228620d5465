#pragma once
// The names of the line-breaking modes (text::Wrap, block.hpp), as `annae
// layout --wrap` takes them. Kept beside block.hpp rather than in it so the
// names do not recompile every user of the text engine.
#include <array>
#include <optional>
#include <string_view>

#include "core/named.hpp"
#include "text/block.hpp"

namespace annae::text {

inline constexpr std::array<Named<Wrap>, 3> wrap_modes = {{
    {"greedy", Wrap::greedy, "each line as full as it can be (the default)"},
    {"pretty", Wrap::pretty, "the whole paragraph at once: even lines, no lone last 어절"},
    {"balance", Wrap::balance, "titles: lines of about the same width"},
}};
static_assert(in_enum_order(wrap_modes));

constexpr std::optional<Wrap> wrap_named(std::string_view name) { return value_named(wrap_modes, name); }

}  // namespace annae::text
