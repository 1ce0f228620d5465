// CPU work of the player's hot paths, made to be counted by callgrind on any
// architecture (tests/bench/cpu_cost.sh runs it for amd64 and, under
// qemu-aarch64, for arm64). Instruction counts do not depend on the machine's
// speed or load, so a small box's frame time can be estimated from them.
//
//   cpu_cost_bench crossfade N   N cross-fade frames at 1920x1080, the software
//                                presenter into a window surface (SDL's dummy driver)
//   cpu_cost_bench layout N      N layouts of the whole default show at 1920x1080, warm
//   cpu_cost_bench compose N     N lay-outs + compositions of one slide (strategies), warm
//
// Each phase runs in annae_cost_phase(), which callgrind collects alone
// (--toggle-collect=annae_cost_phase): set-up (fonts, the first layout, the
// window) is not counted. Prints the phase's wall time too (meaningless under
// an emulator or valgrind; useful natively).
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "content/show_loader.hpp"
#include "render/compositor.hpp"
#include "render/presenter.hpp"
#include "slides/show_view.hpp"
#include "text/glyph_cache.hpp"

namespace {

const annae::text::CivilTime kSeminarAfternoon{{2020, 9, 25}, 14 * 60 + 20};

}  // namespace

// Not inlined and not mangled, so that callgrind can name it.
extern "C" __attribute__((noinline)) void annae_cost_phase(const std::function<void()>* work, int times) {
  for (int i = 0; i < times; ++i) (*work)();
}

int main(int argc, char** argv) {
  const std::string phase = argc > 1 ? argv[1] : "";
  const int times = argc > 2 ? std::atoi(argv[2]) : 1;
  if ((phase != "crossfade" && phase != "layout" && phase != "compose") || times < 1) {
    std::fprintf(stderr, "usage: cpu_cost_bench crossfade|layout|compose N\n");
    return 2;
  }
  const auto loaded = annae::content::load_show(std::filesystem::path(ANNAE_SOURCE_DIR) / "content");
  if (!loaded.show) {
    std::fprintf(stderr, "cpu_cost_bench: the default show did not load\n");
    return 1;
  }
  const auto& show = *loaded.show;
  annae::text::TextEngine engine({});
  annae::text::GlyphCache glyphs(engine.fonts());
  annae::render::Compositor compositor(glyphs);
  const auto view = annae::slides::view_for(show, 1920, 1080);
  const auto page = [&](std::size_t i) {
    const auto pages = annae::slides::layout_show_slide(show, i, engine, view, kSeminarAfternoon);
    return compositor.compose(annae::slides::page_with_footer(show, i, pages, 0, engine, view, kSeminarAfternoon));
  };
  const auto layout_all = [&] {
    for (std::size_t i = 0; i < show.slides.size(); ++i) {
      (void)annae::slides::layout_show_slide(show, i, engine, view, kSeminarAfternoon);
    }
  };
  layout_all();  // the first layout fills the font and shaping caches: the player's steady state is warm

  std::function<void()> work;
  SDL_Window* window = nullptr;
  std::unique_ptr<annae::render::Presenter> presenter;
  const auto a = page(0), b = page(2);
  int frame = 0;
  if (phase == "crossfade") {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0 ||
        !(window = SDL_CreateWindow("cost", 0, 0, 1920, 1080, 0))) {
      std::fprintf(stderr, "cpu_cost_bench: no dummy window: %s\n", SDL_GetError());
      return 1;
    }
    presenter = annae::render::make_window_surface_presenter(window);
    presenter->show(*a);  // the window surface exists before the first counted frame
    work = [&] {
      // A fade's frames, at the eased steps a 0.6 s fade at 60 Hz shows (never 0 or 1).
      const float t = annae::render::ease_in_out(static_cast<float>(1 + frame++ % 35) / 36.0f);
      presenter->show_transition(*a, *b, annae::content::TransitionKind::fade, t, +1);
    };
  } else if (phase == "layout") {
    work = layout_all;
  } else {
    work = [&] { (void)page(2); };
  }
  const auto t0 = std::chrono::steady_clock::now();
  annae_cost_phase(&work, times);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %d times, %.2f ms each (wall clock)\n", phase.c_str(), times, ms / times);
  if (window) {
    presenter.reset();
    SDL_DestroyWindow(window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }
  return 0;
}
