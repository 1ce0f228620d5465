#include "app/absolute_pointer.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

#include "core/log.hpp"

namespace annae::app {
namespace {

constexpr float fixed_one = 1 << 20;  // user-event coordinates: 20-bit fixed point in data1/data2

float normalized(int raw, const input_absinfo& axis) {
  const int range = axis.maximum - axis.minimum;
  if (range <= 0) return 0;
  return std::clamp(static_cast<float>(raw - axis.minimum) / static_cast<float>(range), 0.0f, 1.0f);
}

bool has_bit(const unsigned long* bits, int bit) {
  constexpr int per = static_cast<int>(sizeof(unsigned long) * CHAR_BIT);
  return (bits[bit / per] >> (bit % per)) & 1UL;
}

// An absolute pointer: ABS_X and ABS_Y with a mouse button, no relative
// axes, and not a direct-touch (multitouch) screen, which SDL reads right.
std::optional<std::pair<input_absinfo, input_absinfo>> absolute_pointer_axes(int fd) {
  unsigned long ev[(EV_MAX + 1) / (sizeof(unsigned long) * CHAR_BIT) + 1] = {};
  unsigned long abs[(ABS_MAX + 1) / (sizeof(unsigned long) * CHAR_BIT) + 1] = {};
  unsigned long key[(KEY_MAX + 1) / (sizeof(unsigned long) * CHAR_BIT) + 1] = {};
  unsigned long rel[(REL_MAX + 1) / (sizeof(unsigned long) * CHAR_BIT) + 1] = {};
  unsigned long prop[(INPUT_PROP_MAX + 1) / (sizeof(unsigned long) * CHAR_BIT) + 1] = {};
  if (ioctl(fd, EVIOCGBIT(0, sizeof ev), ev) < 0 || !has_bit(ev, EV_ABS) || !has_bit(ev, EV_KEY)) return std::nullopt;
  if (ioctl(fd, EVIOCGBIT(EV_ABS, sizeof abs), abs) < 0 || !has_bit(abs, ABS_X) || !has_bit(abs, ABS_Y) ||
      has_bit(abs, ABS_MT_POSITION_X)) {
    return std::nullopt;
  }
  if (ioctl(fd, EVIOCGBIT(EV_KEY, sizeof key), key) < 0 || !has_bit(key, BTN_LEFT)) return std::nullopt;
  if (has_bit(ev, EV_REL) && ioctl(fd, EVIOCGBIT(EV_REL, sizeof rel), rel) >= 0 && has_bit(rel, REL_X)) {
    return std::nullopt;
  }
  if (ioctl(fd, EVIOCGPROP(sizeof prop), prop) >= 0 && has_bit(prop, INPUT_PROP_DIRECT)) return std::nullopt;
  input_absinfo x{}, y{};
  if (ioctl(fd, EVIOCGABS(ABS_X), &x) < 0 || ioctl(fd, EVIOCGABS(ABS_Y), &y) < 0) return std::nullopt;
  return std::make_pair(x, y);
}

}  // namespace

std::optional<AbsoluteAxes::Sample> AbsoluteAxes::on_event(const input_event& e) {
  if (e.type == EV_ABS && e.code == ABS_X) raw_x_ = e.value, moved_ = true;
  if (e.type == EV_ABS && e.code == ABS_Y) raw_y_ = e.value, moved_ = true;
  if (e.type == EV_KEY && (e.code == BTN_LEFT || e.code == BTN_TOUCH)) down_ = e.value != 0;
  if (e.type != EV_SYN || e.code != SYN_REPORT) return std::nullopt;
  const bool pressed = down_ && !was_down_, released = !down_ && was_down_, moved = moved_;
  was_down_ = down_;
  moved_ = false;
  const Point at{normalized(raw_x_, x_), normalized(raw_y_, y_)};
  if (pressed) return Sample{PointerEvent::Type::down, at};
  if (released) return Sample{PointerEvent::Type::up, at};
  if (moved && down_) return Sample{PointerEvent::Type::move, at};
  return std::nullopt;
}

bool sdl_mishandles_absolute_pointers(const std::string& video_driver) {
  if (video_driver != "KMSDRM" && video_driver != "kmsdrm") return false;
  SDL_version v{};
  SDL_GetVersion(&v);
  return SDL_VERSIONNUM(v.major, v.minor, v.patch) < SDL_VERSIONNUM(2, 29, 1);
}

AbsolutePointerReader::AbsolutePointerReader(Uint32 event_type, std::string input_dir)
    : event_type_(event_type), input_dir_(std::move(input_dir)) {
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC);
  thread_ = std::thread([this] { run(); });
}

AbsolutePointerReader::~AbsolutePointerReader() {
  const std::uint64_t one = 1;
  if (wake_fd_ >= 0 && ::write(wake_fd_, &one, sizeof one) < 0) {
  }
  if (thread_.joinable()) thread_.join();
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

AbsoluteAxes::Sample AbsolutePointerReader::decode(const SDL_UserEvent& e) {
  AbsoluteAxes::Sample s;
  s.type = static_cast<PointerEvent::Type>(e.code);
  s.at = {static_cast<float>(reinterpret_cast<std::intptr_t>(e.data1)) / fixed_one,
          static_cast<float>(reinterpret_cast<std::intptr_t>(e.data2)) / fixed_one};
  return s;
}

namespace {

struct Device {
  int fd;
  AbsoluteAxes axes;
};
using Devices = std::map<std::string, Device>;  // by node name ("event5")

// Opens the absolute pointers among input_dir's event nodes not yet in
// `devices`, counting each in devices_open.
void scan_devices(const std::string& input_dir, Devices& devices, std::atomic<int>& devices_open) {
  DIR* dir = ::opendir(input_dir.c_str());
  if (!dir) return;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (!name.starts_with("event") || devices.count(name)) continue;
    const int fd = ::open((input_dir + "/" + name).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;  // not (yet) readable: udev sets the group a moment later (IN_ATTRIB)
    if (const auto axes = absolute_pointer_axes(fd)) {
      char device_name[128] = "?";
      ::ioctl(fd, EVIOCGNAME(sizeof device_name), device_name);
      log::info(std::string("touch: reading absolute pointer ") + device_name + " (" + name +
                ") directly: this SDL maps its positions wrongly");
      devices.emplace(name, Device{fd, AbsoluteAxes(axes->first, axes->second)});
      ++devices_open;
    } else {
      ::close(fd);
    }
  }
  ::closedir(dir);
}

void post_sample(Uint32 event_type, const AbsoluteAxes::Sample& sample) {
  SDL_Event posted{};
  posted.type = event_type;
  posted.user.code = static_cast<Sint32>(sample.type);
  posted.user.data1 = reinterpret_cast<void*>(static_cast<std::intptr_t>(sample.at.x * fixed_one));
  posted.user.data2 = reinterpret_cast<void*>(static_cast<std::intptr_t>(sample.at.y * fixed_one));
  SDL_PushEvent(&posted);
}

enum class ReadOutcome { read, nothing_yet, unplugged };

// Reads what the device has and posts its samples as SDL user events.
ReadOutcome read_device(Device& device, Uint32 event_type) {
  input_event events[64];
  const ssize_t n = ::read(device.fd, events, sizeof events);
  if (n < 0 && errno == EAGAIN) return ReadOutcome::nothing_yet;
  if (n <= 0) return ReadOutcome::unplugged;  // ENODEV
  for (ssize_t k = 0; k < n / static_cast<ssize_t>(sizeof(input_event)); ++k) {
    if (const auto sample = device.axes.on_event(events[k])) post_sample(event_type, *sample);
  }
  return ReadOutcome::read;
}

}  // namespace

void AbsolutePointerReader::run() {
  Devices devices;
  const int watch = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (watch >= 0) ::inotify_add_watch(watch, input_dir_.c_str(), IN_CREATE | IN_ATTRIB);
  scan_devices(input_dir_, devices, devices_open_);
  for (;;) {
    std::vector<pollfd> fds{{wake_fd_, POLLIN, 0}, {watch, POLLIN, 0}};
    std::vector<std::string> names;
    for (const auto& [name, device] : devices) {
      fds.push_back({device.fd, POLLIN, 0});
      names.push_back(name);
    }
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents) break;
    if (fds[1].revents) {
      char buffer[4096];
      while (::read(watch, buffer, sizeof buffer) > 0) {
      }
      scan_devices(input_dir_, devices, devices_open_);
    }
    for (std::size_t i = 2; i < fds.size(); ++i) {
      if (!fds[i].revents) continue;
      auto it = devices.find(names[i - 2]);
      if (read_device(it->second, event_type_) == ReadOutcome::unplugged) {
        ::close(it->second.fd);
        devices.erase(it);
        --devices_open_;
      }
    }
  }
  for (auto& [name, device] : devices) ::close(device.fd);
  if (watch >= 0) ::close(watch);
}

}  // namespace annae::app
