// The USB import: a good stick replaces the show folder in one swap, anything
// else (a broken show, a stick pulled out, too much data, a second import)
// leaves it byte for byte as it was, with no temporary folder behind; and a
// watching player loads exactly once per import.
#include "box/import.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/ignore.hpp"
#include "content/watcher.hpp"
#include "show_fixture.hpp"
#include "watch_support.hpp"

namespace fs = std::filesystem;
using namespace annae;
using namespace annae::test;
using box::import_show;
using box::ImportOptions;
using box::ImportResult;
using Outcome = box::ImportResult::Outcome;

namespace {

constexpr int settle_ms = 300;
const std::string forum_title = "지역균형발전포럼";
const std::string seminar_title = "초광역 연계협력을 통한 새로운 국토균형발전 전략";

std::string outcome_name(Outcome o) {
  switch (o) {
    case Outcome::imported:
      return "imported";
    case Outcome::rejected:
      return "rejected";
    case Outcome::failed:
      return "failed";
  }
  return "?";
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every entry under `dir` (links not followed), by relative path: its kind and bytes.
std::map<std::string, std::string> contents_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string rel = fs::relative(e.path(), dir).generic_string();
    if (e.is_symlink()) {
      out[rel] = "link " + fs::read_symlink(e.path()).string();
    } else if (e.is_directory()) {
      out[rel] = "folder";
    } else {
      out[rel] = "file " + read_bytes(e.path());
    }
  }
  return out;
}

// contents_of plus each entry's inode, mode, owner and modification time:
// equal before and after means nothing was replaced, rewritten or touched.
std::map<std::string, std::string> state_of(const fs::path& dir) {
  auto out = contents_of(dir);
  for (auto& [rel, text] : out) {
    struct stat st {};
    REQUIRE(::lstat((dir / rel).c_str(), &st) == 0);
    text += " ino=" + std::to_string(st.st_ino) + " mode=" + std::to_string(st.st_mode) +
            " uid=" + std::to_string(st.st_uid) + " gid=" + std::to_string(st.st_gid) +
            " mtime=" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  }
  struct stat root {};
  REQUIRE(::stat(dir.c_str(), &root) == 0);
  out["."] = "root ino=" + std::to_string(root.st_ino) + " mode=" + std::to_string(root.st_mode);
  return out;
}

// Hidden names in `dir`: where a temporary copy would be left.
std::vector<std::string> hidden_entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(".")) out.push_back(name);
  }
  return out;
}

// A slide in Korean under a Korean file name. It shares order number 070 with
// 070-contacts.toml, which is a warning only: the show still imports.
const char* korean_slide_name = "070-행사 안내.toml";
std::string korean_slide() {
  return "kind = \"text\"\ntitle = \"행사 안내\"\n"
         "paragraphs = [\"국토교통부는 9월 26일(화) 오후 2시 세종컨벤션센터에서 「지역균형발전포럼」에 참여한다.\"]\n";
}

// A box whose show folder plays the seminar, and a stick with the forum.
struct Box {
  TempDir tmp{"import"};
  fs::path expected = tmp.path() / "expected";  // exactly what the show folder must hold after the import
  fs::path stick = tmp.path() / "usb/annae";
  fs::path content = tmp.path() / "box/content";

  Box() {
    fs::copy(examples_dir() / "forum-2023", expected, fs::copy_options::recursive);
    write_file(expected / korean_slide_name, korean_slide());
    write_file(expected / "사진/안내 사진 설명.txt", "세종컨벤션센터 로비 사진\n");
    fs::create_directories(stick.parent_path());
    fs::copy(expected, stick, fs::copy_options::recursive);
    fs::create_directories(content.parent_path());
    fs::copy(examples_dir() / "seminar-2020", content, fs::copy_options::recursive);
  }
  // What operating systems and Office leave on a stick; none of it is content.
  void add_junk() const {
    write_file(stick / ".DS_Store", "Bud1");
    write_file(stick / "~$x.docx", "owner");
    write_file(stick / "Thumbs.db", "thumbs");
    write_file(stick / "__MACOSX/._010-cover.toml", "resource fork");
    write_file(stick / "020-overview.toml~", "backup");
  }
};

}  // namespace

TEST_CASE("find_show_on_stick: the annae folder in any case, else a show at the root") {
  struct Case {
    const char* what;
    std::vector<const char*> files;  // created on the stick (a trailing '/' makes a folder)
    const char* expected;            // relative to the mount point; "-" for none
  };
  const Case cases[] = {
      {"an annae folder", {"annae/010-cover.toml", "사진.jpg"}, "annae"},
      {"a FAT stick says ANNAE", {"ANNAE/SHOW.TOML"}, "ANNAE"},
      {"an exact annae wins over Annae (ext4 stick)", {"Annae/show.toml", "annae/show.toml"}, "annae"},
      {"an annae folder even with slides at the root", {"annae/", "010-cover.toml"}, "annae"},
      {"a show at the root", {"show.toml", "010-cover.toml"}, "."},
      {"slides at the root, no show.toml", {"010-행사 안내.toml"}, "."},
      {"a file named annae is not the show folder", {"annae"}, "-"},
      {"only ignored files", {".DS_Store", "~$안내.toml", "System Volume Information/x"}, "-"},
      {"an empty stick", {}, "-"},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    TempDir tmp("stick");
    const fs::path usb = tmp.path() / "usb";
    fs::create_directories(usb);
    for (const std::string file : c.files) {
      if (file.ends_with("/")) {
        fs::create_directories(usb / file);
      } else {
        write_file(usb / file, cover_toml(forum_title));
      }
    }
    const auto found = box::find_show_on_stick(usb);
    if (std::string(c.expected) == "-") {
      CHECK_FALSE(found.has_value());
    } else {
      REQUIRE(found.has_value());
      const fs::path expected = std::string(c.expected) == "." ? usb : usb / c.expected;
      CHECK(*found == expected);
    }
  }
  CHECK_FALSE(box::find_show_on_stick("/nonexistent/usb").has_value());  // nothing mounted
}

TEST_CASE("a good stick is imported: the show folder holds exactly the stick's show") {
  Box box;
  box.add_junk();
  fs::create_directory_symlink("/etc", box.stick / "etc-link");  // links could reach outside the stick
  fs::create_symlink("010-cover.toml", box.stick / "000-link.toml");
  REQUIRE(::mkfifo((box.stick / "pipe").c_str(), 0644) == 0);  // a special file would block a reader

  const ImportResult r = import_show(box.stick, box.content);
  CAPTURE(r.error);
  REQUIRE(r.outcome == Outcome::imported);
  CHECK(r.error.empty());
  CHECK(contents_of(box.content) == contents_of(box.expected));
  CHECK(fs::exists(box.content / korean_slide_name));
  CHECK(hidden_entries(box.content.parent_path()).empty());
  CHECK(hidden_entries(box.content).empty());

  // The counts are of the show's files only.
  std::size_t files = 0;
  std::uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(box.expected)) {
    if (!e.is_regular_file()) continue;
    ++files;
    bytes += e.file_size();
  }
  CHECK(r.files_copied == files);
  CHECK(r.bytes_copied == bytes);

  // The check is of the copy: complete, with the duplicate order number as a warning.
  CHECK(r.load.show);
  CHECK(r.load.show->settings.event.title.value == forum_title);
  CHECK_FALSE(r.load.diagnostics.has_errors());
  CHECK(r.load.diagnostics.warning_count() == 1);
  CHECK(slide_title(r.load, "070-행사 안내") == "행사 안내");
}

TEST_CASE("a stick whose show has errors is rejected and changes nothing") {
  struct Case {
    const char* what;
    const char* file;                // written on the stick, relative to the show
    const char* bytes;               // its content; nullptr deletes the stick's whole show but show.toml
    const char* first_error_prefix;  // of the first error, formatted
  };
  const Case cases[] = {
      {"a TOML syntax error", "020-overview.toml", "kind = \"text\"\ntitle = \"지방의 새로운 도약!\n",
       "020-overview.toml:2:21: error: this text has no closing double quote"},
      {"an unknown key", "010-cover.toml", "kind = \"cover\"\ntitel = \"지역균형발전포럼\"\n",
       "010-cover.toml:2:1: error: unknown key 'titel'; did you mean 'title'?"},
      {"a show with no slide", "show.toml", nullptr, "annae: error: "},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Box box;
    if (c.bytes) {
      write_file(box.stick / c.file, c.bytes);
    } else {
      for (const auto& e : fs::directory_iterator(box.stick)) {
        if (e.path().filename() != c.file) fs::remove_all(e.path());
      }
    }
    const auto before = state_of(box.content);

    // Run from the stick's parent, so the folder-level diagnostic names "annae".
    const auto cwd = fs::current_path();
    fs::current_path(box.stick.parent_path());
    const ImportResult r = import_show("annae", box.content);
    fs::current_path(cwd);

    CHECK(outcome_name(r.outcome) == "rejected");
    REQUIRE(r.load.diagnostics.has_errors());
    const auto& items = r.load.diagnostics.items();
    const auto first =
        std::find_if(items.begin(), items.end(), [](const auto& d) { return d.severity == Severity::error; });
    CAPTURE(format(*first));
    CHECK(format(*first).starts_with(c.first_error_prefix));
    CHECK(r.error.find(format_for_log(*first)) != std::string::npos);
    CHECK(r.error.ends_with("nothing was changed"));
    CHECK(r.files_copied == 0);
    CHECK(state_of(box.content) == before);
    CHECK(hidden_entries(box.content.parent_path()).empty());
  }
}

TEST_CASE("a stick that fails or changes during the copy changes nothing") {
  struct Case {
    const char* what;
    std::function<void(const fs::path& stick)> after_second_file;
    Outcome outcome;
    const char* error_part;  // found in the error text
    int files_copied;        // -1: not checked
  };
  const Case cases[] = {
      {"the stick is pulled out", [](const fs::path& stick) { fs::remove_all(stick); }, Outcome::failed,
       "cannot read 025-presenters.toml from the stick: No such file or directory — the stick was removed or is "
       "damaged; nothing was changed",
       2},
      {"a file not yet copied vanishes", [](const fs::path& stick) { fs::remove(stick / "050-strategy-notes-2.toml"); },
       Outcome::failed, "cannot read 050-strategy-notes-2.toml from the stick", 5},
      {"a file not yet copied is replaced by a FIFO (an open would wait forever)",
       [](const fs::path& stick) {
         fs::remove(stick / "050-strategy-notes-2.toml");
         REQUIRE(::mkfifo((stick / "050-strategy-notes-2.toml").c_str(), 0644) == 0);
       },
       Outcome::failed, "cannot read 050-strategy-notes-2.toml from the stick: no longer a regular file", 5},
      {"a file not yet copied becomes broken (checked again after the copy)",
       [](const fs::path& stick) { write_file(stick / "050-strategy-notes-2.toml", "kind = \"text\"\ntitle = [\n"); },
       Outcome::rejected, "050-strategy-notes-2.toml:2:", -1},
      {"the copy is interrupted by an exception",
       [](const fs::path&) { throw std::runtime_error("interrupted by the test"); }, Outcome::failed,
       "import stopped: interrupted by the test; nothing was changed", 2},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Box box;
    const auto before = state_of(box.content);
    std::vector<std::string> copied;
    ImportOptions options;
    options.after_file = [&](const fs::path& rel) {
      copied.push_back(rel.generic_string());
      if (copied.size() == 2) c.after_second_file(box.stick);
    };
    const ImportResult r = import_show(box.stick, box.content, options);
    CAPTURE(r.error);
    CHECK(outcome_name(r.outcome) == outcome_name(c.outcome));
    CHECK(r.error.find(c.error_part) != std::string::npos);
    CHECK(state_of(box.content) == before);
    CHECK(hidden_entries(box.content.parent_path()).empty());
    // Diagnostics of the copy name the show folder, never the temporary one.
    for (const auto& d : r.load.diagnostics.items()) CHECK(d.path.find(".import-") == std::string::npos);
    if (c.files_copied >= 0) CHECK(r.files_copied == static_cast<std::size_t>(c.files_copied));
  }
}

TEST_CASE("a problem with the copied folder as a whole names the show folder, not the temporary one") {
  Box box;
  // Two notes that are copied before any slide; then every slide on the stick breaks.
  write_file(box.stick / "00-사진 목록.txt", "로비 사진 3장\n");
  write_file(box.stick / "01-순서.txt", "개회, 주제발표, 토론\n");
  ImportOptions options;
  int copied = 0;
  options.after_file = [&](const fs::path&) {
    if (++copied != 2) return;
    for (const auto& e : fs::directory_iterator(box.stick)) {
      if (e.path().extension() == ".toml" && e.path().filename() != "show.toml") write_file(e.path(), "kind = [\n");
    }
  };
  const auto before = state_of(box.content);
  const ImportResult r = import_show(box.stick, box.content, options);
  CHECK(outcome_name(r.outcome) == "rejected");
  CHECK_FALSE(r.load.show);
  const auto& items = r.load.diagnostics.items();
  CAPTURE(format_all(r.load.diagnostics));
  CHECK(std::any_of(items.begin(), items.end(), [&](const auto& d) { return d.path == box.content.generic_string(); }));
  for (const auto& d : items) CHECK(d.path.find(".import-") == std::string::npos);
  CHECK(r.error.starts_with("the show copied from the stick (did the stick change while it was read?) has 10 errors"));
  CHECK(state_of(box.content) == before);
  CHECK(hidden_entries(box.content.parent_path()).empty());
}

TEST_CASE("a stick over the size limits is refused before anything is copied") {
  struct Case {
    const char* what;
    int file_count;  // sparse files, so the test writes no data
    std::uintmax_t bytes_each;
    const char* error_part;
  };
  const Case cases[] = {
      {"one file over the 32 MiB a show file can be", 1, 33ull << 20,
       "영상/홍보 영상.mp4 on the stick is 33.0 MiB; a file in a show can be at most 32.0 MiB"},
      {"more than 2 GiB in all", 65, 32ull << 20, "the show on the stick is more than 2.0 GiB"},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Box box;
    const auto before = state_of(box.content);
    for (int i = 0; i < c.file_count; ++i) {
      const fs::path file =
          box.stick / "영상" / (c.file_count == 1 ? "홍보 영상.mp4" : "영상 " + std::to_string(i) + ".mp4");
      write_file(file, "");
      fs::resize_file(file, c.bytes_each);
    }
    const ImportResult r = import_show(box.stick, box.content);
    CAPTURE(r.error);
    CHECK(outcome_name(r.outcome) == "failed");
    CHECK(r.error.find(c.error_part) != std::string::npos);
    CHECK(r.files_copied == 0);
    CHECK(state_of(box.content) == before);
    CHECK(hidden_entries(box.content.parent_path()).empty());
  }
}

TEST_CASE("a missing show folder is created, with its parents") {
  Box box;
  const fs::path content = box.tmp.path() / "new-box/var/lib/annae/content";
  const ImportResult r = import_show(box.stick, content);
  CAPTURE(r.error);
  REQUIRE(r.outcome == Outcome::imported);
  CHECK(contents_of(content) == contents_of(box.expected));
  CHECK(hidden_entries(content.parent_path()).empty());
}

TEST_CASE("a show folder that is a symbolic link: the link is swapped, the technician's release stays") {
  struct Case {
    const char* what;
    bool absolute_link;
  };
  for (const Case c : {Case{"ln -sfn releases/v1 content", false}, Case{"ln -sfn /abs/releases/v1 content", true}}) {
    const std::string what = c.what;
    CAPTURE(what);
    Box box;
    const fs::path box_dir = box.content.parent_path();
    const fs::path v1 = box_dir / "releases/v1";
    fs::create_directories(v1.parent_path());
    fs::rename(box.content, v1);
    fs::create_directory_symlink(c.absolute_link ? v1 : fs::path("releases/v1"), box.content);
    const auto v1_before = state_of(v1);

    ImportResult r = import_show(box.stick, box.content);
    CAPTURE(r.error);
    REQUIRE(r.outcome == Outcome::imported);
    REQUIRE(fs::is_symlink(box.content));
    const fs::path first_link = fs::read_symlink(box.content);
    CHECK(first_link.is_absolute() == c.absolute_link);
    CHECK(first_link.filename().string().starts_with("content-import-"));
    CHECK(fs::equivalent(box.content, box_dir / "releases" / first_link.filename()));
    CHECK(contents_of(box.content) == contents_of(box.expected));
    CHECK(state_of(v1) == v1_before);  // the technician's release: kept for rollback

    // A second import replaces the first import's release, not v1.
    write_file(box.stick / "010-cover.toml", cover_toml("지방의 새로운 도약!"));
    r = import_show(box.stick, box.content);
    REQUIRE(r.outcome == Outcome::imported);
    const fs::path second_link = fs::read_symlink(box.content);
    CHECK(second_link != first_link);
    CHECK_FALSE(fs::exists(box_dir / "releases" / first_link.filename()));
    CHECK(read_bytes(box.content / "010-cover.toml") == cover_toml("지방의 새로운 도약!"));
    CHECK(state_of(v1) == v1_before);
    std::vector<std::string> releases;
    for (const auto& e : fs::directory_iterator(box_dir / "releases")) releases.push_back(e.path().filename().string());
    std::sort(releases.begin(), releases.end());
    CHECK(releases == std::vector<std::string>{second_link.filename().string(), "v1"});
    CHECK(hidden_entries(box_dir).empty());
  }
}

TEST_CASE("leftovers of a crashed import are removed, other hidden files are not") {
  Box box;
  const fs::path parent = box.content.parent_path();
  write_file(parent / ".content.import-99999/010-cover.toml", cover_toml("반쯤 복사된 쇼"));
  fs::create_directories(parent / ".content.old-4242/forum-2023");
  fs::create_directory_symlink("nowhere", parent / ".content.link-77");
  write_file(parent / ".content.keep", "not an import's");
  write_file(parent / ".other.import-1/x", "another folder's import");

  const ImportResult r = import_show(box.stick, box.content);
  REQUIRE(r.outcome == Outcome::imported);
  auto hidden = hidden_entries(parent);
  std::sort(hidden.begin(), hidden.end());
  CHECK(hidden == std::vector<std::string>{".content.keep", ".other.import-1"});
}

TEST_CASE("a second import while one is running fails at once and changes nothing") {
  Box box;
  const auto before = state_of(box.content);
  // The running import holds a lock on the show folder's parent.
  const int fd = ::open(box.content.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  const ImportResult r = import_show(box.stick, box.content);
  ::close(fd);
  CHECK(outcome_name(r.outcome) == "failed");
  CHECK(r.error == "another import into " + box.content.string() + " is running; nothing was changed");
  CHECK(state_of(box.content) == before);
}

TEST_CASE("the new tree takes the show folder's mode, and its owner when run as root") {
  struct Case {
    const char* what;
    mode_t root_mode;
    mode_t dir_mode;
    mode_t file_mode;
  };
  const Case cases[] = {
      {"setgid, group-writable (annae group)", 02775, 02775, 0664},
      {"owner-writable only", 0755, 0755, 0644},
      {"no access for others", 0750, 0750, 0640},
  };
  const bool root = ::geteuid() == 0;
  if (!root) MESSAGE("not root: owner and group are not checked");
  // The modes must not depend on the importing process's umask.
  const mode_t umask_before = ::umask(077);
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Box box;
    // The whole example playlist, for folders below the show folder.
    fs::remove_all(box.stick);
    fs::copy(examples_dir(), box.stick, fs::copy_options::recursive);
    if (root) REQUIRE(::chown(box.content.c_str(), 1234, 2345) == 0);
    REQUIRE(::chmod(box.content.c_str(), c.root_mode) == 0);

    const ImportResult r = import_show(box.stick, box.content);
    CAPTURE(r.error);
    REQUIRE(r.outcome == Outcome::imported);
    std::size_t dirs = 0, files = 0;
    for (const auto& e : fs::recursive_directory_iterator(box.content)) {
      const std::string rel = fs::relative(e.path(), box.content).generic_string();
      CAPTURE(rel);
      struct stat st {};
      REQUIRE(::lstat(e.path().c_str(), &st) == 0);
      CHECK((S_ISDIR(st.st_mode) ? (++dirs, st.st_mode & 07777) == c.dir_mode
                                 : (++files, st.st_mode & 07777) == c.file_mode));
      if (root) {
        CHECK(st.st_uid == 1234);
        CHECK(st.st_gid == 2345);
      }
    }
    struct stat top {};
    REQUIRE(::stat(box.content.c_str(), &top) == 0);
    CHECK((top.st_mode & 07777) == c.dir_mode);
    if (root) CHECK(top.st_uid == 1234);
    CHECK(dirs == 2);
    CHECK(files > 10);
  }
  // With no show folder to follow: 0755 and 0644, the process's own ids.
  {
    Box box;
    const fs::path content = box.tmp.path() / "fresh/content";
    REQUIRE(import_show(box.stick, content).outcome == Outcome::imported);
    struct stat top {
    }, file{};
    REQUIRE(::stat(content.c_str(), &top) == 0);
    REQUIRE(::stat((content / "010-cover.toml").c_str(), &file) == 0);
    CHECK((top.st_mode & 07777) == 0755);
    CHECK((file.st_mode & 07777) == 0644);
    CHECK(file.st_uid == ::geteuid());
  }
  ::umask(umask_before);
}

TEST_CASE("a watching player loads once per import, the complete new show, and never for a refused one") {
  struct Case {
    const char* what;
    const char* layout;  // "folder", "link" or "missing"
    bool no_exchange;    // swap as on a filesystem without RENAME_EXCHANGE
    content::WatchMode mode;
  };
  using content::WatchMode;
  const Case cases[] = {
      {"a folder swapped with RENAME_EXCHANGE, inotify", "folder", false, WatchMode::inotify},
      {"a folder swapped with RENAME_EXCHANGE, polling", "folder", false, WatchMode::poll},
      {"a folder renamed aside, then the copy renamed in", "folder", true, WatchMode::inotify},
      {"a symbolic link swapped to the new release", "link", false, WatchMode::inotify},
      {"no show folder yet", "missing", false, WatchMode::inotify},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    Box box;
    const std::string layout = c.layout;
    if (layout == "link") {
      fs::rename(box.content, box.content.parent_path() / "v1");
      fs::create_directory_symlink("v1", box.content);
    } else if (layout == "missing") {
      fs::remove_all(box.content);
    }
    content::WatchOptions watch_options;
    watch_options.mode = c.mode;
    watch_options.settle_ms = settle_ms;
    watch_options.poll_interval_ms = 250;
    Recorder rec;
    content::ShowWatcher watcher(box.content, watch_options, rec.callback());

    ImportOptions options;
    options.simulate_no_rename_exchange = c.no_exchange;
    const ImportResult r = import_show(box.stick, box.content, options);
    CAPTURE(r.error);
    REQUIRE(r.outcome == Outcome::imported);
    REQUIRE(rec.wait_for_count(1));

    // Refused imports: one checked on the stick, one only after the copy.
    TempDir broken_tmp("import-broken");
    const fs::path broken = broken_tmp.path() / "annae";
    fs::copy(box.stick, broken, fs::copy_options::recursive);
    write_file(broken / "010-cover.toml", "kind = \"cover\"\ntitle = \"지역균형발전포럼\n");
    CHECK(outcome_name(import_show(broken, box.content).outcome) == "rejected");
    ImportOptions spoil;
    spoil.after_file = [&](const fs::path& rel) {
      if (rel == "020-overview.toml") write_file(box.stick / "050-strategy-notes-2.toml", "title = [\n");
    };
    CHECK(outcome_name(import_show(box.stick, box.content, spoil).outcome) == "rejected");

    quiet_period(settle_ms);
    const auto got = rec.all();
    REQUIRE(got.size() == 1);
    CHECK(got[0].result.complete());
    REQUIRE(got[0].result.show);
    CHECK(got[0].result.show->settings.event.title.value == forum_title);
    CHECK(got[0].result.show->slides.size() == r.load.show->slides.size());
    CHECK(slide_title(got[0].result, "070-행사 안내") == "행사 안내");
  }
}

TEST_CASE("at boot, what an interrupted copy left is removed and the show stays as it was") {
  struct Case {
    const char* what;
    std::vector<std::string> left;  // created beside or inside box/content before the boot
    bool content_is_link = false;
  };
  const Case cases[] = {
      // the power failed during a USB import: its half copy beside the show folder
      {"half copy of an import", {"box/.content.import-4242/020-overview.toml"}},
      // the power failed during the swap's fallback rename
      {"old show of an import's rename", {"box/.content.old-77/010-cover.toml"}},
      // an rsync --delay-updates push cut off: its staged files in each folder
      {"rsync staging folders", {"box/content/.~tmp~/010-cover.toml", "box/content/photos/.~tmp~/hall.jpg"}},
      // ... and the file it was writing when the power failed
      {"rsync's file in transfer", {"box/content/photos/.clip-3.bin.afcYbQ"}},
      // a release layout (content -> releases/…): an import's unfinished release
      {"unfinished release of an import", {"box/content-import-20260101-000000/010-cover.toml"}, true},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    TempDir tmp{"tidy"};
    const fs::path box = tmp.path() / "box";
    const fs::path show = c.content_is_link ? box / "content-v1" : box / "content";
    fs::create_directories(box);
    fs::copy(examples_dir() / "forum-2023", show, fs::copy_options::recursive);
    fs::create_directories(show / "photos");
    if (c.content_is_link) fs::create_directory_symlink("content-v1", box / "content");
    const auto before = contents_of(show);  // (removing .~tmp~ touches its folder's mtime)
    for (const auto& rel : c.left) {
      fs::create_directories((tmp.path() / rel).parent_path());
      write_file(tmp.path() / rel, "half");
    }
    const auto tidy = box::tidy_show_folder(box / "content");
    CHECK(tidy.error.empty());
    CHECK(tidy.removed.size() == c.left.size());
    for (const auto& rel : c.left) CHECK_FALSE(fs::exists(tmp.path() / rel));
    CHECK(contents_of(show) == before);
  }
}

TEST_CASE("while an import holds the lock, the boot-time tidy touches nothing") {
  TempDir tmp{"tidy-busy"};
  const fs::path box = tmp.path() / "box";
  fs::create_directories(box);
  fs::copy(examples_dir() / "forum-2023", box / "content", fs::copy_options::recursive);
  fs::create_directories(box / ".content.import-1");
  write_file(box / ".content.import-1/010-cover.toml", "being copied");
  const int lock = ::open(box.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(::flock(lock, LOCK_EX) == 0);
  const auto tidy = box::tidy_show_folder(box / "content");
  ::close(lock);
  CHECK(tidy.import_running);
  CHECK(fs::exists(box / ".content.import-1/010-cover.toml"));
}
