#pragma once
// Puts composed pages on the screen: a static page, or one frame of a
// transition between two pages. Pages arrive already turned for the output
// (render::rotated); a push moves along the axis the slide's horizontal
// maps to.
//
// Two ways to present, chosen at start-up (app/display):
//  - WindowSurfacePresenter: software. Writes straight into the window's
//    surface, each pixel once per frame (a cross-fade is one CPU pass).
//  - RendererPresenter: a GPU SDL_Renderer. Each page is uploaded once as a
//    texture; the GPU blends and moves them.
//
// Thread: the thread that owns the window. Does not own the window/renderer.
#include <SDL.h>

#include <memory>

#include "content/transition.hpp"
#include "render/compositor.hpp"

namespace annae::render {

class Presenter {
 public:
  virtual ~Presenter() = default;
  void set_rotation(int degrees) { rotation_ = degrees; }

  // Shows `page` as it is.
  virtual void show(const SDL_Surface& page) = 0;
  // One transition frame at progress `t` in [0, 1] (already eased);
  // `direction` > 0 for forward navigation, < 0 for backward.
  virtual void show_transition(const SDL_Surface& from, const SDL_Surface& to, content::TransitionKind style, float t,
                               int direction) = 0;

 protected:
  int rotation_ = 0;
};

std::unique_ptr<Presenter> make_window_surface_presenter(SDL_Window* window);
std::unique_ptr<Presenter> make_renderer_presenter(SDL_Renderer* renderer);

// Smooth start and stop: cubic ease-in-out of t in [0, 1].
float ease_in_out(float t);

}  // namespace annae::render
