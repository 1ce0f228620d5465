#pragma once
// Touch and mouse gestures as a pure state machine: fed pointer events and
// a clock, no SDL inside, so every gesture is unit-testable with synthetic
// events. Coordinates are normalized (0..1) in the slide's own orientation:
// map_to_slide() undoes the screen rotation first, so a swipe on a portrait
// screen mounted sideways goes the way the visitor's finger went.
#include <cstdint>
#include <optional>

namespace annae::app {

struct Point {
  float x = 0, y = 0;  // normalized, 0..1
};

// Output-normalized point → slide-normalized point for a picture turned
// `rotation_deg` clockwise (render::rotated).
Point map_to_slide(Point output, int rotation_deg);

struct PointerEvent {
  enum class Type { down, move, up };
  Type type = Type::down;
  std::int64_t finger = 0;  // which finger (the mouse is finger 0)
  Point at;                 // slide-normalized
  std::int64_t time_ms = 0;
};

enum class GestureKind { tap, swipe_left, swipe_right, long_press };

struct Gesture {
  GestureKind kind = GestureKind::tap;
  Point at;  // where the finger went down
};

struct GestureConfig {
  float aspect = 16.0f / 9.0f;      // slide width / height, so distances are isotropic
  float tap_slop = 0.03f;           // movement allowed in a tap, in slide heights
  float swipe_min_distance = 0.12f; // in slide widths
  float swipe_min_speed = 0.35f;    // slide widths per second, over the whole gesture
  std::int64_t tap_max_ms = 600;
  std::int64_t long_press_ms = 700;
};

class GestureRecognizer {
 public:
  explicit GestureRecognizer(GestureConfig config = {}) : config_(config) {}

  // Feeds one event; returns a gesture when one completes. A second finger
  // cancels the gesture in progress (nothing fires until all fingers lift).
  std::optional<Gesture> on_event(const PointerEvent& e);
  // Time passing: a long-press fires while the finger is still down.
  std::optional<Gesture> on_time(std::int64_t now_ms);
  // When on_time() next needs calling (a long-press deadline), if any.
  std::optional<std::int64_t> deadline_ms() const;

 private:
  enum class State { idle, tracking, cancelled, fired };
  float distance(Point a, Point b) const;  // in slide heights

  GestureConfig config_;
  State state_ = State::idle;
  std::int64_t finger_ = 0;
  int fingers_down_ = 0;
  Point start_, last_;
  std::int64_t start_ms_ = 0;
  bool moved_ = false;
};

}  // namespace annae::app
