#include "app/app.hpp"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "app/clock.hpp"
#include "app/display.hpp"
#include "app/fonts_config.hpp"
#include "app/player.hpp"
#include "content/load.hpp"
#include "core/log.hpp"
#include "render/compositor.hpp"
#include "render/presenter.hpp"
#include "render/rotate.hpp"
#include "slides/show_view.hpp"
#include "slides/status_scene.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"
#include "text/local_time.hpp"

namespace annae::app {
namespace {

using steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds frame_interval{16};  // transition frames, ~60 per second

class App {
 public:
  App(const RunCommand& cmd, std::unique_ptr<Display> display, std::unique_ptr<text::TextEngine> engine)
      : cmd_(cmd),
        display_(std::move(display)),
        engine_(std::move(engine)),
        glyphs_(engine_->fonts()),
        compositor_(glyphs_),
        presenter_(display_->renderer() ? render::make_renderer_presenter(display_->renderer())
                                        : render::make_window_surface_presenter(display_->window())) {}

  int run() {
    load_content();
    log::debug("start-up: content loaded");
    while (!quit_) {
      wait_for_events();
      handle_input();
      update();
      draw_if_dirty();
    }
    return 0;
  }

 private:
  // ---- content ----
  void load_content() {
    const std::string dir = cmd_.show_dir.empty() ? std::string(ANNAE_CONTENT_DIR) : cmd_.show_dir;
    auto loaded = content::load_show(dir);
    for (const auto& d : loaded.diagnostics.items()) {
      log::once(d.severity == Severity::error ? log::Level::error : log::Level::warning, format(d));
    }
    show_ = loaded.show;
    if (!show_) {
      status_ = "표시할 슬라이드가 없습니다.\n쇼 폴더: " + dir + "\n확인: annae check " + dir;
      return;
    }
    log::info("playing " + dir + ": " + std::to_string(show_->slides.size()) + " slides");
    if (cmd_.at) {
      const text::LocalTime at{cmd_.at->year, cmd_.at->month, cmd_.at->day, cmd_.at->minutes, 0};
      clock_ = Clock(text::from_local(at, show_->settings.event.time_zone));
    }
  }

  content::LocalDateTime local_now(const content::Slide& slide) const {
    return local_date_time(clock_.now(), slide.event.time_zone);
  }

  Playlist::Visible visible_now() const {
    return [this](const content::Slide& s) { return slides::is_visible(s, local_now(s)); };
  }

  // ---- steps of the loop ----
  void wait_for_events() {
    // Sleep until an event, the next transition frame, the next slide, or the
    // next minute (the footer clock): a static slide costs ~0 CPU.
    const auto now = steady::now();
    auto deadline = now + milliseconds(60'000);
    if (transition_) deadline = std::min(deadline, last_frame_ + frame_interval);
    if (show_ && position_) deadline = std::min(deadline, advance_at_);
    deadline = std::min(deadline, next_minute_);
    const auto wait_ms = std::chrono::duration_cast<milliseconds>(deadline - now).count();
    if (wait_ms <= 0) return;
    if (SDL_WaitEventTimeout(&pending_, static_cast<int>(std::min<long long>(wait_ms, 60'000)))) have_pending_ = true;
  }

  void handle_input() {
    SDL_Event e;
    while (have_pending_ || SDL_PollEvent(&e)) {
      if (have_pending_) {
        e = pending_;
        have_pending_ = false;
      }
      switch (e.type) {
        case SDL_QUIT: quit_ = true; break;
        case SDL_KEYDOWN:
          if (display_->windowed() && e.key.keysym.sym == SDLK_ESCAPE) quit_ = true;
          if (e.key.keysym.sym == SDLK_RIGHT) requested_step_ = +1;
          if (e.key.keysym.sym == SDLK_LEFT) requested_step_ = -1;
          break;
        case SDL_WINDOWEVENT:
          if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED) dirty_ = true;
          break;
        default: break;
      }
    }
  }

  void update() {
    const auto now = steady::now();
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
    if (!show_) return;
    if (transition_ && now - transition_->start >= milliseconds(transition_->duration_ms)) {
      transition_.reset();
      previous_.reset();
      dirty_ = true;
    }
    if (requested_step_ != 0) {
      const int step = requested_step_;
      requested_step_ = 0;
      go(step);
    } else if (!transition_ && now >= advance_at_) {
      go(+1);
    } else if (now >= next_minute_) {
      // The clock moved on: redraw the footer and any live agenda in place.
      refresh();
    }
  }

  void draw_if_dirty() {
    if (transition_) {
      const float t = std::chrono::duration<float, std::milli>(steady::now() - transition_->start).count() /
                      static_cast<float>(transition_->duration_ms);
      if (previous_ && shown_) {
        presenter_->show_transition(*previous_, *shown_, transition_->style, render::ease_in_out(t),
                                   transition_->direction);
      }
      last_frame_ = steady::now();
      return;
    }
    if (!dirty_ || !shown_) return;
    presenter_->show(*shown_);
    dirty_ = false;
    if (!first_frame_logged_) {
      first_frame_logged_ = true;
      log::info("first frame on screen");  // benchmarks time launch to this line
      display_->settle();
    }
  }

  // ---- navigation ----
  // The next (+1) or previous (-1) page or slide, with a transition.
  void go(int direction) {
    if (!show_) return;
    const auto visible = visible_now();
    std::optional<Position> next;
    if (position_) {
      next = Playlist::step(*show_, *position_, pages_.pages.size(), direction, visible);
    } else if (auto first = Playlist::first_visible(*show_, visible)) {
      next = Position{*first, 0};
    }
    present(next, direction);
  }

  // Redraws what is shown (new size, the clock moved on), without a transition.
  void refresh() {
    std::optional<Position> at = position_;
    if (show_ && !at) {
      if (auto first = Playlist::first_visible(*show_, visible_now())) at = Position{*first, 0};
    }
    present(at, 0);
  }

  // Lays out and composes `at` — or, when empty, the status screen — and
  // starts a transition from what was shown when `direction` is not 0.
  void present(std::optional<Position> at, int direction) {
    slides::Scene scene;
    if (show_ && at) {
      const auto& slide = show_->slides[at->slide];
      const auto now = local_now(slide);
      view_ = slides::view_for(*show_, width_, height_);
      const bool new_slide = !position_ || position_->slide != at->slide;
      pages_ = slides::layout_show_slide(*show_, at->slide, *engine_, view_, now);
      for (const auto& d : pages_.issues) log::once(log::Level::warning, format(d));
      if (new_slide) at->page = direction < 0 ? pages_.pages.size() - 1 : pages_.initial_page;
      at->page = std::min(at->page, pages_.pages.size() - 1);
      scene = slides::page_with_footer(*show_, at->slide, pages_, at->page, *engine_, view_, now);
      if (direction != 0 || !position_) advance_at_ = steady::now() + milliseconds(slide.play_duration_ms());
    } else {
      const std::string text = show_ ? "지금 표시할 슬라이드가 없습니다.\n표시 기간(from/until)을 확인하세요." : status_;
      scene = slides::status_scene(*engine_, width_, height_, "annae", text);
      advance_at_ = steady::now() + milliseconds(60'000);
    }
    schedule_minute();
    position_ = at;
    auto composed = compositor_.compose(scene);
    if (composed && applied_rotation_ != 0) composed = render::rotated(*composed, applied_rotation_);
    const auto transition = show_ ? show_->settings.transition : content::Transition{};
    if (direction != 0 && shown_ && composed && transition.kind != content::TransitionKind::none &&
        transition.duration_ms > 0) {
      previous_ = std::move(shown_);
      transition_ = Transition{steady::now(), transition.duration_ms,
                               transition.kind == content::TransitionKind::push ? render::TransitionStyle::push
                                                                                : render::TransitionStyle::fade,
                               direction};
      last_frame_ = steady::now() - frame_interval;
    }
    shown_ = std::move(composed);
    dirty_ = true;
  }

  int rotation_deg() const {
    if (cmd_.rotate_deg) return *cmd_.rotate_deg;
    return show_ ? show_->settings.screen.rotation_deg : 0;
  }

  void schedule_minute() {
    const auto wall = clock_.now();
    const auto since = std::chrono::duration_cast<milliseconds>(wall.time_since_epoch()).count() % 60'000;
    next_minute_ = steady::now() + milliseconds(60'000 - since + 5);
  }

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

  std::shared_ptr<const content::Show> show_;
  std::string status_;
  slides::ShowView view_;
  slides::SlidePages pages_;
  std::optional<Position> position_;
  render::Surface shown_, previous_;
  std::optional<Transition> transition_;
  int width_ = 0, height_ = 0;  // the slide's shape: the output turned back by the rotation
  int applied_rotation_ = 0;
  int requested_step_ = 0;
  steady::time_point advance_at_ = steady::time_point::max();
  steady::time_point next_minute_ = steady::time_point::max();
  steady::time_point last_frame_;
  SDL_Event pending_{};
  bool have_pending_ = false;
  bool dirty_ = true;
  bool first_frame_logged_ = false;
  bool quit_ = false;
};

}  // namespace

int run_player(const RunCommand& cmd) {
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
  const RendererChoice renderer = cmd.renderer == "software"    ? RendererChoice::software
                                  : cmd.renderer == "opengl"    ? RendererChoice::opengl
                                  : cmd.renderer == "opengles2" ? RendererChoice::opengles2
                                                                : RendererChoice::automatic;
  auto display = Display::open({cmd.window_size, renderer}, error);
  if (!display) {
    std::cerr << "annae: " << error << '\n';
    return 2;
  }
  log::debug("start-up: window open after " + since_start());
  App app(cmd, std::move(display), std::move(engine));
  return app.run();
}

}  // namespace annae::app
