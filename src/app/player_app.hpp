#pragma once
// The running player (internal to src/app). PlayerApp owns all state; its
// loop is a short list of named steps:
//   wait_for_events → poll_content → handle_input → update → draw_if_dirty
//   → report_to_service_manager.
// Methods live in files named for what they own: player_app.cpp (the loop),
// player_content.cpp (loading, live updates, status), player_input.cpp
// (touch, mouse and keys), player_view.cpp (navigation and drawing),
// player_box.cpp (the box's duties: night, screenshots, staff notices, systemd).
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
#include "app/service_notify.hpp"
#include "app/absolute_pointer.hpp"
#include "app/signal_thread.hpp"
#include "app/status_file.hpp"
#include "app/verified_images.hpp"
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
  // Set by apply_box_settings() before the player starts.
  const std::string& show_dir() const { return cmd_.show_dir; }
  std::filesystem::path state_dir() const { return cmd_.box.state_dir; }

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
    return cmd_.status_file.empty() ? state_dir() / "status.json" : std::filesystem::path(cmd_.status_file);
  }

  content::LocalDateTime local_now(const content::Slide& slide) const;

  Playlist::Visible visible_now() const;

  void wait_for_events();

  void handle_input();

  void update();

  void draw_if_dirty();
  // Logs the first frame (launch benchmarks key on it) and lets the display settle. Idempotent.
  void first_frame_shown();

  // --- player_box.cpp: the box's duties ---
  // Listens for SIGUSR1 (screenshot) and SIGUSR2 (import result).
  void listen_for_signals();
  void on_signal(int signal);
  // Writes STATE/screenshot.png: exactly the frame on screen.
  void write_screenshot();
  // Reads STATE/last-import.txt and shows it to staff for a while.
  void show_import_result();
  // The frame the screen shows now (the target of a running transition).
  const SDL_Surface* frame_on_screen() const;
  // Night (the [night] schedule): a black screen, nothing drawn. Enters or
  // leaves it; the next boundary goes into night_change_at_.
  void follow_night_schedule();
  // Last step of the loop: READY=1 after the first frame, then watchdog pings.
  void report_to_service_manager();
  // The earliest moment the box's duties need the loop awake.
  steady::time_point box_deadline() const;

  // The next (+1) or previous (-1) page or slide, with a transition.
  void go(int direction);

  // Redraws what is shown (new size, the clock moved on), without a transition.
  void refresh();

  // Pictures decode on the compositor's worker thread; each finished decode
  // wakes the loop with image_event_ (set up before the first page).
  void decode_images_in_background();
  // image_event_ arrived: takes the decoded pictures and redraws the page
  // when it was composed without one of them.
  void images_decoded();
  // Queues the pictures of the page that comes next, so its transition
  // shows them. Run once after each new page is on screen (prefetch_due_).
  void prefetch_next();

  // Lays out and composes `at` — or, when empty, the status screen — and
  // starts a transition from what was shown when `direction` is not 0.
  void present(std::optional<Position> at, int direction, bool refresh_fade = false);

  static std::int64_t now_ms();

  static Key key_of(const SDL_Keysym& k, int& digit);

  // A pointer event in output-normalized coordinates.
  void pointer(PointerEvent::Type type, std::int64_t finger, Point output);
  void read_absolute_pointers_if_sdl_cannot();

  void on_gesture(const Gesture& g);

  void act(const Decision& d);

  int current_duration_ms() const;

  render::Surface compose_overlays();

  // A discreet corner mark for staff while the content has problems.
  bool staff_badge() const { return !diagnostics_.empty() && show_; }

  // Whether anything is drawn over the page (then overlay_frame_ is what shows).
  bool overlays_on() const {
    return interaction_.paused() || interaction_.index_open() || finger_at_ || staff_badge() || notice_;
  }

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
  VerifiedImages verified_images_;  // used by the watcher's loads: declared before it, destroyed after it
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
  Uint32 image_event_ = 0;
  bool prefetch_due_ = false;
  bool first_frame_logged_ = false;
  bool quit_ = false;

  // The box's duties (player_box.cpp).
  ServiceNotifier service_;
  bool service_ready_sent_ = false;
  std::unique_ptr<SignalThread> signals_;
  Uint32 signal_event_ = 0;
  // Absolute pointers read past SDL where its evdev code garbles them
  // (app/absolute_pointer.hpp); null elsewhere.
  std::unique_ptr<AbsolutePointerReader> absolute_pointers_;
  Uint32 absolute_pointer_event_ = 0;
  std::optional<slides::StaffNotice> notice_;
  steady::time_point notice_until_ = steady::time_point::max();
  bool night_ = false;
  steady::time_point night_change_at_ = steady::time_point::max();
  render::Surface black_;
};

}  // namespace annae::app
