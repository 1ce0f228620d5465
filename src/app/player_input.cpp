// Visitors and operators: touch, mouse and keys become gestures and actions.
#include "app/player_app.hpp"

namespace annae::app {

void PlayerApp::handle_input() {
  SDL_Event e;
  while (have_pending_ || SDL_PollEvent(&e)) {
    if (have_pending_) {
      e = pending_;
      have_pending_ = false;
    }
    switch (e.type) {
      case SDL_QUIT: quit_ = true; break;
      case SDL_KEYDOWN:
        if (!e.key.repeat) {
          int digit = 0;
          const Key key = key_of(e.key.keysym, digit);  // sets `digit`: not inside the call's argument list
          act(interaction_.on_key_down(key, digit, now_ms()));
        }
        break;
      case SDL_KEYUP: {
        int digit = 0;
        interaction_.on_key_up(key_of(e.key.keysym, digit));
        break;
      }
      case SDL_FINGERDOWN:
      case SDL_FINGERMOTION:
      case SDL_FINGERUP:
        pointer(e.type == SDL_FINGERDOWN ? PointerEvent::Type::down
                : e.type == SDL_FINGERUP ? PointerEvent::Type::up
                                         : PointerEvent::Type::move,
                static_cast<std::int64_t>(e.tfinger.fingerId) + 1, {e.tfinger.x, e.tfinger.y});
        break;
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP:
      case SDL_MOUSEMOTION: {
        if (e.type == SDL_MOUSEMOTION ? e.motion.which == SDL_TOUCH_MOUSEID : e.button.which == SDL_TOUCH_MOUSEID) {
          break;  // SDL's mouse events made from touches: the touch itself was handled
        }
        if (absolute_pointers_ && absolute_pointers_->active()) {
          break;  // SDL's garbled copy of an absolute pointer, read directly below
        }
        show_cursor_for_a_while();
        if (e.type == SDL_MOUSEMOTION && !(e.motion.state & SDL_BUTTON_LMASK)) break;
        if (e.type != SDL_MOUSEMOTION && e.button.button != SDL_BUTTON_LEFT) break;
        int ww = 1, wh = 1;
        SDL_GetWindowSize(display_->window(), &ww, &wh);
        const int mx = e.type == SDL_MOUSEMOTION ? e.motion.x : e.button.x;
        const int my = e.type == SDL_MOUSEMOTION ? e.motion.y : e.button.y;
        pointer(e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Type::down
                : e.type == SDL_MOUSEBUTTONUP ? PointerEvent::Type::up
                                              : PointerEvent::Type::move,
                0, {static_cast<float>(mx) / static_cast<float>(ww), static_cast<float>(my) / static_cast<float>(wh)});
        break;
      }
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED) dirty_ = true;
        break;
      default:
        if (signal_event_ != 0 && e.type == signal_event_) on_signal(e.user.code);
        if (absolute_pointer_event_ != 0 && e.type == absolute_pointer_event_) {
          const auto sample = AbsolutePointerReader::decode(e.user);
          if (sample.type != PointerEvent::Type::move) {
            log::debug(std::string("touch: absolute pointer ") + (sample.type == PointerEvent::Type::down ? "down" : "up") +
                       " at " + std::to_string(sample.at.x) + ", " + std::to_string(sample.at.y));
          }
          pointer(sample.type, 0, sample.at);
        }
        if (image_event_ != 0 && e.type == image_event_) images_decoded();
        break;
    }
  }
}

std::int64_t PlayerApp::now_ms() {
  return std::chrono::duration_cast<milliseconds>(steady::now().time_since_epoch()).count();
}

Key PlayerApp::key_of(const SDL_Keysym& k, int& digit) {
  digit = 0;
  switch (k.sym) {
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
  if (k.sym >= SDLK_1 && k.sym <= SDLK_9) {
    digit = static_cast<int>(k.sym - SDLK_0);
    return Key::digit;
  }
  return Key::other;
}

void PlayerApp::pointer(PointerEvent::Type type, std::int64_t finger, Point output) {
  const Point at = map_to_slide(output, applied_rotation_);
  const auto ms = now_ms();
  interaction_.touched(ms);
  const bool was_down = finger_at_.has_value();
  finger_at_ = type == PointerEvent::Type::up ? std::nullopt : std::optional<Point>(at);
  if (type != PointerEvent::Type::move || was_down != finger_at_.has_value()) {
    overlay_stale_ = true;  // feedback: the marker appears with the finger and goes with it
    dirty_ = true;
  }
  if (auto g = gestures_.on_event({type, finger, at, ms})) on_gesture(*g);
}

void PlayerApp::on_gesture(const Gesture& g) {
  std::optional<std::size_t> cell;
  if (index_) cell = slides::index_cell_at(*index_, g.at.x, g.at.y);
  act(interaction_.on_gesture(g, now_ms(), cell));
}

void PlayerApp::act(const Decision& d) {
  if (d.action == Action::none) return;
  overlay_stale_ = true;
  dirty_ = true;
  switch (d.action) {
    case Action::quit: quit_ = true; return;
    case Action::toggle_fullscreen: {
      const bool fullscreen = SDL_GetWindowFlags(display_->window()) & SDL_WINDOW_FULLSCREEN_DESKTOP;
      SDL_SetWindowFullscreen(display_->window(), fullscreen ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
      return;
    }
    case Action::toggle_pause:
      if (!interaction_.paused()) advance_at_ = steady::now() + milliseconds(current_duration_ms());
      return;
    case Action::open_index:
      if (show_) index_ = slides::index_overlay(*show_, position_ ? position_->slide : 0, *engine_, view_);
      return;
    case Action::close_index:
      index_.reset();
      if (!interaction_.paused()) advance_at_ = std::max(advance_at_, steady::now() + milliseconds(2000));
      return;
    case Action::next: go(+1); break;
    case Action::previous: go(-1); break;
    case Action::first:
    case Action::last:
    case Action::jump: {
      index_.reset();
      if (!show_) return;
      const std::size_t target = d.action == Action::first  ? 0
                                 : d.action == Action::last ? show_->slides.size() - 1
                                                            : std::min(d.slide, show_->slides.size() - 1);
      const int direction = position_ && target < position_->slide ? -1 : +1;
      present(Position{target, 0}, direction);
      break;
    }
    default: return;
  }
  position_changed_by_input_ = true;
}

void PlayerApp::show_cursor_for_a_while() {
  if (!display_->windowed()) {
    SDL_ShowCursor(SDL_ENABLE);  // an operator's mouse; visitors never see a cursor otherwise
    cursor_hide_at_ = steady::now() + milliseconds(3000);
  }
}

}  // namespace annae::app
