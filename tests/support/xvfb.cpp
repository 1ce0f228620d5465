#include "xvfb.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <poll.h>
#include <unistd.h>

namespace annae::test {

Xvfb::Xvfb(int width, int height) {
  int fds[2];
  if (pipe(fds) != 0) return;
  const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
  // -displayfd: the server picks a free display number and writes it to us.
  server_ = std::make_unique<Process>(std::vector<std::string>{"Xvfb", "-displayfd", std::to_string(fds[1]), "-screen",
                                                               "0", screen, "-nolisten", "tcp", "-noreset"});
  close(fds[1]);
  std::string number;
  pollfd pfd{fds[0], POLLIN, 0};
  while (poll(&pfd, 1, 10000) > 0) {
    char c = 0;
    if (read(fds[0], &c, 1) != 1 || c == '\n') break;
    number += c;
  }
  close(fds[0]);
  if (!number.empty()) display_ = ":" + number;
}

Xvfb::~Xvfb() = default;

ScreenGrab Xvfb::grab() const { return grab_display(display_); }

ScreenGrab grab_display(const std::string& display) {
  ScreenGrab grab;
  Display* dpy = XOpenDisplay(display.c_str());
  if (!dpy) return grab;
  const Window root = DefaultRootWindow(dpy);
  XWindowAttributes attrs{};
  XGetWindowAttributes(dpy, root, &attrs);
  XImage* image = XGetImage(dpy, root, 0, 0, static_cast<unsigned>(attrs.width), static_cast<unsigned>(attrs.height),
                            AllPlanes, ZPixmap);
  if (image) {
    grab.width = attrs.width;
    grab.height = attrs.height;
    grab.pixels.resize(static_cast<std::size_t>(grab.width * grab.height));
    for (int y = 0; y < grab.height; ++y) {
      for (int x = 0; x < grab.width; ++x) {
        const unsigned long p = XGetPixel(image, x, y);
        grab.pixels[static_cast<std::size_t>(y * grab.width + x)] = {
            static_cast<std::uint8_t>((p >> 16) & 0xFF), static_cast<std::uint8_t>((p >> 8) & 0xFF),
            static_cast<std::uint8_t>(p & 0xFF)};
      }
    }
    XDestroyImage(image);
  }
  XCloseDisplay(dpy);
  return grab;
}

}  // namespace annae::test
