#pragma once
// Reading one slide file's bytes (slide_file.cpp, with each kind's keys in
// slide_kinds.cpp). load_show() calls it for each slide it reads; the fuzzer
// and tests call it directly. Never throws on bad input.
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "core/confined_dir.hpp"
#include "core/diagnostic.hpp"

namespace annae::content {

struct SlideFileContext {
  std::string display_path;        // "forum-2023/010-cover.toml"
  std::string id;                  // "forum-2023/010-cover"
  files::ConfinedDir show_dir;      // the slide's show folder; images resolve here, and only here
  Event event;                     // the slide's show's event
  int default_duration_ms = 12000;
};

struct SlideFile {
  std::optional<Slide> slide;  // empty when the file has errors
  bool enabled = true;         // false: enabled = false (the slide is still checked)
};

SlideFile parse_slide_file(std::string_view bytes, const SlideFileContext& context, Diagnostics& out);

}  // namespace annae::content
