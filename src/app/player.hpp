#pragma once
// The running player (internal to src/app): the parts, and the loop that
// calls them as named steps:
//   wait_for_next_deadline → take_new_content → handle_events → follow_time
//   → draw → report
// Each part owns its state and sees only what a step hands it:
//   ContentFeed   the show folder's loads (content_feed.hpp)
//   ShowSession   the show, the place in it, its timers, the reload rules (show_session.hpp)
//   Stage         what is on screen: pages, transitions, overlays, rotation (stage.hpp)
//   VisitorInput  touches and keys as decisions, the index, the finger (visitor_input.hpp)
//   BoxDuties     night, signals, screenshots, import notices, systemd (box_duties.hpp)
// The player itself only carries decisions from one part to another.
//
// Thread: the main thread.
#include <memory>

#include "app/absolute_pointer.hpp"
#include "app/box_duties.hpp"
#include "app/player_settings.hpp"
#include "app/clock.hpp"
#include "app/content_feed.hpp"
#include "app/display.hpp"
#include "app/sdl_input.hpp"
#include "app/show_session.hpp"
#include "app/stage.hpp"
#include "app/visitor_input.hpp"
#include "render/compositor.hpp"
#include "render/presenter.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"

namespace annae::app {

class Player {
 public:
  Player(const PlayerSettings& settings, std::unique_ptr<Display> display, std::unique_ptr<text::TextEngine> engine);
  ~Player();

  int run();

 private:
  // --- the loop's steps (player.cpp) ---
  void start();
  void wait_for_next_deadline();
  void take_new_content();
  void handle_events();
  void follow_time();
  void draw();
  void report();

  // --- carrying decisions out (player_events.cpp) ---
  void handle(const SDL_Event& e);
  void pointer(const PointerInput& input);
  void act(const Decision& d);
  void navigate(const Decision& d);
  void put_up(const std::optional<Shot>& shot);
  void fit_to_output();
  void follow_night(std::chrono::system_clock::time_point wall_now);
  slides::Scene overlay_scene() const;
  void show_cursor_for_a_while();
  void write_status();
  static std::int64_t now_ms();

  PlayerSettings settings_;
  std::unique_ptr<Display> display_;
  std::unique_ptr<text::TextEngine> engine_;
  text::GlyphCache glyphs_;
  render::Compositor compositor_;
  std::unique_ptr<render::Presenter> presenter_;
  Clock clock_;

  ContentFeed feed_;
  ShowSession session_;
  Stage stage_;
  VisitorInput visitors_;
  BoxDuties duties_;

  // Absolute pointers read past SDL where its evdev code garbles them (app/absolute_pointer.hpp); null elsewhere.
  std::unique_ptr<AbsolutePointerReader> absolute_pointers_;
  Uint32 absolute_pointer_event_ = 0;
  Uint32 image_event_ = 0;

  int width_px_ = 0, height_px_ = 0;  // the slide's shape: the output turned back by the rotation
  int rotation_deg_ = -1;
  bool overlay_stale_ = true;
  bool prefetch_due_ = false;
  bool first_frame_shown_ = false;
  bool screen_off_ = false;
  int status_serial_written_ = -1;
  bool night_written_ = false;
  steady::time_point cursor_hide_at_ = steady::time_point::max();
  SDL_Event pending_{};
  bool have_pending_ = false;
  bool quit_ = false;
};

}  // namespace annae::app
