// The folder watcher: one load per settled copy, nothing for temporary files,
// folders deleted, re-created and swapped, polling, and prompt shutdown.
// Every wait is bounded; counts are asserted after a quiet period.
#include "content/watcher.hpp"

#include <doctest/doctest.h>
#include <sys/vfs.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include "show_fixture.hpp"
#include "watch_support.hpp"

namespace fs = std::filesystem;
using namespace annae;
using namespace annae::test;
using content::ShowWatcher;
using content::WatchMode;
using content::WatchOptions;

namespace {

constexpr int settle_ms = 300;

WatchOptions options(WatchMode mode = WatchMode::inotify, int poll_interval_ms = 200) {
  WatchOptions o;
  o.mode = mode;
  o.settle_ms = settle_ms;
  o.poll_interval_ms = poll_interval_ms;
  return o;
}

std::string mode_name(WatchMode mode) { return mode == WatchMode::poll ? "poll" : "inotify"; }

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A text slide whose title is written last, so a load of a partial copy has no title.
std::string title_last_toml(const std::string& title) {
  std::string out = "kind = \"text\"\n";
  for (int i = 0; i < 12; ++i)
    out += "# 지역맞춤형 국토교통 균형발전 전략 구상 — 한국토지주택공사 토지주택연구원(LHI)\n";
  out += "paragraphs = [\"국토교통부는 9월 26일(화) 오후 2시 세종컨벤션센터에서 「지역균형발전포럼」에 참여한다.\"]\n";
  out += "title = \"" + title + "\"\n";
  return out;
}

}  // namespace

TEST_CASE("a file written in pieces with pauses loads once, with its final content") {
  struct Case {
    const char* what;
    bool file_exists_before;
  };
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    for (const Case c : {Case{"new file", false}, Case{"existing file overwritten", true}}) {
      CAPTURE(mode_name(mode));
      const std::string what = c.what;
      CAPTURE(what);
      TempDir tmp("watch-chunks");
      write_small_show(tmp.path(), "지역균형발전포럼");
      const fs::path file = tmp.path() / "030-notice.toml";
      if (c.file_exists_before) write_file(file, text_toml("이전 안내"));
      Recorder rec;
      ShowWatcher watcher(tmp.path(), options(mode), rec.callback());

      // Six pieces 150 ms apart keep the file open for 750 ms, longer than the
      // settle time: for a new file (inotify: created, then nothing until it is
      // closed) only the size check keeps the half-written file from loading.
      write_in_chunks(file, title_last_toml("균형발전 안내"), 6, 150ms);
      REQUIRE(rec.wait_for_count(1));
      quiet_period(settle_ms);
      const auto got = rec.all();
      REQUIRE(got.size() == 1);
      CHECK(got[0].result.complete());
      CHECK(slide_title(got[0].result, "030-notice") == "균형발전 안내");
      CHECK(got[0].info.changed == std::vector<std::string>{"030-notice.toml"});
      CHECK(got[0].info.first_change <= got[0].info.settled);
    }
  }
}

TEST_CASE("a temporary file renamed to a slide name loads once, the temporary file alone never") {
  struct Case {
    const char* tool;
    const char* temp_name;
    const char* final_name;
  };
  const Case cases[] = {
      {"write then rename", ".010-cover.toml.tmp", "010-cover.toml"},
      {"rsync", ".020-overview.toml.AbC123", "020-overview.toml"},
      {"syncthing", ".syncthing.030-notice.toml.tmp", "030-notice.toml"},
      {"partial download", "040-notice.toml.part", "040-notice.toml"},
  };
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-rename");
    write_small_show(tmp.path(), "지역균형발전포럼");
    Recorder rec;
    ShowWatcher watcher(tmp.path(), options(mode), rec.callback());

    for (const Case& c : cases) write_file(tmp.path() / c.temp_name, text_toml(std::string("새 제목 ") + c.tool));
    quiet_period(settle_ms);
    CHECK(rec.count() == 0);

    for (std::size_t i = 0; i < std::size(cases); ++i) {
      const Case& c = cases[i];
      const std::string tool = c.tool;
      CAPTURE(tool);
      fs::rename(tmp.path() / c.temp_name, tmp.path() / c.final_name);
      REQUIRE(rec.wait_for_count(i + 1));
      const Delivery got = rec.all()[i];
      CHECK(got.info.changed == std::vector<std::string>{c.final_name});
      CHECK(slide_title(got.result, fs::path(c.final_name).stem().string()) == std::string("새 제목 ") + c.tool);
    }
    quiet_period(settle_ms);
    CHECK(rec.count() == std::size(cases));
  }
}

TEST_CASE("files that are never content do not trigger a load") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-ignored");
    write_small_show(tmp.path(), "지역균형발전포럼");
    Recorder rec;
    ShowWatcher watcher(tmp.path(), options(mode), rec.callback());

    for (const char* name : {"~$draft.toml", ".DS_Store", "x.tmp", "010-cover.toml~", "Thumbs.db",
                             "__MACOSX/010-cover.toml", ".git/HEAD", "~syncthing~020-overview.toml.tmp"}) {
      write_file(tmp.path() / name, cover_toml("임시"));
    }
    fs::remove(tmp.path() / "x.tmp");
    quiet_period(settle_ms);
    CHECK(rec.count() == 0);

    // The watcher is alive: a real file after the ignored ones still loads,
    // and the batch names only it.
    write_file(tmp.path() / "030-notice.toml", text_toml("안내"));
    REQUIRE(rec.wait_for_count(1));
    CHECK(rec.all()[0].info.changed == std::vector<std::string>{"030-notice.toml"});
  }
}

TEST_CASE("a show folder deleted, then copied in again, is followed") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-recreate");
    const fs::path show = tmp.path() / "show";
    write_small_show(show, "지역균형발전포럼");
    Recorder rec;
    ShowWatcher watcher(show, options(mode), rec.callback());

    fs::remove_all(show);
    // Deleted: still a callback (load_show reports no show; the player keeps the last one).
    REQUIRE(rec.wait_until([](const auto& d) { return !d.empty() && !d.back().result.show; }));

    // Copied in again in one go (cp -r new show): a single load of the new show.
    const std::size_t before = rec.count();
    TempDir staging("watch-staging");
    write_small_show(staging.path() / "new", "초광역 연계협력을 통한 새로운 국토균형발전 전략");
    fs::copy(staging.path() / "new", show, fs::copy_options::recursive);
    REQUIRE(rec.wait_until([](const auto& d) {
      return !d.empty() && slide_title(d.back().result) == "초광역 연계협력을 통한 새로운 국토균형발전 전략";
    }));
    quiet_period(settle_ms);
    const auto got = rec.all();
    CHECK(got.size() == before + 1);
    CHECK(slide_title(got.back().result) == "초광역 연계협력을 통한 새로운 국토균형발전 전략");

    // Still watching the new folder.
    write_file(show / "010-cover.toml", cover_toml("지방의 새로운 도약!"));
    REQUIRE(rec.wait_until([](const auto& d) { return slide_title(d.back().result) == "지방의 새로운 도약!"; }));
  }
}

TEST_CASE("a symbolic link swapped to a new release loads the new target, then follows it") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-symlink");
    write_small_show(tmp.path() / "releases/v1", "지역균형발전포럼");
    write_small_show(tmp.path() / "releases/v2", "초광역 연계협력을 통한 새로운 국토균형발전 전략");
    const fs::path current = tmp.path() / "current";
    fs::create_directory_symlink("releases/v1", current);
    Recorder rec;
    ShowWatcher watcher(current, options(mode), rec.callback());

    // ln -sfn releases/v2 current: a new link renamed over the old one.
    fs::create_directory_symlink("releases/v2", tmp.path() / "current.new");
    fs::rename(tmp.path() / "current.new", current);
    REQUIRE(rec.wait_for_count(1));
    quiet_period(settle_ms);
    auto got = rec.all();
    REQUIRE(got.size() == 1);
    CHECK(slide_title(got[0].result) == "초광역 연계협력을 통한 새로운 국토균형발전 전략");

    // Edits in the new target are seen; edits in the old one are not.
    write_file(tmp.path() / "releases/v1/010-cover.toml", cover_toml("옛 릴리스"));
    quiet_period(settle_ms);
    CHECK(rec.count() == 1);
    write_file(tmp.path() / "releases/v2/010-cover.toml", cover_toml("지방의 새로운 도약!"));
    REQUIRE(rec.wait_for_count(2));
    CHECK(slide_title(rec.all()[1].result) == "지방의 새로운 도약!");
  }
}

TEST_CASE("a linked show whose target is deleted and copied again is followed") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-link-target");
    const fs::path target = tmp.path() / "releases/v1";
    write_small_show(target, "지역균형발전포럼");
    fs::create_directory_symlink("releases/v1", tmp.path() / "current");
    Recorder rec;
    ShowWatcher watcher(tmp.path() / "current", options(mode), rec.callback());

    fs::remove_all(target);
    REQUIRE(rec.wait_until([](const auto& d) { return !d.empty() && !d.back().result.show; }));
    write_small_show(target, "초광역 연계협력을 통한 새로운 국토균형발전 전략");
    REQUIRE(rec.wait_until([](const auto& d) {
      return slide_title(d.back().result) == "초광역 연계협력을 통한 새로운 국토균형발전 전략";
    }));
  }
}

TEST_CASE("a show folder whose parent does not exist yet is watched for") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-no-parent");
    const fs::path show = tmp.path() / "usb/shows/show";
    Recorder rec;
    ShowWatcher watcher(show, options(mode), rec.callback());
    CHECK(watcher.description().find(show.string()) != std::string::npos);

    write_small_show(show, "지역균형발전포럼");
    REQUIRE(
        rec.wait_until([](const auto& d) { return !d.empty() && slide_title(d.back().result) == "지역균형발전포럼"; }));
    // Then watched like any other show folder.
    const std::size_t before = rec.count();
    write_file(show / "010-cover.toml", cover_toml("지방의 새로운 도약!"));
    REQUIRE(rec.wait_for_count(before + 1));
    CHECK(slide_title(rec.all().back().result) == "지방의 새로운 도약!");
  }
}

TEST_CASE("200 slide files copied at once load once") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-burst");
    write_small_show(tmp.path(), "지역균형발전포럼");
    Recorder rec;
    ShowWatcher watcher(tmp.path(), options(mode), rec.callback());

    for (int i = 0; i < 200; ++i) {
      write_file(tmp.path() / ("1" + std::to_string(1000 + i) + "-notice.toml"),
                 text_toml("안내 " + std::to_string(i)));
    }
    REQUIRE(rec.wait_for_count(1, 10000ms));
    quiet_period(settle_ms);
    const auto got = rec.all();
    REQUIRE(got.size() == 1);
    REQUIRE(got[0].result.show);
    CHECK(got[0].result.show->slides.size() == 202);
    CHECK(got[0].info.changed.size() == 200);
  }
}

TEST_CASE("a change made while a load is being delivered starts another load") {
  TempDir tmp("watch-busy");
  write_small_show(tmp.path(), "지역균형발전포럼");
  Recorder rec;
  // The first delivery holds the watcher thread until the test has made its
  // second change, so that change lands while the watcher is busy.
  std::mutex m;
  std::condition_variable cv;
  bool in_first = false, release = false;
  rec.set_hook([&] {
    std::unique_lock lock(m);
    if (in_first) return;
    in_first = true;
    cv.notify_all();
    cv.wait_for(lock, 5s, [&] { return release; });
  });
  ShowWatcher watcher(tmp.path(), options(), rec.callback());

  write_file(tmp.path() / "030-notice.toml", text_toml("첫 안내"));
  {
    std::unique_lock lock(m);
    REQUIRE(cv.wait_for(lock, 5s, [&] { return in_first; }));
  }
  write_file(tmp.path() / "010-cover.toml", cover_toml("초광역 연계협력을 통한 새로운 국토균형발전 전략"));
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  REQUIRE(rec.wait_for_count(2));
  quiet_period(settle_ms);
  const auto got = rec.all();
  REQUIRE(got.size() == 2);
  CHECK(got[0].info.changed == std::vector<std::string>{"030-notice.toml"});
  CHECK(got[1].info.changed == std::vector<std::string>{"010-cover.toml"});
  CHECK(slide_title(got[1].result) == "초광역 연계협력을 통한 새로운 국토균형발전 전략");
  CHECK(slide_title(got[1].result, "030-notice") == "첫 안내");
}

TEST_CASE("a playlist root: included event folders and new folders are watched") {
  TempDir tmp("watch-playlist");
  fs::copy(examples_dir(), tmp.path() / "content", fs::copy_options::recursive);
  fs::remove(tmp.path() / "content/FORMAT.md");
  const fs::path root = tmp.path() / "content";
  Recorder rec;
  ShowWatcher watcher(root, options(), rec.callback());
  CHECK(watcher.description() == "inotify on " + root.string() + " (3 folders)");

  write_file(root / "seminar-2020/010-cover.toml", cover_toml("국토연구원 대회의실 세미나"));
  REQUIRE(rec.wait_for_count(1));
  CHECK(rec.all()[0].info.changed == std::vector<std::string>{"seminar-2020/010-cover.toml"});
  CHECK(slide_title(rec.all()[0].result, "seminar-2020/010-cover") == "국토연구원 대회의실 세미나");

  // A folder made first and filled a moment later (a new event being copied in).
  fs::create_directory(root / "expo-2024");
  std::this_thread::sleep_for(50ms);
  write_small_show(root / "expo-2024", "지방의 새로운 도약!");
  REQUIRE(rec.wait_for_count(2));
  quiet_period(settle_ms);
  const auto got = rec.all();
  REQUIRE(got.size() == 2);
  CHECK(contains(got[1].info.changed, "expo-2024/010-cover.toml"));
  CHECK(contains(got[1].info.changed, "expo-2024/show.toml"));
  CHECK(watcher.description() == "inotify on " + root.string() + " (4 folders)");
}

TEST_CASE("an included event folder linked to another folder inside the show loads once per change") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-linked-include");
    const fs::path root = tmp.path() / "content";
    write_file(root / "show.toml", "include = [\"forum-2023\"]\n");
    // The loader takes only links that stay inside the playlist folder.
    write_small_show(root / "releases/forum-2023-v1", "지역균형발전포럼");
    fs::create_directory_symlink("releases/forum-2023-v1", root / "forum-2023");
    Recorder rec;
    ShowWatcher watcher(root, options(mode), rec.callback());

    write_file(root / "forum-2023/010-cover.toml", cover_toml("지방의 새로운 도약!"));
    REQUIRE(rec.wait_for_count(1));
    quiet_period(settle_ms);
    const auto got = rec.all();
    REQUIRE(got.size() == 1);
    // Either name of the one file may be reported; nothing else changed.
    for (const auto& changed : got[0].info.changed) {
      CAPTURE(changed);
      CHECK((changed == "forum-2023/010-cover.toml" || changed == "releases/forum-2023-v1/010-cover.toml"));
    }
    CHECK(slide_title(got[0].result, "forum-2023/010-cover") == "지방의 새로운 도약!");
  }
}

TEST_CASE("an extra folder is watched, even one made after the watcher started") {
  struct Case {
    const char* where;
    const char* fonts_dir;  // relative to the temp folder; the show is "show"
    const char* reported;
  };
  for (const Case c : {Case{"beside the show", "fonts", "../fonts/NotoSansKR.otf"},
                       Case{"inside the show", "show/fonts", "fonts/NotoSansKR.otf"}}) {
    for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
      CAPTURE(mode_name(mode));
      const std::string where = c.where;
      CAPTURE(where);
      TempDir tmp("watch-extra");
      write_small_show(tmp.path() / "show", "지역균형발전포럼");
      WatchOptions o = options(mode);
      o.extra_dirs = {tmp.path() / c.fonts_dir};
      Recorder rec;
      ShowWatcher watcher(tmp.path() / "show", o, rec.callback());

      write_file(tmp.path() / c.fonts_dir / "NotoSansKR.otf", "not really a font");
      REQUIRE(rec.wait_for_count(1));
      CHECK(contains(rec.all().back().info.changed, c.reported));
      // The show itself is still watched in full alongside.
      write_file(tmp.path() / "show/010-cover.toml", cover_toml("지방의 새로운 도약!"));
      REQUIRE(rec.wait_until([](const auto& d) { return slide_title(d.back().result) == "지방의 새로운 도약!"; }));
    }
  }
}

TEST_CASE("polling sees an edit within one poll interval plus the settle time") {
  TempDir tmp("watch-poll");
  write_small_show(tmp.path(), "지역균형발전포럼");
  constexpr int poll_interval_ms = 200;
  Recorder rec;
  ShowWatcher watcher(tmp.path(), options(WatchMode::poll, poll_interval_ms), rec.callback());
  CHECK_FALSE(watcher.uses_inotify());
  CHECK(watcher.description() == "polling " + tmp.path().string() + " every 200 ms (poll mode chosen)");

  const auto written = Clock::now();
  write_file(tmp.path() / "010-cover.toml", cover_toml("초광역 연계협력을 통한 새로운 국토균형발전 전략"));
  REQUIRE(rec.wait_for_count(1));
  const auto got = rec.all();
  const auto delay_ms = std::chrono::duration_cast<std::chrono::milliseconds>(got[0].at - written).count();
  CAPTURE(delay_ms);
  // The margin covers the load itself and a busy two-core machine.
  CHECK(delay_ms >= settle_ms);
  CHECK(delay_ms < poll_interval_ms + settle_ms + 1500);
  CHECK(slide_title(got[0].result) == "초광역 연계협력을 통한 새로운 국토균형발전 전략");
}

TEST_CASE("automatic mode uses inotify on local filesystems") {
  std::vector<fs::path> parents = {fs::temp_directory_path()};
  struct statfs st {};
  if (::statfs("/dev/shm", &st) == 0 && st.f_type == 0x01021994) parents.push_back("/dev/shm");  // TMPFS_MAGIC
  for (const auto& parent : parents) {
    CAPTURE(parent);
    const fs::path dir = parent / ("annae-test-watch-auto-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    write_small_show(dir, "지역균형발전포럼");
    {
      Recorder rec;
      ShowWatcher watcher(dir, options(WatchMode::automatic), rec.callback());
      CHECK(watcher.uses_inotify());
      CHECK(watcher.description() == "inotify on " + dir.string() + " (1 folder)");
    }
    fs::remove_all(dir);
  }
}

TEST_CASE("destroying the watcher is prompt and no callback follows") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-stop");
    write_small_show(tmp.path(), "지역균형발전포럼");
    Recorder rec;
    {
      auto idle = std::make_unique<ShowWatcher>(tmp.path(), options(mode), rec.callback());
      std::this_thread::sleep_for(50ms);
      const auto t0 = Clock::now();
      idle.reset();
      CHECK(Clock::now() - t0 < 500ms);
    }
    Clock::duration took{};
    {
      auto watcher = std::make_unique<ShowWatcher>(tmp.path(), options(mode), rec.callback());
      // A change is pending (settling) when the watcher goes.
      write_file(tmp.path() / "010-cover.toml", cover_toml("초광역 연계협력을 통한 새로운 국토균형발전 전략"));
      std::this_thread::sleep_for(std::chrono::milliseconds(mode == WatchMode::poll ? 250 : 50));
      const auto t0 = Clock::now();
      watcher.reset();
      took = Clock::now() - t0;
    }
    CHECK(took < 500ms);
    quiet_period(settle_ms);
    CHECK(rec.count() == 0);
  }
}

TEST_CASE("an idle watcher sleeps") {
  // The thread waits in poll() with a timeout: a busy loop would burn about a
  // second of CPU here, a sleeping watcher well under a few milliseconds.
  const auto cpu_ms = [] {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
  };
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-idle");
    write_small_show(tmp.path(), "지역균형발전포럼");
    Recorder rec;
    ShowWatcher watcher(tmp.path(), options(mode, 100), rec.callback());
    const double before = cpu_ms();
    std::this_thread::sleep_for(1000ms);
    const double used = cpu_ms() - before;
    CAPTURE(used);
    // Polling a three-file show ten times a second costs a few stat calls per poll.
    CHECK(used < 100.0);
    CHECK(rec.count() == 0);
  }
}

TEST_CASE("a folder that links outside the show is not watched: files changed there load nothing") {
  for (const WatchMode mode : {WatchMode::inotify, WatchMode::poll}) {
    CAPTURE(mode_name(mode));
    TempDir tmp("watch-link-outside");
    const fs::path root = tmp.path() / "content";
    write_small_show(root, "지역균형발전포럼");
    write_file(tmp.path() / "elsewhere" / "notes.txt", "1");
    // "photos -> ../elsewhere" (or "-> /"): the loader refuses it, and the
    // watcher must not walk, or wake up for, anything out there.
    fs::create_directory_symlink("../elsewhere", root / "photos");
    Recorder rec;
    ShowWatcher watcher(root, options(mode), rec.callback());
    quiet_period(settle_ms);
    write_file(tmp.path() / "elsewhere" / "notes.txt", "22");
    write_file(tmp.path() / "elsewhere" / "new.toml", cover_toml("바깥"));
    quiet_period(settle_ms + 500);
    CHECK(rec.all().empty());
    // A change inside still loads.
    write_file(root / "010-cover.toml", cover_toml("지방의 새로운 도약!"));
    CHECK(rec.wait_for_count(1));
  }
}
