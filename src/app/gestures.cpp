#include "app/gestures.hpp"

#include <cmath>

namespace annae::app {

Point map_to_slide(Point o, int rotation_deg) {
  switch (((rotation_deg % 360) + 360) % 360) {
    case 90: return {o.y, 1 - o.x};    // the slide's top is on the output's right
    case 180: return {1 - o.x, 1 - o.y};
    case 270: return {1 - o.y, o.x};   // the slide's top is on the output's left
    default: return o;
  }
}

float GestureRecognizer::distance(Point a, Point b) const {
  return std::hypot((a.x - b.x) * config_.aspect, a.y - b.y);
}

std::optional<Gesture> GestureRecognizer::on_event(const PointerEvent& e) {
  switch (e.type) {
    case PointerEvent::Type::down:
      ++fingers_down_;
      if (state_ == State::idle) {
        state_ = State::tracking;
        finger_ = e.finger;
        start_ = last_ = e.at;
        start_ms_ = e.time_ms;
        moved_ = false;
      } else if (state_ == State::tracking) {
        state_ = State::cancelled;  // a second finger: not a gesture we know
      }
      return std::nullopt;
    case PointerEvent::Type::move:
      if (state_ == State::tracking && e.finger == finger_) {
        last_ = e.at;
        if (distance(start_, last_) > config_.tap_slop) moved_ = true;
      }
      return std::nullopt;
    case PointerEvent::Type::up: {
      if (fingers_down_ > 0) --fingers_down_;
      std::optional<Gesture> result;
      if (state_ == State::tracking && e.finger == finger_) {
        last_ = e.at;
        const float dx = last_.x - start_.x;
        const float dy = last_.y - start_.y;
        const float seconds = std::max<float>(0.001f, static_cast<float>(e.time_ms - start_ms_) / 1000.0f);
        const bool horizontal = std::abs(dx) * config_.aspect > std::abs(dy) * 1.5f;
        if (horizontal && std::abs(dx) >= config_.swipe_min_distance && std::abs(dx) / seconds >= config_.swipe_min_speed) {
          result = Gesture{dx < 0 ? GestureKind::swipe_left : GestureKind::swipe_right, start_};
        } else if (distance(start_, last_) <= config_.tap_slop && e.time_ms - start_ms_ <= config_.tap_max_ms) {
          result = Gesture{GestureKind::tap, start_};
        }
        state_ = fingers_down_ > 0 ? State::cancelled : State::idle;
      }
      if (fingers_down_ == 0) state_ = State::idle;
      return result;
    }
  }
  return std::nullopt;
}

std::optional<Gesture> GestureRecognizer::on_time(std::int64_t now_ms) {
  if (state_ == State::tracking && !moved_ && now_ms - start_ms_ >= config_.long_press_ms) {
    state_ = State::fired;  // the lift that follows is not also a tap
    return Gesture{GestureKind::long_press, start_};
  }
  return std::nullopt;
}

std::optional<std::int64_t> GestureRecognizer::deadline_ms() const {
  if (state_ == State::tracking && !moved_) return start_ms_ + config_.long_press_ms;
  return std::nullopt;
}

}  // namespace annae::app
