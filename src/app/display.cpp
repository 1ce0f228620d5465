#include "app/display.hpp"

#include <SDL_syswm.h>
#include <unistd.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>
#include <thread>

#include "core/log.hpp"

namespace annae::app {

bool wait_for_drm_card(const std::string& dri_dir, std::chrono::milliseconds limit, std::chrono::milliseconds step) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dri_dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.starts_with("card") && ::access(it->path().c_str(), R_OK | W_OK) == 0) return true;
    }
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(step);
  }
}

namespace {

// Sets SDL's video hints and, for kmsdrm, waits for the graphics device.
// Returns the video driver asked for (SDL_VIDEODRIVER, else [screen] video_driver).
std::string prepare_video(const DisplayOptions& options, bool& asked_by_env) {
  // With the software renderer, SDL 2.26 would otherwise present every frame
  // through an OpenGL texture (llvmpipe without a GPU): ~10 ms a 1080p frame
  // and ~110 MB more memory. See DESIGN.md.
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (!options.video_driver.empty()) SDL_SetHint(SDL_HINT_VIDEODRIVER, options.video_driver.c_str());
  const char* env = std::getenv("SDL_VIDEODRIVER");
  asked_by_env = env && *env;
  const std::string asked = env && *env ? env : options.video_driver;
  if (asked == "kmsdrm" && !wait_for_drm_card("/dev/dri", std::chrono::milliseconds(0))) {
    log::info("waiting for the graphics device (/dev/dri/card*): the kernel's graphics driver is not ready yet");
    if (wait_for_drm_card("/dev/dri", std::chrono::seconds(20))) log::info("the graphics device is ready");
  }
  return asked;
}

// Where the window goes and how: windowed, borderless over the display (x11,
// made fullscreen by settle()) or fullscreen on the chosen display.
struct WindowPlace {
  int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = 1280, h = 720;
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  bool fullscreen_pending = false;
};

WindowPlace window_place(const DisplayOptions& options, const std::string& driver) {
  WindowPlace place;
  int screen = options.display_index;
  if (screen < 0 || screen >= SDL_GetNumVideoDisplays()) {
    if (screen != 0) {
      log::warning("display " + std::to_string(screen) + " is not connected (" +
                   std::to_string(SDL_GetNumVideoDisplays()) + " found); using the first");
    }
    screen = 0;
  }
  if (options.window_size) {
    std::tie(place.w, place.h) = *options.window_size;
    place.x = place.y = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(screen));
    place.flags |= SDL_WINDOW_RESIZABLE;
  } else if (driver == "x11") {
    SDL_Rect bounds{0, 0, 1280, 720};
    SDL_GetDisplayBounds(screen, &bounds);
    place.x = bounds.x, place.y = bounds.y, place.w = bounds.w, place.h = bounds.h;
    place.flags |= SDL_WINDOW_BORDERLESS;
    place.fullscreen_pending = true;
  } else {
    // SDL puts a fullscreen window on the display its position falls in.
    place.x = place.y = static_cast<int>(SDL_WINDOWPOS_UNDEFINED_DISPLAY(screen));
    place.flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  }
  return place;
}

// Some video drivers have no window surface at all (SDL 2.26's kmsdrm):
// then any renderer, even one on a CPU rasterizer, is the only way to the
// screen. Returns it and sets why; nullptr and sets error when there is none.
SDL_Renderer* any_renderer(SDL_Window* window, const std::string& driver, std::string& why, std::string& error) {
  const std::string no_surface = SDL_GetError();
  SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, 0);
  if (!renderer) {
    error = "cannot draw into the window: " + no_surface + "; and no renderer: " + SDL_GetError();
    return nullptr;
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer, &info);
  why = std::string("renderer ") + (info.name ? info.name : "?") + " (the " + driver +
        " video driver has no window surface for software composition)";
  return renderer;
}

}  // namespace

std::unique_ptr<Display> Display::open(const DisplayOptions& options, std::string& error) {
  bool asked_by_env = false;
  const std::string asked = prepare_video(options, asked_by_env);
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
    error = no_display_help(SDL_GetError());
    if (asked == "kmsdrm") {
      error += "\n  - this box asks for kmsdrm (" + std::string(asked_by_env ? "SDL_VIDEODRIVER" : "[screen] video_driver") +
               "): does /dev/dri/card0 exist (a KMS graphics driver), is the screen connected, and is the user in"
               " the video group? Where KMSDRM cannot work, use annae-cage.service (README: The cage alternative)";
    }
    return nullptr;
  }
  std::unique_ptr<Display> display(new Display());
  display->windowed_ = options.window_size.has_value();
  const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  const WindowPlace place = window_place(options, driver);
  display->fullscreen_pending_ = place.fullscreen_pending;
  display->window_ = SDL_CreateWindow("annae", place.x, place.y, place.w, place.h, place.flags);
  if (!display->window_) {
    error = no_display_help(SDL_GetError());
    return nullptr;
  }
  std::string why = display->choose_renderer(options.renderer);
  if (!display->renderer_ && !SDL_GetWindowSurface(display->window_)) {
    display->renderer_ = any_renderer(display->window_, driver, why, error);
    if (!display->renderer_) return nullptr;
  }
  if (!display->windowed_) SDL_ShowCursor(SDL_DISABLE);
  const auto [out_w, out_h] = display->output_size();
  log::info(std::string("video driver ") + driver + ", " + std::to_string(out_w) + "x" + std::to_string(out_h) + ", " +
            why);
  return display;
}

Display::~Display() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

namespace {

// The name of the OpenGL implementation behind the current context, e.g.
// "llvmpipe (LLVM 15.0.6, 256 bits)" or "Mali-G52".
std::string gl_renderer_name() {
  using GetString = const unsigned char* (*)(unsigned);
  auto get = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  constexpr unsigned gl_renderer = 0x1F01;
  const unsigned char* name = get ? get(gl_renderer) : nullptr;
  return name ? reinterpret_cast<const char*>(name) : "";
}

bool is_cpu_rasterizer(const std::string& gl_name) {
  for (const char* cpu : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer", "SwiftShader"}) {
    if (gl_name.find(cpu) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string Display::choose_renderer(RendererChoice choice) {
  if (choice == RendererChoice::software) return "software composition (--renderer software)";
  // No DRM device means no GPU: skip the ~70 ms it takes to create and
  // inspect a GL context only to find a CPU rasterizer behind it.
  std::error_code ec;
  if (choice == RendererChoice::automatic && !std::filesystem::exists("/dev/dri", ec)) {
    return "software composition (no GPU: /dev/dri does not exist)";
  }
  if (choice == RendererChoice::opengl) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengl");
  if (choice == RendererChoice::opengles2) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
  renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!renderer_) {
    return std::string("software composition (no GPU renderer: ") + SDL_GetError() + ")";
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer_, &info);
  const std::string name = info.name ? info.name : "?";
  const std::string gl = name.rfind("opengl", 0) == 0 ? gl_renderer_name() : "";
  if (choice == RendererChoice::automatic && is_cpu_rasterizer(gl)) {
    SDL_DestroyRenderer(renderer_);
    renderer_ = nullptr;
    return "software composition (the " + name + " renderer runs on " + gl + ", a CPU rasterizer)";
  }
  return "GPU renderer " + name + (gl.empty() ? "" : " on " + gl) +
         (is_cpu_rasterizer(gl) ? " (asked for; it is a CPU rasterizer)" : "");
}

void Display::settle() {
  if (!fullscreen_pending_) return;
  fullscreen_pending_ = false;
  SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

int Display::set_screen_power(bool on) {
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!SDL_GetWindowWMInfo(window_, &info) || info.subsystem != SDL_SYSWM_KMSDRM) return 0;
  const int fd = info.info.kmsdrm.drm_fd;
  drmModeRes* resources = drmModeGetResources(fd);
  if (!resources) return 0;
  int switched = 0;
  for (int i = 0; i < resources->count_connectors; ++i) {
    drmModeConnector* connector = drmModeGetConnector(fd, resources->connectors[i]);
    if (!connector) continue;
    // A connected screen with an encoder is one this player drives.
    if (connector->connection == DRM_MODE_CONNECTED && connector->encoder_id != 0) {
      drmModeObjectProperties* props = drmModeObjectGetProperties(fd, connector->connector_id, DRM_MODE_OBJECT_CONNECTOR);
      for (std::uint32_t p = 0; props && p < props->count_props; ++p) {
        drmModePropertyRes* prop = drmModeGetProperty(fd, props->props[p]);
        if (prop && std::string_view(prop->name) == "DPMS" &&
            drmModeConnectorSetProperty(fd, connector->connector_id, prop->prop_id,
                                        on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) == 0) {
          ++switched;
        }
        drmModeFreeProperty(prop);
      }
      drmModeFreeObjectProperties(props);
    }
    drmModeFreeConnector(connector);
  }
  drmModeFreeResources(resources);
  return switched;
}

std::pair<int, int> Display::output_size() const {
  int w = 0, h = 0;
  if (renderer_) {
    SDL_GetRendererOutputSize(renderer_, &w, &h);
  } else {
    SDL_GetWindowSizeInPixels(window_, &w, &h);
  }
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
