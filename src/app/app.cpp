#include "app/app.hpp"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "app/clock.hpp"
#include "app/display.hpp"
#include "app/fonts_config.hpp"
#include "app/gestures.hpp"
#include "app/interaction.hpp"
#include "app/player.hpp"
#include "content/load.hpp"
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
                                        : render::make_window_surface_presenter(display_->window())),
        interaction_(30'000, !display_->windowed()) {}

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
    interaction_ = Interaction(show_->settings.touch_idle_timeout_ms, !display_->windowed());
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
    deadline = std::min(deadline, cursor_hide_at_);
    for (auto ms : {gestures_.deadline_ms(), interaction_.deadline_ms()}) {
      if (ms) deadline = std::min(deadline, steady::time_point(milliseconds(*ms)));
    }
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
          if (!e.key.repeat) {
            int digit = 0;
            act(interaction_.on_key_down(key_of(e.key.keysym, digit), digit, now_ms()));
          }
          break;
        case SDL_KEYUP: {
          int digit = 0;
          interaction_.on_key_up(key_of(e.key.keysym, digit));
          break;
        }
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
          pointer(e.type == SDL_FINGERDOWN ? PointerEvent::Type::down
                  : e.type == SDL_FINGERUP ? PointerEvent::Type::up
                                           : PointerEvent::Type::move,
                  static_cast<std::int64_t>(e.tfinger.fingerId) + 1, {e.tfinger.x, e.tfinger.y});
          break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEMOTION: {
          if (e.type == SDL_MOUSEMOTION ? e.motion.which == SDL_TOUCH_MOUSEID : e.button.which == SDL_TOUCH_MOUSEID) {
            break;  // SDL's mouse events made from touches: the touch itself was handled
          }
          show_cursor_for_a_while();
          if (e.type == SDL_MOUSEMOTION && !(e.motion.state & SDL_BUTTON_LMASK)) break;
          if (e.type != SDL_MOUSEMOTION && e.button.button != SDL_BUTTON_LEFT) break;
          int ww = 1, wh = 1;
          SDL_GetWindowSize(display_->window(), &ww, &wh);
          const int mx = e.type == SDL_MOUSEMOTION ? e.motion.x : e.button.x;
          const int my = e.type == SDL_MOUSEMOTION ? e.motion.y : e.button.y;
          pointer(e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Type::down
                  : e.type == SDL_MOUSEBUTTONUP ? PointerEvent::Type::up
                                                : PointerEvent::Type::move,
                  0, {static_cast<float>(mx) / static_cast<float>(ww), static_cast<float>(my) / static_cast<float>(wh)});
          break;
        }
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
    if (const auto g = gestures_.on_time(now_ms())) on_gesture(*g);
    act(interaction_.on_time(now_ms()));
    if (now >= cursor_hide_at_) {
      SDL_ShowCursor(SDL_DISABLE);
      cursor_hide_at_ = steady::time_point::max();
    }
    if (quit_ || position_changed_by_input_) {
      position_changed_by_input_ = false;
    } else if (!transition_ && !interaction_.paused() && now >= advance_at_) {
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
    const bool overlays = interaction_.paused() || interaction_.index_open() || finger_at_;
    if (overlays && overlay_stale_) overlay_frame_ = compose_overlays();
    presenter_->show(overlays && overlay_frame_ ? *overlay_frame_ : *shown_);
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
    overlay_stale_ = true;
    dirty_ = true;
  }

  // ---- visitors and operators ----
  static std::int64_t now_ms() {
    return std::chrono::duration_cast<milliseconds>(steady::now().time_since_epoch()).count();
  }

  static Key key_of(const SDL_Keysym& k, int& digit) {
    digit = 0;
    switch (k.sym) {
      case SDLK_LEFT: return Key::left;
      case SDLK_RIGHT: return Key::right;
      case SDLK_SPACE: return Key::space;
      case SDLK_HOME: return Key::home;
      case SDLK_END: return Key::end;
      case SDLK_i: return Key::index;
      case SDLK_f: return Key::fullscreen;
      case SDLK_ESCAPE: return Key::escape;
      case SDLK_q: return Key::q;
      case SDLK_LCTRL:
      case SDLK_RCTRL: return Key::ctrl;
      case SDLK_LALT:
      case SDLK_RALT: return Key::alt;
      default: break;
    }
    if (k.sym >= SDLK_1 && k.sym <= SDLK_9) {
      digit = static_cast<int>(k.sym - SDLK_0);
      return Key::digit;
    }
    return Key::other;
  }

  // A pointer event in output-normalized coordinates.
  void pointer(PointerEvent::Type type, std::int64_t finger, Point output) {
    const Point at = map_to_slide(output, applied_rotation_);
    const auto ms = now_ms();
    interaction_.touched(ms);
    const bool was_down = finger_at_.has_value();
    finger_at_ = type == PointerEvent::Type::up ? std::nullopt : std::optional<Point>(at);
    if (type != PointerEvent::Type::move || was_down != finger_at_.has_value()) {
      overlay_stale_ = true;  // feedback: the marker appears with the finger and goes with it
      dirty_ = true;
    }
    if (auto g = gestures_.on_event({type, finger, at, ms})) on_gesture(*g);
  }

  void on_gesture(const Gesture& g) {
    std::optional<std::size_t> cell;
    if (index_) cell = slides::index_cell_at(*index_, g.at.x, g.at.y);
    act(interaction_.on_gesture(g, now_ms(), cell));
  }

  void act(const Decision& d) {
    if (d.action == Action::none) return;
    overlay_stale_ = true;
    dirty_ = true;
    switch (d.action) {
      case Action::quit: quit_ = true; return;
      case Action::toggle_fullscreen: {
        const bool fullscreen = SDL_GetWindowFlags(display_->window()) & SDL_WINDOW_FULLSCREEN_DESKTOP;
        SDL_SetWindowFullscreen(display_->window(), fullscreen ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
        return;
      }
      case Action::toggle_pause:
        if (!interaction_.paused()) advance_at_ = steady::now() + milliseconds(current_duration_ms());
        return;
      case Action::open_index:
        if (show_) index_ = slides::index_overlay(*show_, position_ ? position_->slide : 0, *engine_, view_);
        return;
      case Action::close_index:
        index_.reset();
        if (!interaction_.paused()) advance_at_ = std::max(advance_at_, steady::now() + milliseconds(2000));
        return;
      case Action::next: go(+1); break;
      case Action::previous: go(-1); break;
      case Action::first:
      case Action::last:
      case Action::jump: {
        index_.reset();
        if (!show_) return;
        const std::size_t target = d.action == Action::first  ? 0
                                   : d.action == Action::last ? show_->slides.size() - 1
                                                              : std::min(d.slide, show_->slides.size() - 1);
        const int direction = position_ && target < position_->slide ? -1 : +1;
        present(Position{target, 0}, direction);
        break;
      }
      default: return;
    }
    position_changed_by_input_ = true;
  }

  int current_duration_ms() const {
    return show_ && position_ ? show_->slides[position_->slide].play_duration_ms() : 12'000;
  }

  render::Surface compose_overlays() {
    if (!shown_) return nullptr;
    slides::Scene overlay;
    overlay.width_px = width_;
    overlay.height_px = height_;
    const auto add = [&](const slides::Scene& s) { overlay.items.insert(overlay.items.end(), s.items.begin(), s.items.end()); };
    if (index_) add(index_->scene);
    if (interaction_.paused() && !index_) add(slides::paused_badge(*engine_, view_));
    if (finger_at_) add(slides::touch_marker(view_, finger_at_->x, finger_at_->y));
    overlay_stale_ = false;
    auto frame = compositor_.compose_over(*render::rotated(*shown_, (360 - applied_rotation_) % 360), overlay);
    return frame && applied_rotation_ ? render::rotated(*frame, applied_rotation_) : std::move(frame);
  }

  void show_cursor_for_a_while() {
    if (!display_->windowed()) {
      SDL_ShowCursor(SDL_ENABLE);  // an operator's mouse; visitors never see a cursor otherwise
      cursor_hide_at_ = steady::now() + milliseconds(3000);
    }
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

  // Visitors and operators.
  GestureRecognizer gestures_;
  Interaction interaction_;
  std::optional<Point> finger_at_;         // where a finger is down (touch feedback)
  std::optional<slides::IndexOverlay> index_;
  render::Surface overlay_frame_;          // shown_ with the overlays drawn over it
  bool overlay_stale_ = true;
  steady::time_point cursor_hide_at_ = steady::time_point::max();

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
