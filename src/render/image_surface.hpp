#pragma once
// An owned SDL_Surface: what decoders hand over and compositors make.
#include <SDL.h>

#include <memory>

namespace annae::render {

struct SurfaceDeleter {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

}  // namespace annae::render
