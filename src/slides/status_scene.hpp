#pragma once
// The screen shown when there is nothing valid to play (no show folder, no
// valid slide): calm, readable from a distance, and telling a technician
// what to do. Not an error dialog: visitors may see it too.
#include <string_view>

#include "slides/scene.hpp"
#include "text/layout.hpp"

namespace annae::slides {

Scene status_scene(text::TextEngine& engine, int width_px, int height_px, std::string_view headline,
                   std::string_view detail);

// A block of text on a plain ground, for `annae layout --png`: the box the
// text was laid out in is shaded so its edges can be judged.
Scene text_specimen_scene(const std::shared_ptr<const text::TextBlock>& block, float box_width_px,
                          float box_height_px);

}  // namespace annae::slides
