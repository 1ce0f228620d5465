#include "app/sdl_input.hpp"

namespace annae::app {

Key key_of(SDL_Keycode sym) {
  switch (sym) {
    case SDLK_LEFT: return Key::left;
    case SDLK_RIGHT: return Key::right;
    case SDLK_SPACE: return Key::space;
    case SDLK_HOME: return Key::home;
    case SDLK_END: return Key::end;
    case SDLK_i: return Key::index;
    case SDLK_f: return Key::fullscreen;
    case SDLK_ESCAPE: return Key::escape;
    case SDLK_q: return Key::q;
    case SDLK_LCTRL:
    case SDLK_RCTRL: return Key::ctrl;
    case SDLK_LALT:
    case SDLK_RALT: return Key::alt;
    default: break;
  }
  return digit_of(sym) ? Key::digit : Key::other;
}

int digit_of(SDL_Keycode sym) { return sym >= SDLK_1 && sym <= SDLK_9 ? static_cast<int>(sym - SDLK_0) : 0; }

std::optional<KeyInput> key_input(const SDL_Event& e) {
  if (e.type == SDL_KEYDOWN && e.key.repeat) return std::nullopt;
  if (e.type != SDL_KEYDOWN && e.type != SDL_KEYUP) return std::nullopt;
  return KeyInput{key_of(e.key.keysym.sym), digit_of(e.key.keysym.sym), e.type == SDL_KEYDOWN};
}

std::optional<PointerInput> touch_input(const SDL_Event& e) {
  if (e.type != SDL_FINGERDOWN && e.type != SDL_FINGERMOTION && e.type != SDL_FINGERUP) return std::nullopt;
  const auto type = e.type == SDL_FINGERDOWN ? PointerEvent::Type::down
                    : e.type == SDL_FINGERUP ? PointerEvent::Type::up
                                             : PointerEvent::Type::move;
  return PointerInput{type, static_cast<std::int64_t>(e.tfinger.fingerId) + 1, {e.tfinger.x, e.tfinger.y}};
}

bool is_mouse_event(const SDL_Event& e) {
  if (e.type == SDL_MOUSEMOTION) return e.motion.which != SDL_TOUCH_MOUSEID;
  if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) return e.button.which != SDL_TOUCH_MOUSEID;
  return false;  // SDL's mouse events made from touches: the touch itself is handled
}

std::optional<PointerInput> mouse_input(const SDL_Event& e, SDL_Window* window) {
  if (!is_mouse_event(e)) return std::nullopt;
  const bool motion = e.type == SDL_MOUSEMOTION;
  if (motion && !(e.motion.state & SDL_BUTTON_LMASK)) return std::nullopt;
  if (!motion && e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
  int ww = 1, wh = 1;
  SDL_GetWindowSize(window, &ww, &wh);
  const int x = motion ? e.motion.x : e.button.x, y = motion ? e.motion.y : e.button.y;
  const auto type = e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Type::down
                    : e.type == SDL_MOUSEBUTTONUP ? PointerEvent::Type::up
                                                  : PointerEvent::Type::move;
  return PointerInput{type, 0, {static_cast<float>(x) / static_cast<float>(ww), static_cast<float>(y) / static_cast<float>(wh)}};
}

}  // namespace annae::app
