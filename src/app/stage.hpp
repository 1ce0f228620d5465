#pragma once
// What is on screen: the page, the page before it while a transition runs,
// what is drawn over the page (index, badges, touch marker), night's black,
// and the screen's rotation. Pages are kept as laid out, in the slide's own
// shape, and a frame is turned once, when it is presented; so overlays are
// drawn straight onto the page, and the output and the input (map_to_slide)
// turn alike.
//
// Composes with the Compositor and presents with the Presenter it is handed
// (both must outlive it); it knows no window and no show, so tests drive it
// with a recording presenter. Thread: the thread that owns the window.
#include <chrono>
#include <optional>

#include "app/show_session.hpp"
#include "render/compositor.hpp"
#include "render/presenter.hpp"

namespace annae::app {

inline constexpr std::chrono::milliseconds frame_interval{16};  // transition frames, ~60 per second

class Stage {
 public:
  Stage(render::Compositor& compositor, render::Presenter& presenter)
      : compositor_(compositor), presenter_(presenter) {}

  // The output's turn, clockwise (0, 90, 180, 270); the next draw shows it.
  void set_rotation(int degrees);
  int rotation_deg() const { return rotation_deg_; }

  // Composes `shot` and puts it up: cut, or a transition from the page on
  // screen when there is one and the entrance asks for it. A shot that
  // cannot be composed leaves the screen as it is.
  void show(const Shot& shot, steady::time_point now);
  // What is drawn over the page; an empty scene (no items) draws nothing.
  void set_overlay(slides::Scene overlay);
  // Night: a black frame of the output's size, then nothing until wake().
  void go_dark(int output_width_px, int output_height_px);
  void wake();
  bool dark() const { return dark_; }
  // The window was exposed or resized: present again.
  void invalidate() { dirty_ = true; }

  // Presents a transition frame while one runs (ending it when its time is
  // up), else the frame when something changed. True when a frame went out.
  bool draw(steady::time_point now);
  // When draw() next has a frame to present: the next transition frame, or max.
  steady::time_point deadline() const;
  bool transition_running() const { return transition_.has_value(); }

  // The frame on screen, as presented (turned for the output); null before
  // the first. During a transition, the page it goes to.
  const SDL_Surface* frame_on_screen() const;
  // How many full-frame copies overlays have cost (composing over the page
  // and turning it): what player_bench measures.
  std::size_t overlay_frame_copies() const { return overlay_frame_copies_; }

 private:
  struct Transition {
    steady::time_point start;
    int duration_ms;
    content::TransitionKind style;
    int direction;
  };
  render::Surface turned(const SDL_Surface& page) const;  // null when no turn is needed
  const SDL_Surface* output_of(const render::Surface& page, const render::Surface& turned_page) const;
  void compose_overlay_frame();

  render::Compositor& compositor_;
  render::Presenter& presenter_;
  int rotation_deg_ = 0;

  render::Surface page_, page_turned_;          // on screen; turned copy when rotated
  render::Surface previous_, previous_turned_;  // the page a transition leaves
  std::optional<Transition> transition_;
  steady::time_point last_frame_;

  slides::Scene overlay_;
  render::Surface overlay_frame_, overlay_frame_turned_;  // page_ with overlay_ over it
  bool overlay_stale_ = false;
  std::size_t overlay_frame_copies_ = 0;

  bool dark_ = false;
  render::Surface black_;
  bool dirty_ = true;
  bool present_again_ = false;  // the first frame after the screen comes back on goes out twice
};

}  // namespace annae::app
