// The player's loop and start-up.
#include "app/player_app.hpp"

#include <iostream>

#include "app/app.hpp"

namespace annae::app {

PlayerApp::PlayerApp(const RunCommand& cmd, std::unique_ptr<Display> display, std::unique_ptr<text::TextEngine> engine)
    : cmd_(cmd),
      display_(std::move(display)),
      engine_(std::move(engine)),
      glyphs_(engine_->fonts()),
      compositor_(glyphs_, render::Decoding::in_background),
      presenter_(display_->renderer() ? render::make_renderer_presenter(display_->renderer())
                                      : render::make_window_surface_presenter(display_->window())),
      interaction_(30'000, !display_->windowed()) {}

int PlayerApp::run() {
  listen_for_signals();
  read_absolute_pointers_if_sdl_cannot();
  decode_images_in_background();
  load_content();
  log::debug("start-up: content loaded");
  watch_content();
  while (!quit_) {
    wait_for_events();
    poll_content();
    handle_input();
    update();
    draw_if_dirty();
    report_to_service_manager();
  }
  service_.stopping();
  watcher_.reset();  // no callback may arrive while the App goes away
  signals_.reset();
  absolute_pointers_.reset();
  return 0;
}

void PlayerApp::wait_for_events() {
  // Sleep until an event, the next transition frame, the next slide, or the
  // next minute (the footer clock): a static slide costs ~0 CPU.
  const auto now = steady::now();
  auto deadline = now + milliseconds(60'000);
  if (transition_) deadline = std::min(deadline, last_frame_ + frame_interval);
  // Only deadlines update() acts on in the current state: one it skips would
  // stay in the past and turn this wait into a busy loop.
  const bool playing = show_ && !night_;
  // A held slide does not advance (update() skips advance_at_ then): its
  // deadline is the interaction's idle return, below. (box_bench measured a
  // held slide spinning a core under KMSDRM before.)
  if (playing && position_ && !interaction_.paused()) deadline = std::min(deadline, advance_at_);
  if (!night_) deadline = std::min(deadline, next_minute_);
  deadline = std::min(deadline, cursor_hide_at_);
  deadline = std::min(deadline, box_deadline());
  if (playing) {
    for (auto ms : {gestures_.deadline_ms(), interaction_.deadline_ms()}) {
      if (ms) deadline = std::min(deadline, steady::time_point(milliseconds(*ms)));
    }
  }
  const auto wait_ms = std::chrono::duration_cast<milliseconds>(deadline - now).count();
  if (wait_ms <= 0) return;
  if (SDL_WaitEventTimeout(&pending_, static_cast<int>(std::min<long long>(wait_ms, 60'000)))) have_pending_ = true;
}

void PlayerApp::update() {
  follow_night_schedule();
  const auto now = steady::now();
  if (now >= cursor_hide_at_) {
    SDL_ShowCursor(SDL_DISABLE);
    cursor_hide_at_ = steady::time_point::max();
  }
  const auto [out_w, out_h] = display_->output_size();
  const int rotation = rotation_deg();
  const bool sideways = rotation == 90 || rotation == 270;
  const int w = sideways ? out_h : out_w, h = sideways ? out_w : out_h;  // the slide's own shape
  if (w != width_ || h != height_ || rotation != applied_rotation_) {
    width_ = w;
    height_ = h;
    applied_rotation_ = rotation;
    presenter_->set_rotation(rotation);
    refresh();
    return;
  }
  if (night_) return;
  if (now >= notice_until_) {
    notice_.reset();
    notice_until_ = steady::time_point::max();
    overlay_stale_ = true;
    dirty_ = true;
  }
  if (!show_) {
    if (now >= next_minute_) refresh();  // the status screen's clock
    return;
  }
  if (transition_ && now - transition_->start >= milliseconds(transition_->duration_ms)) {
    transition_.reset();
    previous_.reset();
    dirty_ = true;
  }
  if (const auto g = gestures_.on_time(now_ms())) on_gesture(*g);
  act(interaction_.on_time(now_ms()));
  if (quit_ || position_changed_by_input_) {
    position_changed_by_input_ = false;
  } else if (!transition_ && !interaction_.paused() && now >= advance_at_) {
    go(+1);
  } else if (now >= next_minute_) {
    // The clock moved on: redraw the footer and any live agenda in place.
    refresh();
  }
}

int run_player(const RunCommand& cmd) {
  // Before any thread exists (SDL's, the watcher's), so all of them inherit the mask.
  block_player_signals();
  const auto started = steady::now();
  const auto since_start = [&] {
    return std::to_string(std::chrono::duration_cast<milliseconds>(steady::now() - started).count()) + " ms";
  };
  auto engine = std::make_unique<text::TextEngine>(font_options());
  if (!engine->has_fonts()) {
    std::cerr << "annae: no usable font. Install Noto Sans CJK (sudo apt install fonts-noto-cjk) "
                 "or put a .ttf/.otf file in the fonts/ folder.\n";
    return 2;
  }
  log::debug("start-up: fonts found after " + since_start());
  std::string error;
  const std::string choice = cmd.renderer.value_or("auto");
  const RendererChoice renderer = choice == "software"    ? RendererChoice::software
                                  : choice == "opengl"    ? RendererChoice::opengl
                                  : choice == "opengles2" ? RendererChoice::opengles2
                                                          : RendererChoice::automatic;
  auto display = Display::open({cmd.window_size, renderer, cmd.video_driver, cmd.display_index}, error);
  if (!display) {
    std::cerr << "annae: " << error << '\n';
    return 2;
  }
  log::debug("start-up: window open after " + since_start());
  PlayerApp app(cmd, std::move(display), std::move(engine));
  return app.run();
}

}  // namespace annae::app
