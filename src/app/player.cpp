// The player's parts, its loop and start-up.
#include "app/player.hpp"

#include <unistd.h>

#include <iostream>

#include "app/app.hpp"
#include "app/fonts_config.hpp"
#include "box/status_file.hpp"
#include "core/log.hpp"
#include "text/unicode/civil_time.hpp"

namespace annae::app {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds longest_sleep{60'000};

}  // namespace

Player::Player(const PlayerSettings& settings, std::unique_ptr<Display> display, std::unique_ptr<text::TextEngine> engine)
    : settings_(settings),
      display_(std::move(display)),
      engine_(std::move(engine)),
      glyphs_(engine_->fonts()),
      compositor_(glyphs_, render::Decoding::in_background),
      presenter_(display_->renderer() ? render::make_renderer_presenter(display_->renderer())
                                      : render::make_window_surface_presenter(display_->window())),
      feed_(settings_.show_dir.string(), settings_.status_file),
      session_(settings_.show_dir.string(), *engine_, clock_),
      stage_(compositor_, *presenter_),
      visitors_(30'000, !display_->windowed()),
      duties_(settings_.night, settings_.state_dir) {}

Player::~Player() = default;

int Player::run() {
  start();
  while (!quit_) {
    wait_for_next_deadline();
    take_new_content();
    handle_events();
    follow_time();
    draw();
    report();
  }
  duties_.service_stopping();
  return 0;
}

void Player::start() {
  duties_.listen_for_signals();
  const char* driver = SDL_GetCurrentVideoDriver();
  if (driver && sdl_mishandles_absolute_pointers(driver)) {
    absolute_pointer_event_ = SDL_RegisterEvents(1);
    absolute_pointers_ = std::make_unique<AbsolutePointerReader>(absolute_pointer_event_);
  }
  // Pictures decode on the compositor's worker thread; each finished decode wakes the loop.
  image_event_ = SDL_RegisterEvents(1);
  compositor_.images().on_decoded([event = image_event_] {
    SDL_Event wake{};
    wake.type = event;
    SDL_PushEvent(&wake);  // thread-safe: wakes the loop's wait
  });
  const auto loaded = feed_.load_now();
  for (const auto& d : loaded.diagnostics.items()) {
    log::once(d.severity == Severity::error ? log::Level::error : log::Level::warning, format_for_log(d));
  }
  if (loaded.show) {
    log::info("playing " + settings_.show_dir.string() + ": " + std::to_string(loaded.show->slides.size()) + " slides");
    visitors_.restart(loaded.show->settings.touch_idle_timeout_ms, !display_->windowed());
    if (settings_.at) {
      clock_ = Clock(text::instant_in_zone(*settings_.at, loaded.show->settings.event.time_zone));
    }
  }
  session_.start(loaded, box::iso_now());
  log::debug("start-up: content loaded");
  const auto configured = loaded.show ? loaded.show->settings.watch : content::Watch{};
  feed_.watch(settings_.watch.value_or(configured.mode), configured.poll_interval_ms);
}

void Player::wait_for_next_deadline() {
  // Every part says when it next has work, and acts on it when that time
  // comes (so no deadline stays in the past): a still screen sleeps.
  const auto now = steady::now();
  auto deadline = std::min({now + longest_sleep, stage_.deadline(), duties_.deadline(), cursor_hide_at_});
  if (!duties_.night()) {
    deadline = std::min(deadline, session_.deadline());
    if (const auto ms = visitors_.deadline_ms()) deadline = std::min(deadline, steady::time_point(milliseconds(*ms)));
  }
  const auto wait_ms = std::chrono::duration_cast<milliseconds>(deadline - now).count();
  if (wait_ms <= 0) return;
  if (SDL_WaitEventTimeout(&pending_, static_cast<int>(std::min<long long>(wait_ms, longest_sleep.count())))) {
    have_pending_ = true;
  }
}

void Player::take_new_content() {
  auto arrival = feed_.take();
  if (!arrival) return;
  const auto& result = arrival->result;
  for (const auto& d : result.diagnostics.items()) {
    log::once(d.severity == Severity::error ? log::Level::error : log::Level::warning, format_for_log(d));
  }
  const auto* before = session_.show();
  const auto now = steady::now();
  auto shot = session_.offer(result, arrival->change, box::iso_now(), now);
  if (session_.show() != before) {
    const auto took_ms = std::chrono::duration_cast<milliseconds>(now - arrival->change.first_change).count();
    log::info("new content on screen " + std::to_string(took_ms) + " ms after the first change (" +
              std::to_string(session_.show()->slides.size()) + " slides)");
    compositor_.images().forget_failures();  // a picture staff fixed is tried again
    visitors_.restart(session_.show()->settings.touch_idle_timeout_ms, !display_->windowed());
    prefetch_due_ = true;  // the next slide may have new pictures
  }
  if (!duties_.night()) put_up(shot);
  overlay_stale_ = true;  // the staff badge follows the diagnostics
}

void Player::handle_events() {
  SDL_Event e;
  while (have_pending_ || SDL_PollEvent(&e)) {
    if (have_pending_) {
      e = pending_;
      have_pending_ = false;
    }
    handle(e);
  }
}

void Player::follow_time() {
  const auto now = steady::now();
  follow_night(clock_.now());
  if (now >= cursor_hide_at_) {
    SDL_ShowCursor(SDL_DISABLE);
    cursor_hide_at_ = steady::time_point::max();
  }
  fit_to_output();
  if (duties_.night()) return;
  if (duties_.on_time(now)) overlay_stale_ = true;
  act(visitors_.on_time(now_ms()));
  put_up(session_.on_time(now));
}

void Player::draw() {
  if (overlay_stale_) {
    stage_.set_overlay(overlay_scene());
    overlay_stale_ = false;
  }
  if (!stage_.draw(steady::now())) return;
  session_.shown(steady::now());  // after the frame: a slow one does not shorten the slide
  if (!first_frame_shown_) {
    first_frame_shown_ = true;
    log::info("first frame on screen");  // benchmarks time launch to this line
    display_->settle();
  }
  if (stage_.dark() && !screen_off_) {
    screen_off_ = true;
    if (display_->set_screen_power(false) > 0) log::info("night: the screen is switched off (DPMS)");
  }
  if (prefetch_due_ && !stage_.transition_running()) {  // after the frame: the layout does not delay it
    prefetch_due_ = false;
    for (const auto& image : session_.next_page_images()) compositor_.images().prefetch(image);
  }
}

void Player::report() {
  if (session_.status_serial() != status_serial_written_ || duties_.night() != night_written_) write_status();
  const auto* show = session_.show();
  duties_.report_to_service_manager(
      first_frame_shown_, show ? "playing " + std::to_string(show->slides.size()) + " slides from " + settings_.show_dir.string()
                               : "no playable show in " + settings_.show_dir.string());
}

void Player::write_status() {
  status_serial_written_ = session_.status_serial();
  night_written_ = duties_.night();
  box::Status s;
  s.pid = static_cast<int>(getpid());
  s.show_dir = settings_.show_dir.string();
  s.loaded_at = session_.loaded_at();
  s.on_screen = session_.on_screen_id();
  s.using_last_good = session_.using_last_good();
  s.night = duties_.night();
  s.diagnostics = session_.diagnostics().items();
  if (const auto error = box::write_status(settings_.status_file, s); !error.empty()) log::once(log::Level::warning, error);
}

std::int64_t Player::now_ms() {
  return std::chrono::duration_cast<milliseconds>(steady::now().time_since_epoch()).count();
}

int run_player(const PlayerSettings& settings) {
  // Before any thread exists (SDL's, the watcher's), so all of them inherit the mask.
  box::block_player_signals();
  const auto started = steady::now();
  const auto since_start = [&] {
    return std::to_string(std::chrono::duration_cast<milliseconds>(steady::now() - started).count()) + " ms";
  };
  auto engine = std::make_unique<text::TextEngine>(font_options());
  if (!engine->has_fonts()) {
    std::cerr << "annae: " << no_usable_font_message();
    return 2;
  }
  log::debug("start-up: fonts found after " + since_start());
  std::string error;
  auto display =
      Display::open({settings.window_size, settings.renderer, settings.video_driver, settings.display_index}, error);
  if (!display) {
    std::cerr << "annae: " << error << '\n';
    return 2;
  }
  log::debug("start-up: window open after " + since_start());
  Player player(settings, std::move(display), std::move(engine));
  return player.run();
}

}  // namespace annae::app
