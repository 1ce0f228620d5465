#pragma once
// What a visitor's touch or an operator's key means, and the little state
// that goes with it (paused, index open, idle return, the quit chord). Pure:
// no SDL, no drawing; the App feeds it and carries out the actions.
#include <cstdint>
#include <optional>

#include "app/gestures.hpp"

namespace annae::app {

enum class Action { none, next, previous, first, last, jump, toggle_pause, open_index, close_index, toggle_fullscreen, quit };

struct Decision {
  Action action = Action::none;
  std::size_t slide = 0;  // for jump: 0-based
  bool operator==(const Decision&) const = default;
};

enum class Key { left, right, space, home, end, digit, index, fullscreen, escape, ctrl, alt, q, other };

// Tap zones on a slide (slide-normalized): the outer fifths step back and
// forward, the rest pauses or resumes. Where the page itself says a tap
// opens the index (the progress dots: slides::HitRegion), that wins.
inline constexpr float tap_edge_zone = 0.2f;

class Interaction {
 public:
  Interaction(std::int64_t idle_timeout_ms, bool kiosk) : idle_timeout_ms_(idle_timeout_ms), kiosk_(kiosk) {}

  // A gesture; `index_cell` is the index grid cell under the tap (when the
  // index is open and the tap hit one); `on_index_opener` when the page's
  // hit regions put the tap on the progress dots.
  Decision on_gesture(const Gesture& g, std::int64_t now_ms, std::optional<std::size_t> index_cell,
                      bool on_index_opener = false);
  Decision on_key_down(Key key, int digit, std::int64_t now_ms);
  void on_key_up(Key key);
  // Any touch or click, even one that makes no gesture: the visitor is here.
  void touched(std::int64_t now_ms) { last_touch_ms_ = now_ms; }
  // Time passing: the idle return and the quit chord.
  Decision on_time(std::int64_t now_ms);
  std::optional<std::int64_t> deadline_ms() const;

  bool paused() const { return paused_; }
  bool index_open() const { return index_open_; }

 private:
  Decision apply(Decision d);

  std::int64_t idle_timeout_ms_;
  bool kiosk_;
  bool paused_ = false;
  bool index_open_ = false;
  std::optional<std::int64_t> last_touch_ms_;
  bool ctrl_ = false, alt_ = false;
  std::optional<std::int64_t> chord_since_ms_;  // Ctrl+Alt+Q held since
};

inline constexpr std::int64_t quit_chord_hold_ms = 2000;

}  // namespace annae::app
