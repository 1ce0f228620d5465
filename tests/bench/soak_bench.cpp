// Soak: the real player, on a private X server, taken through many slide
// changes while its show folder is rewritten again and again — the months a
// lobby box runs, compressed. DESIGN.md's bar: 100 000 slide changes and
// 1 000 reloads, no crash, memory flat.
//
//   build/tests/bench/soak_bench                 100 000 changes, 1 000 reloads (~15 min here)
//   build/tests/bench/soak_bench --quick         2 000 changes, 10 reloads (the ctest smoke run)
//
// Slide changes are key presses (transition "none", so each one lays out and
// composes a page): 1–9, End, Home, → over and over — every press shows
// another slide, and no two presses in a row are the same key (SDL takes a
// quick press of the key just released for auto-repeat, which the player
// ignores). They are sent in batches of about 1 000; the next batch waits
// until the player has drained the last (its CPU time stops moving), so SDL's
// event queue never overflows. The player's debug log ("on screen: …") counts
// the changes it really made. Reloads: a thread rewrites a slide file
// (a new title, written beside and renamed in) every 350 ms, just over the
// watcher's settle time, so each is its own load. PSS is sampled after every batch.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "process.hpp"
#include "xvfb.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using annae::test::Process;
using annae::test::cpu_ticks;
using annae::test::pss_kb;

// Waits until the player has used no CPU for 300 ms: its event queue is empty.
void wait_until_idle(pid_t pid) {
  long last = cpu_ticks(pid);
  for (int quiet_ms = 0; quiet_ms < 300;) {
    std::this_thread::sleep_for(100ms);
    const long now = cpu_ticks(pid);
    quiet_ms = now == last ? quiet_ms + 100 : 0;
    last = now;
  }
}

int count_lines_with(const std::string& path, const std::string& what) {
  std::ifstream in(path);
  int n = 0;
  for (std::string line; std::getline(in, line);) n += line.find(what) != std::string::npos;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int changes = quick ? 2'000 : 100'000;
  const int reloads = quick ? 10 : 1'000;
  constexpr int batch = 1'000;

  // The default show, with instant slide changes.
  const fs::path dir = fs::temp_directory_path() / ("annae-soak-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(fs::path(ANNAE_SOURCE_DIR) / "content", dir / "show", fs::copy_options::recursive);
  {
    std::ifstream in(dir / "show" / "show.toml");
    std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = toml.find("kind = \"fade\"");
    if (at == std::string::npos) return 1;
    toml.replace(at, std::strlen("kind = \"fade\""), "kind = \"none\"");
    std::ofstream(dir / "show" / "show.toml") << toml;
  }
  const fs::path cover = dir / "show" / "forum-2023" / "010-cover.toml";
  std::ifstream cover_in(cover);
  const std::string cover_text((std::istreambuf_iterator<char>(cover_in)), std::istreambuf_iterator<char>());
  const auto title_at = cover_text.find("title = ");
  const auto title_end = cover_text.find('\n', title_at);

  annae::test::Xvfb x(1280, 720);
  if (!x.ok()) return 1;
  const std::string log = (dir / "player.log").string();
  Process player({ANNAE_BINARY, "--state", (dir / "state").string(), (dir / "show").string()},
                 {"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11", "ANNAE_LOG=debug"}, log);
  for (int i = 0; i < 300 && count_lines_with(log, "first frame on screen") == 0; ++i) std::this_thread::sleep_for(50ms);
  if (count_lines_with(log, "first frame on screen") == 0) {
    std::fprintf(stderr, "the player did not start\n");
    return 1;
  }

  std::atomic<int> rewritten{0};
  std::atomic<bool> stop{false};
  std::thread rewriter([&] {
    while (!stop && rewritten < reloads) {
      std::string text = cover_text;
      text.replace(title_at, title_end - title_at, "title = \"지역균형발전포럼 " + std::to_string(rewritten + 1) + "\"");
      const fs::path part = cover.parent_path() / ".010-cover.toml.part";
      std::ofstream(part) << text;
      fs::rename(part, cover);
      ++rewritten;
      std::this_thread::sleep_for(350ms);
    }
  });

  const auto t0 = std::chrono::steady_clock::now();
  std::vector<long> pss;
  std::vector<long> curve;
  int sent = 0;
  bool crashed = false;
  while (sent < changes) {
    static const std::vector<std::string> cycle = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "End", "Home", "Right"};
    const int rounds = std::max<int>(1, std::min(batch, changes - sent) / static_cast<int>(cycle.size()));
    std::vector<std::string> keys_argv{"xdotool", "key", "--delay", "2", "--repeat", std::to_string(rounds)};
    keys_argv.insert(keys_argv.end(), cycle.begin(), cycle.end());
    Process keys(keys_argv, {"DISPLAY=" + x.display()});
    keys.wait_for(300s);
    sent += rounds * static_cast<int>(cycle.size());
    wait_until_idle(player.pid());
    if (player.poll()) {
      crashed = true;
      break;
    }
    pss.push_back(pss_kb(player.pid()));
    if (sent / 10'000 != (sent - rounds * static_cast<int>(cycle.size())) / 10'000) {
      curve.push_back(pss.back());  // one sample each 10 000 changes
      std::fprintf(stderr, "%d changes, %d reloads, PSS %.1f MB\n", sent, rewritten.load(), pss.back() / 1024.0);
    }
  }
  while (!crashed && rewritten < reloads) std::this_thread::sleep_for(100ms);
  stop = true;
  rewriter.join();
  std::this_thread::sleep_for(1s);  // the last reload settles
  wait_until_idle(player.pid());
  crashed = crashed || player.poll().has_value();
  if (!crashed) pss.push_back(pss_kb(player.pid()));
  const double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 60;
  const int loads = count_lines_with(log, "new content on screen");
  const int shown = count_lines_with(log, "on screen: ");

  std::printf("annae soak benchmark%s\n\n", quick ? " (--quick)" : "");
  std::printf("| what | figure |\n|---|---|\n");
  std::printf("| slide changes (key presses sent / pages the player showed; transition none) | %d / %d |\n", sent, shown);
  std::printf("| reloads (a slide file rewritten every 350 ms; loads the player logged) | %d written, %d loaded |\n",
              rewritten.load(), loads);
  std::printf("| time | %.1f min |\n", minutes);
  std::printf("| still running at the end | %s |\n", crashed ? "NO (crashed)" : "yes");
  if (pss.size() >= 2) {
    const long first = pss.front(), last = pss.back();
    const long peak = *std::max_element(pss.begin(), pss.end());
    std::printf("| PSS after the first %d changes | %.1f MB |\n", std::min(batch, sent), first / 1024.0);
    std::printf("| PSS at the end / peak | %.1f MB / %.1f MB |\n", last / 1024.0, peak / 1024.0);
    std::printf("| growth, first batch → end | %+.1f MB |\n", (last - first) / 1024.0);
    if (!curve.empty()) {
      std::printf("| PSS every 10 000 changes (MB) |");
      for (long kb : curve) std::printf(" %.1f", kb / 1024.0);
      std::printf(" |\n");
    }
  }
  fs::remove_all(dir);
  return crashed ? 1 : 0;
}
