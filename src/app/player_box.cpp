// The box's duties: the night schedule, screenshots and import results on
// request (signals), and reporting to systemd.
#include <signal.h>

#include <ctime>

#include "app/import_report.hpp"
#include "app/player_app.hpp"
#include "app/screenshot_command.hpp"
#include "core/files.hpp"
#include "render/headless.hpp"

namespace annae::app {
namespace {

constexpr milliseconds notice_ok_shown{10'000};     // long enough to read from across the lobby
constexpr milliseconds notice_error_shown{90'000};  // long enough to photograph and fix

// Seconds since local midnight (the box's time zone) at `t`.
int local_second_of_day(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm local{};
  localtime_r(&tt, &local);
  return local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec;
}

std::string hh_mm(int minute_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60 % 24, minute_of_day % 60);
  return buf;
}

}  // namespace

void PlayerApp::listen_for_signals() {
  signal_event_ = SDL_RegisterEvents(1);
  signals_ = std::make_unique<SignalThread>([event = signal_event_](int signal) {
    SDL_Event e{};
    e.type = event;
    e.user.code = signal;
    SDL_PushEvent(&e);  // thread-safe: the loop handles it
  });
}

void PlayerApp::read_absolute_pointers_if_sdl_cannot() {
  const char* driver = SDL_GetCurrentVideoDriver();
  if (!driver || !sdl_mishandles_absolute_pointers(driver)) return;
  absolute_pointer_event_ = SDL_RegisterEvents(1);
  absolute_pointers_ = std::make_unique<AbsolutePointerReader>(absolute_pointer_event_);
}

void PlayerApp::on_signal(int signal) {
  if (signal == SIGUSR1) write_screenshot();
  if (signal == SIGUSR2) show_import_result();
}

const SDL_Surface* PlayerApp::frame_on_screen() const {
  if (night_ && black_) return black_.get();
  if (!transition_ && overlays_on() && overlay_frame_ && !overlay_stale_) return overlay_frame_.get();
  return shown_.get();
}

void PlayerApp::write_screenshot() {
  const SDL_Surface* frame = frame_on_screen();
  if (!frame) {
    log::warning("screenshot asked for before the first frame; ask again in a moment");
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(state_dir(), ec);
  const auto path = state_dir() / screenshot_file_name;
  const auto partial = state_dir() / ".screenshot.png.partial";
  std::string error = render::save_png(frame, partial);
  if (error.empty()) {
    std::filesystem::rename(partial, path, ec);
    if (ec) error = "cannot rename " + partial.string() + ": " + ec.message();
  }
  if (!error.empty()) {
    std::filesystem::remove(partial, ec);
    log::error("cannot write the screenshot: " + error);
    return;
  }
  log::info("screenshot written to " + path.string());
}

void PlayerApp::show_import_result() {
  const auto path = state_dir() / "last-import.txt";
  const auto read = files::read(path, 1024 * 1024);
  const auto report = read.bytes ? parse_import_report(*read.bytes) : std::nullopt;
  if (!report) {
    log::warning("asked to show the import result, but " + path.string() + " holds none");
    return;
  }
  log::info("USB import " + report->outcome + ": " + report->headline);
  notice_ = staff_notice_for(*report);
  notice_until_ = steady::now() + (notice_->ok ? notice_ok_shown : notice_error_shown);
  overlay_stale_ = true;
  dirty_ = true;
}

void PlayerApp::follow_night_schedule() {
  if (!cmd_.night) return;
  const int second = local_second_of_day(clock_.now());
  const bool night = cmd_.night->is_night(second / 60);
  const int to_change_s = cmd_.night->minutes_to_next_change(second / 60) * 60 - second % 60;
  night_change_at_ = steady::now() + std::chrono::seconds(std::max(to_change_s, 1));
  if (night == night_) return;
  night_ = night;
  if (night_) {
    log::info("night: the screen is dark until " + hh_mm(cmd_.night->on_min));
    service_.status("night: dark until " + hh_mm(cmd_.night->on_min));
    transition_.reset();
    previous_.reset();
    index_.reset();
    const auto [w, h] = display_->output_size();
    black_ = render::make_surface(w, h);
    SDL_FillRect(black_.get(), nullptr, SDL_MapRGBA(black_->format, 0, 0, 0, 255));
    dirty_ = true;
    write_status();
  } else {
    log::info("morning: the show resumes");
    display_->set_screen_power(true);
    service_.status("playing");
    black_.reset();
    refresh();
    write_status();
  }
}

void PlayerApp::report_to_service_manager() {
  if (first_frame_logged_ && !service_ready_sent_) {
    service_ready_sent_ = true;
    service_.ready(show_ ? "playing " + std::to_string(show_->slides.size()) + " slides from " + show_dir()
                         : "no playable show in " + show_dir());
  }
  // Reached only when the loop turns: a loop stuck in a driver stops the pings.
  service_.ping_if_due(steady::now());
}

steady::time_point PlayerApp::box_deadline() const {
  auto deadline = std::min(notice_until_, night_change_at_);
  if (auto ping = service_.next_ping()) deadline = std::min(deadline, *ping);
  return deadline;
}

}  // namespace annae::app
