#include "app/app.hpp"

#include <SDL.h>

#include <iostream>
#include <memory>

#include "app/display.hpp"
#include "app/fonts_config.hpp"
#include "core/log.hpp"
#include "render/scene_renderer.hpp"
#include "slides/status_scene.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"

namespace annae::app {
namespace {

class App {
 public:
  App(const RunCommand& cmd, std::unique_ptr<Display> display, std::unique_ptr<text::TextEngine> engine)
      : cmd_(cmd),
        display_(std::move(display)),
        engine_(std::move(engine)),
        glyphs_(engine_->fonts()),
        renderer_(display_->renderer(), glyphs_) {}

  int run() {
    while (!quit_) {
      wait_for_events();
      handle_input();
      update();
      draw_if_dirty();
    }
    return 0;
  }

 private:
  void wait_for_events() {
    // Nothing moves on a static screen: sleep until an event arrives (or a
    // minute passes, for the clock), so an idle screen costs ~0 CPU.
    if (SDL_WaitEventTimeout(&pending_, 60'000)) have_pending_ = true;
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
          break;
        case SDL_WINDOWEVENT:
          if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED) dirty_ = true;
          break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET: dirty_ = true; break;
        default: break;
      }
    }
  }

  void update() {
    const auto [w, h] = display_->output_size();
    if (w != scene_.width_px || h != scene_.height_px) {
      scene_ = slides::status_scene(*engine_, w, h, "annae", status_detail());
      dirty_ = true;
    }
  }

  std::string status_detail() const {
    const std::string dir = cmd_.show_dir.empty() ? std::string(ANNAE_CONTENT_DIR) : cmd_.show_dir;
    return "표시할 슬라이드가 없습니다.\n쇼 폴더: " + dir;
  }

  void draw_if_dirty() {
    if (!dirty_) return;
    renderer_.draw(scene_);
    SDL_RenderPresent(display_->renderer());
    dirty_ = false;
  }

  RunCommand cmd_;
  std::unique_ptr<Display> display_;
  std::unique_ptr<text::TextEngine> engine_;
  text::GlyphCache glyphs_;
  render::SceneRenderer renderer_;
  slides::Scene scene_;
  SDL_Event pending_{};
  bool have_pending_ = false;
  bool dirty_ = true;
  bool quit_ = false;
};

}  // namespace

int run_player(const RunCommand& cmd) {
  auto engine = std::make_unique<text::TextEngine>(font_options());
  if (!engine->has_fonts()) {
    std::cerr << "annae: no usable font. Install Noto Sans CJK (sudo apt install fonts-noto-cjk) "
                 "or put a .ttf/.otf file in the fonts/ folder.\n";
    return 2;
  }
  std::string error;
  auto display = Display::open({cmd.window_size}, error);
  if (!display) {
    std::cerr << "annae: " << error << '\n';
    return 2;
  }
  App app(cmd, std::move(display), std::move(engine));
  return app.run();
}

}  // namespace annae::app
