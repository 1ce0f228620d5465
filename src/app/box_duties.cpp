#include "app/box_duties.hpp"

#include <signal.h>

#include <cstdio>

#include "box/import_report.hpp"
#include "app/screenshot_command.hpp"
#include "core/files.hpp"
#include "core/log.hpp"
#include "render/headless.hpp"
#include "text/unicode/civil_time.hpp"

namespace annae::app {
namespace {

std::string hh_mm(int minute_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60 % 24, minute_of_day % 60);
  return buf;
}

}  // namespace

slides::StaffNotice staff_notice_for(const box::ImportReport& report) {
  return {report.outcome == "imported", report.headline, report.details};
}

BoxDuties::BoxDuties(std::optional<box::NightSchedule> night, std::filesystem::path state_dir)
    : night_schedule_(night), state_dir_(std::move(state_dir)) {}

BoxDuties::~BoxDuties() = default;

void BoxDuties::listen_for_signals() {
  signal_event_ = SDL_RegisterEvents(1);
  signals_ = std::make_unique<box::SignalThread>([event = signal_event_](int signal) {
    SDL_Event e{};
    e.type = event;
    e.user.code = signal;
    SDL_PushEvent(&e);  // thread-safe: the loop handles it
  });
}

BoxDuties::Request BoxDuties::request_in(const SDL_Event& e) const {
  if (signal_event_ == 0 || e.type != signal_event_) return Request::none;
  if (e.user.code == SIGUSR1) return Request::screenshot;
  if (e.user.code == SIGUSR2) return Request::import_notice;
  return Request::none;
}

void BoxDuties::write_screenshot(const SDL_Surface* frame) const {
  if (!frame) {
    log::warning("screenshot asked for before the first frame; ask again in a moment");
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(state_dir_, ec);
  const auto path = state_dir_ / screenshot_file_name;
  const auto partial = state_dir_ / ".screenshot.png.partial";
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

bool BoxDuties::show_import_result(steady::time_point now) {
  const auto path = state_dir_ / "last-import.txt";
  const auto read = files::read(path, 1024 * 1024);
  const auto report = read.bytes ? box::parse_import_report(*read.bytes) : std::nullopt;
  if (!report) {
    log::warning("asked to show the import result, but " + path.string() + " holds none");
    return false;
  }
  log::info("USB import " + report->outcome + ": " + report->headline);
  notice_ = staff_notice_for(*report);
  notice_until_ = now + (notice_->ok ? notice_ok_shown : notice_error_shown);
  return true;
}

std::optional<bool> BoxDuties::follow_night_schedule(std::chrono::system_clock::time_point wall_now,
                                                     steady::time_point now) {
  if (!night_schedule_) return std::nullopt;
  const int second = text::second_of_day_in_zone(wall_now, "");  // the box's own zone
  const bool night = night_schedule_->is_night(second / 60);
  const int to_change_s = night_schedule_->minutes_to_next_change(second / 60) * 60 - second % 60;
  night_change_at_ = now + std::chrono::seconds(std::max(to_change_s, 1));
  if (night == night_) return std::nullopt;
  night_ = night;
  if (night_) {
    log::info("night: the screen is dark until " + hh_mm(night_schedule_->on_min));
    service_.status("night: dark until " + hh_mm(night_schedule_->on_min));
  } else {
    log::info("morning: the show resumes");
    service_.status("playing");
  }
  return night_;
}

bool BoxDuties::on_time(steady::time_point now) {
  if (now < notice_until_) return false;
  notice_.reset();
  notice_until_ = steady::time_point::max();
  return true;
}

void BoxDuties::report_to_service_manager(bool first_frame_shown, const std::string& summary) {
  if (first_frame_shown && !ready_sent_) {
    ready_sent_ = true;
    service_.ready(summary);
  }
  service_.ping_if_due(steady::now());
}

BoxDuties::steady::time_point BoxDuties::deadline() const {
  auto deadline = std::min(notice_until_, night_change_at_);
  if (auto ping = service_.next_ping()) deadline = std::min(deadline, *ping);
  return deadline;
}

}  // namespace annae::app
