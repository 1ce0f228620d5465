#pragma once
// The box's duties beside playing: the night schedule, a screenshot or the
// last import's result when another process asks (SIGUSR1, SIGUSR2), and
// reporting to systemd. It knows neither the show nor the pages: it is told
// the frame on screen when it must write one, and says when night starts
// and ends and which staff notice is up; the player carries that out.
//
// Thread: the main thread. The signal thread only pushes an SDL event.
#include <SDL.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "box/service_notify.hpp"
#include "box/import_report.hpp"
#include "box/signal_thread.hpp"
#include "box/box_config.hpp"
#include "slides/overlays.hpp"

namespace annae::app {

inline constexpr std::chrono::milliseconds notice_ok_shown{10'000};     // long enough to read from across the lobby
inline constexpr std::chrono::milliseconds notice_error_shown{90'000};  // long enough to photograph and fix

// What the screen shows staff for an import's report (STATE/last-import.txt).
slides::StaffNotice staff_notice_for(const box::ImportReport& report);

class BoxDuties {
 public:
  using steady = std::chrono::steady_clock;

  // `night`: the [night] schedule, if any; `state_dir` gets screenshot.png
  // and holds last-import.txt.
  BoxDuties(std::optional<box::NightSchedule> night, std::filesystem::path state_dir);
  ~BoxDuties();

  // Starts receiving SIGUSR1/SIGUSR2 as SDL events (SDL must be initialised).
  void listen_for_signals();
  // What an SDL event from the signal thread asks for; false for other events.
  enum class Request { none, screenshot, import_notice };
  Request request_in(const SDL_Event& e) const;

  // Writes STATE/screenshot.png atomically: `frame` (may be null: not yet).
  void write_screenshot(const SDL_Surface* frame) const;
  // Reads STATE/last-import.txt and puts its notice up for a while. False when it holds none.
  bool show_import_result(steady::time_point now);
  const std::optional<slides::StaffNotice>& notice() const { return notice_; }

  // Night from the wall clock `wall_now` (the box's own time zone). Returns
  // the new state when night started or ended; the next boundary becomes
  // part of deadline().
  std::optional<bool> follow_night_schedule(std::chrono::system_clock::time_point wall_now, steady::time_point now);
  bool night() const { return night_; }

  // Time passing: true when the notice was taken down.
  bool on_time(steady::time_point now);
  // READY=1 once `first_frame_shown` (with `summary`), then watchdog pings.
  // Call once per loop turn: a loop stuck in a driver stops the pings.
  void report_to_service_manager(bool first_frame_shown, const std::string& summary);
  void service_stopping() { service_.stopping(); }
  // The earliest moment a duty needs the loop awake.
  steady::time_point deadline() const;

 private:
  std::optional<box::NightSchedule> night_schedule_;
  std::filesystem::path state_dir_;
  box::ServiceNotifier service_;
  bool ready_sent_ = false;
  std::unique_ptr<box::SignalThread> signals_;
  Uint32 signal_event_ = 0;
  std::optional<slides::StaffNotice> notice_;
  steady::time_point notice_until_ = steady::time_point::max();
  bool night_ = false;
  steady::time_point night_change_at_ = steady::time_point::max();
};

}  // namespace annae::app
