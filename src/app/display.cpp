#include "app/display.hpp"

#include <memory>

#include "core/log.hpp"

namespace annae::app {

std::unique_ptr<Display> Display::open(const DisplayOptions& options, std::string& error) {
  // With the software renderer, SDL 2.26 would otherwise present every frame
  // through an OpenGL texture (llvmpipe without a GPU): ~10 ms a 1080p frame
  // and ~110 MB more memory. See DESIGN.md.
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
    error = no_display_help(SDL_GetError());
    return nullptr;
  }
  std::unique_ptr<Display> display(new Display());
  display->windowed_ = options.window_size.has_value();
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  int w = 1280, h = 720;
  if (options.window_size) {
    std::tie(w, h) = *options.window_size;
    flags |= SDL_WINDOW_RESIZABLE;
  } else {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  }
  display->window_ = SDL_CreateWindow("annae", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
  if (!display->window_) {
    error = no_display_help(SDL_GetError());
    return nullptr;
  }
  display->renderer_ = SDL_CreateRenderer(display->window_, -1, SDL_RENDERER_SOFTWARE);
  if (!display->renderer_) {
    error = std::string("cannot create a renderer: ") + SDL_GetError();
    return nullptr;
  }
  if (!display->windowed_) SDL_ShowCursor(SDL_DISABLE);
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(display->renderer_, &info);
  log::info(std::string("video driver ") + SDL_GetCurrentVideoDriver() + ", renderer " + info.name +
            " (software: no GPU renderer is used yet)");
  return display;
}

Display::~Display() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

std::pair<int, int> Display::output_size() const {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  return {w, h};
}

std::string no_display_help(const std::string& sdl_error) {
  return "cannot open a display (" + sdl_error +
         ").\n"
         "  - on a desktop: run annae inside the desktop session (DISPLAY or WAYLAND_DISPLAY must be set);\n"
         "  - on a console without a desktop: SDL_VIDEODRIVER=kmsdrm annae (the user needs the video and input groups);\n"
         "  - for testing: xvfb-run -s '-screen 0 1920x1080x24' annae --window 1920x1080";
}

}  // namespace annae::app
