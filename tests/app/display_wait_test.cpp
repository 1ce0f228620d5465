// At boot the player may start before the graphics driver has made
// /dev/dri/card0: it waits for the device instead of failing its first start.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/display.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using annae::app::wait_for_drm_card;

namespace {

struct DriDir {
  fs::path path = fs::temp_directory_path() / ("annae-dri-" + std::to_string(::getpid()));
  DriDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~DriDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("the graphics device appearing after start: the player waits for it, then goes on") {
  DriDir dri;
  std::ofstream(dri.path / "renderD128") << "";  // a render node alone cannot drive a screen
  std::thread driver([&] {
    std::this_thread::sleep_for(300ms);  // the kernel's driver finishes loading
    std::ofstream(dri.path / "card0") << "";
  });
  const auto started = std::chrono::steady_clock::now();
  CHECK(wait_for_drm_card(dri.path.string(), 20s, 20ms));
  CHECK(std::chrono::steady_clock::now() - started >= 250ms);  // it did wait for card0
  driver.join();
}

TEST_CASE("no graphics device at all: the wait ends at its limit, and the player reports the missing display") {
  DriDir dri;
  CHECK_FALSE(wait_for_drm_card(dri.path.string(), 200ms, 20ms));
  CHECK_FALSE(wait_for_drm_card((dri.path / "missing").string(), 0ms));  // no /dev/dri at all
  std::ofstream(dri.path / "card1") << "";  // a Raspberry Pi's vc4 is card1
  CHECK(wait_for_drm_card(dri.path.string(), 0ms));
}
