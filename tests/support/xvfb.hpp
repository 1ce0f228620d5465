#pragma once
// A private X server for end-to-end tests, started by the test itself, and
// a way to read back what is on its screen.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "process.hpp"

namespace annae::test {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

struct ScreenGrab {
  int width = 0;
  int height = 0;
  std::vector<Rgb> pixels;  // row-major
  const Rgb& at(int x, int y) const { return pixels[static_cast<std::size_t>(y * width + x)]; }
};

// Reads the whole screen of any X display (":12"); empty grab on failure.
ScreenGrab grab_display(const std::string& display);

class Xvfb {
 public:
  // Starts Xvfb on a free display number with one screen of the given size.
  Xvfb(int width, int height);
  ~Xvfb();
  bool ok() const { return !display_.empty(); }
  const std::string& display() const { return display_; }  // e.g. ":12"

  // The whole screen; empty grab on failure.
  ScreenGrab grab() const;

 private:
  std::unique_ptr<Process> server_;
  std::string display_;
};

}  // namespace annae::test
