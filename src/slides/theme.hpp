#pragma once
// Colours for a show: the named theme's palette with show.toml overrides.
#include "content/model.hpp"
#include "slides/scene.hpp"

namespace annae::slides {

struct Palette {
  Color background;
  Color surface;         // panels and cards, a step off the background
  Color text;
  Color muted;           // secondary text: roles, institutes, notes
  Color accent;          // markers, rules, numbers
  Color highlight;       // the agenda's current row panel
  Color highlight_text;  // text on the highlight panel
  Color rule;            // hairlines between rows
};

Palette palette_for(const content::Theme& theme);

}  // namespace annae::slides
