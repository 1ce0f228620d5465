#pragma once
// Absolute pointers under KMSDRM: a touch panel in mouse mode, a KVM switch's
// or a virtual machine's USB tablet. SDL before 2.29.1 (Debian 12 has 2.26)
// hands their raw axis values (0..32767) to the mouse as if they were pixels,
// so every touch lands on the screen's right or bottom edge, and an axis that
// did not change within a report is taken as 0 (fixed upstream by SDL commit
// 9cd7cbe "Added support for absolute mice with evdev"). Where SDL has that
// bug, AbsolutePointerReader reads such devices from the kernel itself and
// posts their touches as SDL user events in normalized coordinates; the
// player then takes its pointer input from these and ignores SDL's own mouse
// events. Multitouch screens (INPUT_PROP_DIRECT, ABS_MT_*) are not absolute
// pointers: SDL's finger path handles them correctly.
#include <SDL.h>
#include <linux/input.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "app/gestures.hpp"

namespace annae::app {

// One device's reports → pointer samples. Pure: fed kernel input_events.
class AbsoluteAxes {
 public:
  AbsoluteAxes(input_absinfo x, input_absinfo y) : x_(x), y_(y) {}
  struct Sample {
    PointerEvent::Type type = PointerEvent::Type::move;
    Point at;  // normalized 0..1 over the device's range (the whole screen)
  };
  // Returns a sample at each SYN_REPORT that moved the pointer with the
  // button down, pressed or released it. An axis a report leaves out keeps
  // its last value. Motion with the button up is not a touch: nothing.
  std::optional<Sample> on_event(const input_event& e);

 private:
  input_absinfo x_, y_;
  int raw_x_ = 0, raw_y_ = 0;
  bool down_ = false, was_down_ = false, moved_ = false;
};

// True when SDL's evdev input mishandles absolute pointers (SDL before
// 2.29.1) and the video driver reads devices itself (kmsdrm).
bool sdl_mishandles_absolute_pointers(const std::string& video_driver);

class AbsolutePointerReader {
 public:
  // Watches /dev/input (devices plugged in later too) on a thread of its own;
  // posts SDL user events of `event_type` (from SDL_RegisterEvents): code is
  // the PointerEvent::Type, data1/data2 the x/y (decode()).
  explicit AbsolutePointerReader(Uint32 event_type, std::string input_dir = "/dev/input");
  ~AbsolutePointerReader();  // stops and joins the thread
  AbsolutePointerReader(const AbsolutePointerReader&) = delete;
  AbsolutePointerReader& operator=(const AbsolutePointerReader&) = delete;

  // At least one absolute pointer is open: SDL's mouse events are its garbled copies.
  bool active() const { return devices_open_.load() > 0; }
  static AbsoluteAxes::Sample decode(const SDL_UserEvent& e);

 private:
  void run();
  Uint32 event_type_;
  std::string input_dir_;
  int wake_fd_ = -1;  // eventfd: stop
  std::atomic<int> devices_open_{0};
  std::thread thread_;
};

}  // namespace annae::app
