#include "app/screenshot_command.hpp"

#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "app/renderer_choice.hpp"
#include "box/box_settings.hpp"
#include "box/running_player.hpp"

namespace annae::app {

using box::BoxSettings;
using box::load_box_settings;
using box::signal_running_player;
namespace {

// The player replaces the file with a rename, so a new file is a new inode
// (or a new mtime, should the inode number be reused).
struct FileStamp {
  ino_t inode = 0;
  std::int64_t mtime_ns = -1;
  bool operator==(const FileStamp&) const = default;
};

FileStamp stamp_of(const std::filesystem::path& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return {};
  return {st.st_ino, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

}  // namespace

int run_screenshot(const ScreenshotCommand& cmd, std::ostream& out, std::ostream& err) {
  const BoxSettings settings = load_box_settings(cmd.box, renderer_names);
  const auto state_dir = state_dir_for(cmd.box, settings);
  const auto png = state_dir / screenshot_file_name;
  const FileStamp before = stamp_of(png);
  std::string why;
  if (!signal_running_player(state_dir, SIGUSR1, why)) {
    err << "annae screenshot: " << why << '\n';
    return 2;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(cmd.timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    const FileStamp now = stamp_of(png);
    if (now.mtime_ns >= 0 && !(now == before)) {
      out << png.string() << '\n';
      return 0;
    }
  }
  err << "annae screenshot: the player did not write " << png.string() << " within " << cmd.timeout_ms / 1000
      << " s; see its log (journalctl -u annae)\n";
  return 2;
}

}  // namespace annae::app
