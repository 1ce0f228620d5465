#pragma once
// Layout problems of a whole show (text that had to be cut, or that fits
// only below its role's minimum), found by laying every slide out as the
// player would on its screen: for `annae check`, which otherwise reads only
// the files. Each problem is a warning at the text's file:line:col.
#include "content/model.hpp"
#include "core/diagnostic.hpp"
#include "text/layout.hpp"

namespace annae::app {

// The screen `annae check` lays slides out for: 1920x1080, turned to
// 1080x1920 when show.toml turns the screen on its side.
std::pair<int, int> check_screen_px(const content::Show& show);

// Every slide laid out at `width_px`×`height_px` for the wall-clock time now;
// each problem once, in play order.
Diagnostics layout_problems(const content::Show& show, text::TextEngine& engine, int width_px, int height_px);

}  // namespace annae::app
