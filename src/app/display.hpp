#pragma once
// Opening the screen: SDL video, a window, and a deliberate choice of how
// pages reach it. Pages are always composed on the CPU; they are presented
// by a real GPU renderer where there is one, else written into the window
// surface with SDL_FRAMEBUFFER_ACCELERATION=0 (DESIGN.md: a GL texture
// upload through llvmpipe costs ~10 ms a 1080p frame and ~110 MB).
#include <SDL.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/renderer_choice.hpp"

namespace annae::app {

struct DisplayOptions {
  std::optional<std::pair<int, int>> window_size;  // empty: desktop fullscreen
  RendererChoice renderer = RendererChoice::automatic;
  // SDL video driver ("kmsdrm" on a console box); empty: $SDL_VIDEODRIVER or SDL's
  // own choice. $SDL_VIDEODRIVER, when set, wins (a technician's override).
  std::string video_driver;
  int display_index = 0;  // fullscreen on this connected screen (0: the first); out of range: the first
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
  // A GPU renderer when one was chosen; null for software composition
  // presented through the window surface.
  SDL_Renderer* renderer() const { return renderer_; }
  // The window's size in pixels (what pages are composed at).
  std::pair<int, int> output_size() const;
  bool windowed() const { return windowed_; }

  // Call once the first frame is on screen. On X11 the window opens
  // borderless over the whole display (instant) and only now asks the window
  // manager for true fullscreen, which can block ~100 ms waiting for an
  // answer that never comes when no window manager runs (a kiosk X server).
  void settle();

  // KMSDRM only: switches the power of the screens it drives (the connectors'
  // DPMS property) off for the night and on in the morning, so that a lobby
  // screen sleeps instead of showing black. Elsewhere (X11, Wayland: the
  // display server's business) it does nothing. Returns how many screens were
  // switched; a screen without DPMS counts as none.
  int set_screen_power(bool on);

 private:
  Display() = default;
  // Creates renderer_ (or leaves it null for software); returns why, for the log.
  std::string choose_renderer(RendererChoice choice);
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool windowed_ = false;
  bool fullscreen_pending_ = false;
};

// What to tell a person when no display could be opened.
std::string no_display_help(const std::string& sdl_error);

// At boot the player can start before the kernel's graphics driver has made
// /dev/dri/card* (2–3 s later in a VM; later still with a slow GPU driver),
// or before udev has given it to the video group. Waits, up to `limit`,
// until `dri_dir` holds a card* device this process can open for reading
// and writing; true once it does. Checks every `step`. Any thread.
bool wait_for_drm_card(const std::string& dri_dir, std::chrono::milliseconds limit,
                       std::chrono::milliseconds step = std::chrono::milliseconds(100));

}  // namespace annae::app
