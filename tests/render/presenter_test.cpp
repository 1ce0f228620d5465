// The GPU presenter (RendererPresenter) on SDL's software renderer: what a
// transition frame shows, read back from the target surface.
#include <doctest/doctest.h>

#include <SDL.h>

#include <memory>

#include "render/compositor.hpp"
#include "render/presenter.hpp"

namespace {

using annae::render::make_renderer_presenter;
using annae::render::make_surface;
using annae::content::TransitionKind;

struct Target {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 36, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  ~Target() {
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
  Uint32 centre() const {
    SDL_Color c{};
    const auto* row = static_cast<const Uint8*>(surface->pixels) + surface->pitch * (surface->h / 2);
    SDL_GetRGB(reinterpret_cast<const Uint32*>(row)[surface->w / 2], surface->format, &c.r, &c.g, &c.b);
    return (Uint32{c.r} << 16) | (Uint32{c.g} << 8) | c.b;
  }
};

annae::render::Surface page(Uint8 r, Uint8 g, Uint8 b) {
  auto s = make_surface(64, 36);
  SDL_FillRect(s.get(), nullptr, SDL_MapRGB(s->format, r, g, b));
  return s;
}

}  // namespace

TEST_CASE("a transition's first frame shows the outgoing page, also after overlay frames") {
  Target target;
  REQUIRE(target.renderer);
  auto presenter = make_renderer_presenter(target.renderer);
  const auto overview = page(200, 0, 0), strategies = page(0, 200, 0), marker = page(0, 0, 200),
             contacts = page(200, 200, 200);
  presenter->show(*overview);
  presenter->show_transition(*overview, *strategies, TransitionKind::fade, 1.0f, +1);  // a swipe
  presenter->show(*strategies);
  presenter->show(*marker);  // a finger down: the page with its touch marker
  // The tap on the left edge: at t = 0 the screen still shows the outgoing page
  // (the incoming page once evicted it and the frame was black).
  presenter->show_transition(*strategies, *contacts, TransitionKind::fade, 0.0f, -1);
  CHECK(target.centre() == 0x00c800);
  presenter->show_transition(*strategies, *contacts, TransitionKind::fade, 1.0f, -1);
  CHECK(target.centre() == 0xc8c8c8);
}
