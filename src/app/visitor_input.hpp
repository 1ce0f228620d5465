#pragma once
// Visitors and operators: pointer events and keys become decisions
// (app/interaction.hpp), with what goes with them on screen — the index
// grid while it is open and the ring under a finger. Pure: no SDL; the
// player translates events (app/sdl_input.hpp) and carries decisions out.
// Points are slide-normalized (map_to_slide has undone the rotation).
#include <cstdint>
#include <optional>

#include "app/gestures.hpp"
#include "app/interaction.hpp"
#include "slides/overlays.hpp"

namespace annae::app {

class VisitorInput {
 public:
  VisitorInput(std::int64_t idle_timeout_ms, bool kiosk) : interaction_(idle_timeout_ms, kiosk) {}

  // The page on screen: its shape (so swipe distances are isotropic on
  // portrait screens too) and its hit regions (the progress dots).
  void set_page(const slides::Scene& page);
  // A new show: its idle timeout, and a fresh start (nothing held, no index).
  void restart(std::int64_t idle_timeout_ms, bool kiosk);

  Decision pointer(PointerEvent::Type type, std::int64_t finger, Point at, std::int64_t now_ms);
  Decision key_down(Key key, int digit, std::int64_t now_ms) { return interaction_.on_key_down(key, digit, now_ms); }
  void key_up(Key key) { interaction_.on_key_up(key); }
  // Time passing: a long-press, the idle return, the quit chord.
  Decision on_time(std::int64_t now_ms);
  std::optional<std::int64_t> deadline_ms() const;

  // The index grid, laid out by the player when a decision opens it.
  void open_index(slides::IndexOverlay index) { index_ = std::move(index); }
  void close_index() { index_.reset(); }
  const std::optional<slides::IndexOverlay>& index() const { return index_; }

  bool held() const { return interaction_.paused(); }
  bool index_open() const { return interaction_.index_open(); }
  // Where a finger is down, for the touch marker.
  const std::optional<Point>& finger() const { return finger_at_; }
  // True once after the marker appeared or went (the overlay needs redrawing).
  bool take_feedback_change();

 private:
  Decision on_gesture(const Gesture& g, std::int64_t now_ms);

  GestureRecognizer gestures_;
  Interaction interaction_;
  std::optional<slides::IndexOverlay> index_;
  std::optional<Point> finger_at_;
  bool feedback_changed_ = false;
  float page_width_px_ = 1920, page_height_px_ = 1080;
  std::vector<slides::HitRegion> hits_;
};

}  // namespace annae::app
