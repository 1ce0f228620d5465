#pragma once
// The running player (internal to src/app). PlayerApp owns all state; its
// loop is a short list of named steps:
//   wait_for_events → poll_content → handle_input → update → draw_if_dirty.
// Methods live in files named for what they own: player_app.cpp (the loop),
// player_content.cpp (loading, live updates, status), player_input.cpp
// (touch, mouse and keys), player_view.cpp (navigation and drawing).
//
// Thread: the main thread, except the watcher's callback, which only touches
// pending_load_ under pending_mutex_.
#include <SDL.h>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <mutex>
#include "app/cli.hpp"
#include "app/clock.hpp"
#include "app/display.hpp"
#include "app/fonts_config.hpp"
#include "app/gestures.hpp"
#include "app/interaction.hpp"
#include "app/player.hpp"
#include "app/status_file.hpp"
#include "content/load.hpp"
#include "content/watcher.hpp"
#include "core/log.hpp"
#include "render/compositor.hpp"
#include "render/presenter.hpp"
#include "render/rotate.hpp"
#include "slides/overlays.hpp"
#include "slides/show_view.hpp"
#include "slides/status_scene.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"
#include "text/local_time.hpp"

namespace annae::app {

using steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

inline constexpr milliseconds frame_interval{16};  // transition frames, ~60 per second

class PlayerApp {
 public:
  PlayerApp(const RunCommand& cmd, std::unique_ptr<Display> display, std::unique_ptr<text::TextEngine> engine);

  int run();

 private:
  std::string show_dir() const { return cmd_.show_dir.empty() ? std::string(ANNAE_CONTENT_DIR) : cmd_.show_dir; }

  void log_diagnostics(const Diagnostics& diagnostics);

  void load_content();

  // Starts noticing files copied into the show folder; loads happen on the watcher's thread.
  void watch_content();

  // Step 1 of the loop: swap in a newly loaded show, but only one that loaded
  // without errors; otherwise the last good show stays and the badge shows.
  void poll_content();

  // Swaps `show` in, keeping the visitor's place by slide id. The slide on
  // screen is redrawn at once when its file (or show.toml) changed; other
  // changes show at the next slide change.
  void adopt(std::shared_ptr<const content::Show> show, const content::ChangeInfo& change);

  void write_status();
  std::filesystem::path status_path() const {
    return cmd_.status_file.empty() ? default_status_path() : std::filesystem::path(cmd_.status_file);
  }

  content::LocalDateTime local_now(const content::Slide& slide) const;

  Playlist::Visible visible_now() const;

  void wait_for_events();

  void handle_input();

  void update();

  void draw_if_dirty();

  // The next (+1) or previous (-1) page or slide, with a transition.
  void go(int direction);

  // Redraws what is shown (new size, the clock moved on), without a transition.
  void refresh();

  // Lays out and composes `at` — or, when empty, the status screen — and
  // starts a transition from what was shown when `direction` is not 0.
  void present(std::optional<Position> at, int direction, bool refresh_fade = false);

  static std::int64_t now_ms();

  static Key key_of(const SDL_Keysym& k, int& digit);

  // A pointer event in output-normalized coordinates.
  void pointer(PointerEvent::Type type, std::int64_t finger, Point output);

  void on_gesture(const Gesture& g);

  void act(const Decision& d);

  int current_duration_ms() const;

  render::Surface compose_overlays();

  // A discreet corner mark for staff while the content has problems.
  bool staff_badge() const { return !diagnostics_.empty() && show_; }

  void show_cursor_for_a_while();

  int rotation_deg() const;

  void schedule_minute();

  struct Transition {
    steady::time_point start;
    int duration_ms;
    render::TransitionStyle style;
    int direction;
  };

  RunCommand cmd_;
  std::unique_ptr<Display> display_;
  std::unique_ptr<text::TextEngine> engine_;
  text::GlyphCache glyphs_;
  render::Compositor compositor_;
  std::unique_ptr<render::Presenter> presenter_;
  Clock clock_;

  // Visitors and operators.
  GestureRecognizer gestures_;
  Interaction interaction_;
  std::optional<Point> finger_at_;         // where a finger is down (touch feedback)
  std::optional<slides::IndexOverlay> index_;
  render::Surface overlay_frame_;          // shown_ with the overlays drawn over it
  bool overlay_stale_ = true;
  steady::time_point cursor_hide_at_ = steady::time_point::max();

  // Live updates: the watcher's thread hands a loaded show over under the mutex.
  struct PendingLoad {
    content::LoadResult result;
    content::ChangeInfo change;
  };
  std::unique_ptr<content::ShowWatcher> watcher_;
  std::mutex pending_mutex_;
  std::optional<PendingLoad> pending_load_;  // guarded by pending_mutex_
  Uint32 wake_event_ = 0;
  Diagnostics diagnostics_;  // of the newest load
  bool using_last_good_ = false;
  std::string loaded_at_;

  std::shared_ptr<const content::Show> show_;
  std::string status_;
  slides::ShowView view_;
  slides::SlidePages pages_;
  std::optional<Position> position_;
  render::Surface shown_, previous_;
  std::optional<Transition> transition_;
  int width_ = 0, height_ = 0;  // the slide's shape: the output turned back by the rotation
  int applied_rotation_ = 0;
  bool position_changed_by_input_ = false;
  steady::time_point advance_at_ = steady::time_point::max();
  steady::time_point next_minute_ = steady::time_point::max();
  steady::time_point last_frame_;
  SDL_Event pending_{};
  bool have_pending_ = false;
  bool dirty_ = true;
  bool first_frame_logged_ = false;
  bool quit_ = false;
};

}  // namespace annae::app
