#pragma once
// The footer band: event (or ticker) at the left, slide progress in the
// middle, date and clock at the right. Each part can be off.
#include <optional>
#include <string>

#include "slides/compose.hpp"

namespace annae::slides {

struct FooterInfo {
  std::string left_text;  // the ticker when set, else the event title; may be empty
  bool show_clock = true;
  std::optional<text::CivilTime> now;  // clock and date; empty: not shown
  bool show_progress = true;
  std::size_t slide_index = 0;  // 0-based
  std::size_t slide_count = 0;
};

void add_footer(Scene& scene, const LayoutContext& ctx, const FooterInfo& info);

}  // namespace annae::slides
