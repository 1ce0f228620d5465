#pragma once
// The show being played, as pure state: which show (the last good one),
// where the visitor is in it, when the slide moves on, and the rules for
// taking a reload. It lays pages out (slides/) and hands them over as Shots;
// it draws nothing, knows no window and reads no clock of its own, so every
// rule is a table test with a fake time.
//
// Times: `now` is the caller's steady clock; wall-clock time comes from the
// Clock handed in (a rehearsal clock under --at). Thread: one thread.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/playlist.hpp"
#include "content/show_loader.hpp"
#include "content/transition.hpp"
#include "content/watcher.hpp"
#include "core/diagnostic.hpp"
#include "slides/show_view.hpp"
#include "slides/slide_layout.hpp"

namespace annae::app {

using steady = std::chrono::steady_clock;

// How a page comes on screen. `duration_ms` 0 (or style none) is a cut.
struct Entrance {
  content::TransitionKind style = content::TransitionKind::none;
  int duration_ms = 0;
  int direction = 0;  // +1 forward, -1 back
  bool cut() const { return duration_ms <= 0 || style == content::TransitionKind::none; }
};

// A page laid out and ready to compose, footer included.
struct Shot {
  slides::Scene scene;
  Entrance entrance;
};

inline constexpr int refresh_fade_ms = 300;       // new content for the slide on screen
inline constexpr int status_screen_refresh_ms = 60'000;
inline constexpr int index_close_linger_ms = 2000;  // a visitor who closed the index gets a moment

class ShowSession {
 public:
  // `engine` and `clock` must outlive the session.
  ShowSession(std::string show_dir, text::TextEngine& engine, const Clock& clock);

  // --- content ---
  // The load at start-up: a partly broken show is better than none, so its
  // good slides play (with the staff badge). Lays nothing out: resize() does.
  void start(const content::LoadResult& loaded, std::string loaded_at);
  // A later load. Only a load without errors replaces the show; otherwise
  // the last good show stays (and the diagnostics say why). Keeps the
  // visitor's place by slide id. Returns the page to show when the screen
  // should change now: the slide on screen when its file (or show.toml)
  // changed, or a new start when that slide is gone.
  std::optional<Shot> offer(const content::LoadResult& loaded, const content::ChangeInfo& change,
                            std::string loaded_at, steady::time_point now);

  // --- the screen ---
  // The slide's own shape (the output turned back by the rotation). Lays
  // out the page on screen again and returns it, as a cut.
  Shot resize(int width_px, int height_px, steady::time_point now);
  // The page on screen again, without a transition (the clock moved on, a
  // picture finished decoding, morning came).
  Shot refresh(steady::time_point now);
  // Morning: the page on screen again, and the slide gets its full time
  // (its time ran out in the dark; it should not vanish as the screen wakes).
  Shot resume(steady::time_point now);

  // --- navigation ---
  // The next (+1) or previous (-1) page or slide. Nothing when the show has
  // a single page: it stays on screen as it is.
  std::optional<Shot> step(int direction, steady::time_point now);
  // Slide `slide` (0-based, clamped), entered from the side it lies on.
  std::optional<Shot> jump(std::size_t slide, steady::time_point now);
  std::optional<Shot> jump_to_last(steady::time_point now);

  // --- time ---
  // A held slide does not advance; released, it gets its full time again.
  void hold(bool held, steady::time_point now);
  // Auto-advance waits at least `ms` from now.
  void linger(int ms, steady::time_point now);
  // Time passing: the next page when the slide's time is up, the page again
  // when the minute changed, nothing otherwise. Afterwards deadline() > now.
  std::optional<Shot> on_time(steady::time_point now);
  // When on_time() next has something to do.
  steady::time_point deadline() const;
  // The page last handed over reached the screen at `shown_at`: its slide's
  // time counts from then, so a slow first frame (fonts, a picture decoding,
  // a software GPU) does not eat into it. Later frames change nothing.
  void shown(steady::time_point shown_at);

  // --- what it holds ---
  const content::Show* show() const { return show_.get(); }  // null: nothing playable
  std::optional<Position> position() const { return position_; }
  const slides::ShowView& view() const { return view_; }
  // The newest load's diagnostics, then the layout problems of every slide
  // laid out so far (text cut or set below its minimum), in play order.
  const Diagnostics& diagnostics() const { return diagnostics_; }
  bool using_last_good() const { return using_last_good_; }
  const std::string& loaded_at() const { return loaded_at_; }
  // The slide on screen, or empty.
  std::string on_screen_id() const;
  // Bumped whenever what status.json says changes (slide, diagnostics, show).
  int status_serial() const { return status_serial_; }
  // The pictures of the page that comes next, to decode before its turn.
  std::vector<slides::ImageItem> next_page_images();
  // The rotation show.toml asks for.
  int configured_rotation_deg() const;

 private:
  text::CivilTime local_now(const content::Slide& slide) const;
  Playlist::Visible visible_now() const;
  std::optional<Position> first_position() const;
  // Lays out slide `at.slide` (remembering its layout problems) and returns
  // page `at.page` — the slide's own first page when `entering`.
  Shot compose(Position at, bool entering, int direction, Entrance entrance, steady::time_point now);
  Shot status_screen(steady::time_point now);
  Shot present(std::optional<Position> at, int direction, steady::time_point now);
  Entrance entrance_for(int direction) const;
  void adopt(std::shared_ptr<const content::Show> show, const content::LoadResult& loaded, std::string loaded_at);
  void note_layout_issues(const std::string& slide_id, const std::vector<Diagnostic>& issues);
  void rebuild_diagnostics();
  void schedule_minute(steady::time_point now);

  std::string show_dir_;
  text::TextEngine& engine_;
  const Clock& clock_;

  std::shared_ptr<const content::Show> show_;
  Diagnostics load_diagnostics_;  // of the newest load
  std::map<std::string, std::vector<Diagnostic>> layout_issues_;  // by slide id, of the show playing
  Diagnostics diagnostics_;       // both of the above
  bool using_last_good_ = false;
  std::string loaded_at_;
  int status_serial_ = 0;

  int width_px_ = 1920, height_px_ = 1080;
  slides::ShowView view_;
  slides::SlidePages pages_;  // of the slide on screen
  std::optional<Position> position_;
  bool held_ = false;
  steady::time_point advance_at_ = steady::time_point::max();
  // When advance_at_ was set for a page not yet on screen (shown() moves it).
  std::optional<steady::time_point> timer_started_at_;
  steady::time_point next_minute_ = steady::time_point::max();
};

}  // namespace annae::app
