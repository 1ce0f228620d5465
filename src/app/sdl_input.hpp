#pragma once
// SDL's input events in the player's terms: keys as app::Key, and touches
// and the left mouse button as pointer events in output-normalized
// coordinates (0..1 over the window; map_to_slide turns them for the slide).
#include <SDL.h>

#include <optional>

#include "app/gestures.hpp"
#include "app/interaction.hpp"

namespace annae::app {

struct KeyInput {
  Key key = Key::other;
  int digit = 0;  // 1..9 for Key::digit
  bool down = true;
};

struct PointerInput {
  PointerEvent::Type type = PointerEvent::Type::down;
  std::int64_t finger = 0;  // 0: the mouse; touches count from 1
  Point output;             // output-normalized
};

Key key_of(SDL_Keycode sym);
int digit_of(SDL_Keycode sym);  // 1..9, else 0

// A key press or release; nothing for auto-repeats and other events.
std::optional<KeyInput> key_input(const SDL_Event& e);
// A finger event; nothing for other events.
std::optional<PointerInput> touch_input(const SDL_Event& e);
// A real mouse's left button (SDL's copies of touches are left out); nothing
// for other events. `window` gives the size to normalize by.
std::optional<PointerInput> mouse_input(const SDL_Event& e, SDL_Window* window);
// Any event of a real mouse (moving it shows the cursor for a while).
bool is_mouse_event(const SDL_Event& e);

}  // namespace annae::app
