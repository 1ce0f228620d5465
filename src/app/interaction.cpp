#include "app/interaction.hpp"

#include <algorithm>

namespace annae::app {

Decision Interaction::apply(Decision d) {
  switch (d.action) {
    case Action::toggle_pause: paused_ = !paused_; break;
    case Action::open_index: index_open_ = true; break;
    case Action::close_index: index_open_ = false; break;
    case Action::jump: index_open_ = false; break;
    default: break;
  }
  return d;
}

Decision Interaction::on_gesture(const Gesture& g, std::int64_t now_ms, std::optional<std::size_t> index_cell,
                                  bool on_index_opener) {
  touched(now_ms);
  if (index_open_) {
    if (g.kind == GestureKind::tap) {
      return apply(index_cell ? Decision{Action::jump, *index_cell} : Decision{Action::close_index});
    }
    return {};  // swipes and long-presses do nothing over the index
  }
  switch (g.kind) {
    case GestureKind::swipe_left: return apply({Action::next});       // the finger pulls the next slide in
    case GestureKind::swipe_right: return apply({Action::previous});
    case GestureKind::long_press: return apply({Action::open_index});
    case GestureKind::tap:
      if (on_index_opener) return apply({Action::open_index});
      if (g.at.x < tap_edge_zone) return apply({Action::previous});
      if (g.at.x > 1 - tap_edge_zone) return apply({Action::next});
      return apply({Action::toggle_pause});
  }
  return {};
}

Decision Interaction::on_key_down(Key key, int digit, std::int64_t now_ms) {
  switch (key) {
    case Key::ctrl: ctrl_ = true; return {};
    case Key::alt: alt_ = true; return {};
    case Key::q:
      if (ctrl_ && alt_ && !chord_since_ms_) chord_since_ms_ = now_ms;
      return {};
    default: break;
  }
  touched(now_ms);
  switch (key) {
    case Key::right: return apply({Action::next});
    case Key::left: return apply({Action::previous});
    case Key::space: return apply({Action::toggle_pause});
    case Key::home: return apply({Action::first});
    case Key::end: return apply({Action::last});
    case Key::digit: return digit >= 1 ? apply({Action::jump, static_cast<std::size_t>(digit - 1)}) : Decision{};
    case Key::index: return apply({index_open_ ? Action::close_index : Action::open_index});
    case Key::fullscreen: return kiosk_ ? Decision{} : Decision{Action::toggle_fullscreen};
    case Key::escape:
      if (index_open_) return apply({Action::close_index});
      return kiosk_ ? Decision{} : Decision{Action::quit};  // a visitor's Esc never ends a kiosk
    default: return {};
  }
}

void Interaction::on_key_up(Key key) {
  if (key == Key::ctrl) ctrl_ = false;
  if (key == Key::alt) alt_ = false;
  if (key == Key::ctrl || key == Key::alt || key == Key::q) chord_since_ms_.reset();
}

Decision Interaction::on_time(std::int64_t now_ms) {
  if (chord_since_ms_ && now_ms - *chord_since_ms_ >= quit_chord_hold_ms) return {Action::quit};
  if (last_touch_ms_ && now_ms - *last_touch_ms_ >= idle_timeout_ms_) {
    last_touch_ms_.reset();  // nobody here any more: auto-play resumes, overlays close
    const bool changed = paused_ || index_open_;
    paused_ = false;
    index_open_ = false;
    if (changed) return {Action::close_index};
  }
  return {};
}

std::optional<std::int64_t> Interaction::deadline_ms() const {
  std::optional<std::int64_t> d;
  if (chord_since_ms_) d = *chord_since_ms_ + quit_chord_hold_ms;
  if (last_touch_ms_) {
    const auto idle = *last_touch_ms_ + idle_timeout_ms_;
    d = d ? std::min(*d, idle) : idle;
  }
  return d;
}

}  // namespace annae::app
