#pragma once
// The keys each slide kind accepts, and the parser for each kind. Internal.
#include <optional>
#include <span>
#include <string_view>

#include "content/model.hpp"
#include "content/show_settings.hpp"
#include "content/slide_file.hpp"
#include "content/toml_reader.hpp"

namespace annae::content {

using KeyList = std::span<const std::string_view>;

// A list of sections inside a slide, like [[items]] or [[rows]].
struct ChildSpec {
  std::string_view name;
  KeyList keys;
};

struct KindSpec {
  SlideKind kind;
  std::string_view name;
  KeyList keys;  // besides the keys every slide has
  std::span<const ChildSpec> children;
};

// Keys every slide may set.
KeyList common_slide_keys();
std::span<const KindSpec> kind_specs();
std::span<const std::string_view> kind_names();

// Reads the kind-specific part of a slide. Problems go to `slide.file()`;
// the result may be partial when there were errors (the caller drops it).
SlideContent parse_kind(SlideKind kind, TableReader& slide, const SlideFileContext& context);

}  // namespace annae::content
