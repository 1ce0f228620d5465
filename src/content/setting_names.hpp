#pragma once
// The names staff and technicians write for the content layer's enums:
// slide kinds (kind = "cover"), watch modes ([watch] mode, the box's
// `watch`, --watch) and themes ([theme] name). One table each; every parser,
// message, help text and test reads them (core/named.hpp).
#include <array>
#include <optional>
#include <string_view>

#include "core/named.hpp"

namespace annae::content {

enum class SlideKind { cover, strategies, text, agenda, talks, contacts, quote, image };
enum class WatchMode { automatic, inotify, poll };
enum class ThemeName { dark, light, high_contrast };

inline constexpr std::array<Named<SlideKind>, 8> slide_kinds = {{
    {"cover", SlideKind::cover, "the event's title, date, venue and host"},
    {"strategies", SlideKind::strategies, "numbered items, each with a heading and a description"},
    {"text", SlideKind::text, "paragraphs, bullets with one level of sub-bullets, and notes"},
    {"agenda", SlideKind::agenda, "timed rows, the current one highlighted by the wall clock"},
    {"talks", SlideKind::talks, "presentations: presenter, institute and summary"},
    {"contacts", SlideKind::contacts, "a department's people, roles and phones, with a QR code"},
    {"quote", SlideKind::quote, "a quotation and who said it"},
    {"image", SlideKind::image, "one picture with a caption"},
}};
static_assert(in_enum_order(slide_kinds));

inline constexpr std::array<Named<WatchMode>, 3> watch_modes = {{
    {"auto", WatchMode::automatic, "inotify, polling on network shares where inotify sees nothing"},
    {"inotify", WatchMode::inotify, "the kernel reports every change (local disks, USB sticks)"},
    {"poll", WatchMode::poll, "look at the folder every poll_interval (any share)"},
}};
static_assert(in_enum_order(watch_modes));

inline constexpr std::array<Named<ThemeName>, 3> theme_names = {{
    {"dark", ThemeName::dark, "light type on deep blue-black"},
    {"light", ThemeName::light, "dark type on near-white"},
    {"high-contrast", ThemeName::high_contrast, "white and yellow on black"},
}};
static_assert(in_enum_order(theme_names));

constexpr std::optional<SlideKind> slide_kind_named(std::string_view name) { return value_named(slide_kinds, name); }
constexpr std::optional<WatchMode> watch_mode_named(std::string_view name) { return value_named(watch_modes, name); }
constexpr std::optional<ThemeName> theme_named(std::string_view name) { return value_named(theme_names, name); }

// "cover", "strategies", ... as written in slide files.
constexpr std::string_view kind_name(SlideKind kind) { return name_of(slide_kinds, kind); }
constexpr std::string_view watch_mode_name(WatchMode mode) { return name_of(watch_modes, mode); }
constexpr std::string_view theme_name(ThemeName name) { return name_of(theme_names, name); }

}  // namespace annae::content
