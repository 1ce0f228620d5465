#pragma once
// Opening the screen: SDL video, a window, and a deliberately chosen renderer.
#include <SDL.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace annae::app {

struct DisplayOptions {
  std::optional<std::pair<int, int>> window_size;  // empty: desktop fullscreen
};

// Owns the window and renderer; closes them (and SDL video) on destruction.
class Display {
 public:
  // Null with `error` set when there is no display to open.
  static std::unique_ptr<Display> open(const DisplayOptions& options, std::string& error);
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  SDL_Window* window() const { return window_; }
  SDL_Renderer* renderer() const { return renderer_; }
  std::pair<int, int> output_size() const;
  bool windowed() const { return windowed_; }

 private:
  Display() = default;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool windowed_ = false;
};

// What to tell a person when no display could be opened.
std::string no_display_help(const std::string& sdl_error);

}  // namespace annae::app
