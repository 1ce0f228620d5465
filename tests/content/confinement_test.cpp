// Nothing outside the show folder is read: links out, special files, include
// loops and font paths each get one diagnostic a staffer can act on, and the
// rest of the show still plays. Every case runs with both resolvers
// (openat2, and the O_NOFOLLOW walk of kernels older than 5.6).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <chrono>
#include <fstream>
#include <functional>

#include "core/confined_dir.hpp"
#include "show_fixture.hpp"

namespace fs = std::filesystem;
using annae::files::ConfinedDir;
using annae::test::format_all;
using annae::test::load_from;
using annae::test::TempDir;

namespace {

const std::string cover = "kind = \"cover\"\ntitle = \"지역균형발전포럼\"\n";
const std::string outside_slide = "kind = \"cover\"\ntitle = \"바깥 폴더의 슬라이드\"\n";
const std::string show_toml = "title = \"지역균형발전포럼\"\n[event]\ndate = \"2023-09-26\"\n";

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// `show` gets show.toml and 010-cover.toml; `outside` (a sibling) holds a valid slide.
struct Case {
  const char* name;
  std::function<void(const fs::path& show, const fs::path& outside)> make;
  std::string expected;  // the diagnostics, exactly
  std::size_t slides;    // how many slides still play
};

const Case cases[] = {
    // a slide file that is a link to a valid slide in another folder: not played
    {"slide-link-outside",
     [](const fs::path& show, const fs::path&) { fs::create_symlink("../outside/020-agenda.toml", show / "020-agenda.toml"); },
     "020-agenda.toml: error: this file is a link to a file outside the show folder, so it was not read; copy the "
     "file itself here\n",
     1},
    // a slide file that is a link to /etc/passwd
    {"slide-link-etc",
     [](const fs::path& show, const fs::path&) { fs::create_symlink("/etc/passwd", show / "020-passwd.toml"); },
     "020-passwd.toml: error: this file is a link to a file outside the show folder, so it was not read; copy the "
     "file itself here\n",
     1},
    // show.toml itself a link to /etc/shadow: defaults, said once
    {"show-toml-link",
     [](const fs::path& show, const fs::path&) {
       fs::remove(show / "show.toml");
       fs::create_symlink("/etc/shadow", show / "show.toml");
     },
     "show.toml: error: this file is a link to a file outside the show folder, so it was not read; copy the file "
     "itself here\n",
     1},
    // a link to a file beside it is fine (ln -s layouts)
    {"link-inside",
     [](const fs::path& show, const fs::path&) {
       write(show / "versions" / "020-cover-v2.toml", cover);
       fs::create_symlink("versions/020-cover-v2.toml", show / "020-cover.toml");
     },
     "", 2},
    // an image folder that links to /etc, and a misspelt name: no listing of /etc
    {"image-folder-link",
     [](const fs::path& show, const fs::path&) {
       fs::create_symlink("/etc", show / "photos");
       write(show / "020-photo.toml", "kind = \"image\"\nfile = \"photos/passwdd\"\n");
     },
     "020-photo.toml:2:8: error: image \"photos/passwdd\" is a link to a file outside the show folder; copy the "
     "image itself into the show folder\n",
     1},
    // a FIFO named like a slide: refused at once, never waited on
    {"fifo",
     [](const fs::path& show, const fs::path&) { REQUIRE(::mkfifo((show / "020-pipe.toml").c_str(), 0644) == 0); },
     "020-pipe.toml: error: this is a special file (a pipe, device or socket), not an ordinary file, so it was not "
     "read\n",
     1},
    // a link that points at itself
    {"link-loop",
     [](const fs::path& show, const fs::path&) { fs::create_symlink("020-loop.toml", show / "020-loop.toml"); },
     "020-loop.toml: error: this file is a link that leads in a circle, so it was not read\n", 1},
    // include of a folder that links back to the show: it would play itself
    {"include-loop",
     [](const fs::path& show, const fs::path&) {
       write(show / "show.toml", "include = [\"loop\"]\n" + show_toml);
       fs::create_symlink(".", show / "loop");
     },
     "show.toml:1:12: error: the folder \"loop\" listed in 'include' is this folder itself (a link back to it), so "
     "the show would play itself\n",
     1},
    // include of the same folder under two names
    {"include-twice-by-link",
     [](const fs::path& show, const fs::path&) {
       write(show / "show.toml", "include = [\"forum\", \"again\"]\n");
       write(show / "forum" / "010-cover.toml", cover);
       fs::create_symlink("forum", show / "again");
     },
     "show.toml:1:21: error: the folder \"again\" listed in 'include' is the same folder as \"forum\" (a link to "
     "it), so it would play twice\n"
     "forum/show.toml: warning: there is no show.toml in this folder, so default settings are used\n",
     2},
    // include of a link to a sibling folder
    {"include-link-outside",
     [](const fs::path& show, const fs::path&) {
       write(show / "show.toml", "include = [\"other\"]\n");
       fs::create_symlink("../outside", show / "other");
     },
     "show.toml:1:12: error: the folder \"other\" listed in 'include' is a link to a folder outside this one; copy "
     "the show itself here\n",
     1},
    // a font setting that names a file: a warning, and the default font
    {"font-path",
     [](const fs::path& show, const fs::path&) {
       write(show / "show.toml", show_toml + "[theme.fonts]\nbody = \"/etc/shadow\"\nheading = \"../fonts/x.ttf\"\n");
     },
     "show.toml:5:8: warning: [theme.fonts] 'body' \"/etc/shadow\" is a file name; write a font family name, like "
     "\"Noto Sans KR\" (the box's technician can install other fonts in annae's fonts folder)\n"
     "show.toml:6:11: warning: [theme.fonts] 'heading' \"../fonts/x.ttf\" is a file name; write a font family "
     "name, like \"Noto Sans KR\" (the box's technician can install other fonts in annae's fonts folder)\n",
     1},
};

}  // namespace

TEST_CASE("links out, special files, include loops and font paths: one clear diagnostic each, nothing outside read") {
  for (const bool walk : {false, true}) {
    CAPTURE(walk);
    ConfinedDir::use_walk_for_tests(walk);
    for (const Case& c : cases) {
      CAPTURE(c.name);
      TempDir temp(c.name);
      const fs::path show = temp.path() / "show";
      write(show / "show.toml", show_toml);
      write(show / "010-cover.toml", cover);
      write(temp.path() / "outside" / "020-agenda.toml", outside_slide);
      c.make(show, temp.path() / "outside");
      const auto started = std::chrono::steady_clock::now();
      const auto result = load_from(temp.path(), "show");
      CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
      CHECK(format_all(result.diagnostics) == c.expected);
      REQUIRE(result.show);
      CHECK(result.show->slides.size() == c.slides);
      for (const auto& slide : result.show->slides) CHECK(slide.id.find("바깥") == std::string::npos);
    }
  }
  ConfinedDir::use_walk_for_tests(false);
}

TEST_CASE("a device node in the show folder is refused without being opened") {
  TempDir temp("device");
  const fs::path show = temp.path() / "show";
  write(show / "010-cover.toml", cover);
  if (::mknod((show / "020-zero.toml").c_str(), S_IFCHR | 0644, makedev(1, 5)) != 0) {
    MESSAGE("mknod needs root; skipped");
    return;
  }
  const auto result = load_from(temp.path(), "show");
  CHECK(format_all(result.diagnostics) ==
        "show.toml: warning: there is no show.toml in this folder, so default settings are used\n"
        "020-zero.toml: error: this is a special file (a pipe, device or socket), not an ordinary file, so it was "
        "not read\n");
}

TEST_CASE("a show folder that is itself a link (ln -sfn layouts) plays as before") {
  TempDir temp("linked-root");
  write(temp.path() / "v1" / "010-cover.toml", cover);
  write(temp.path() / "v1" / "show.toml", show_toml);
  fs::create_symlink("v1", temp.path() / "current");
  const auto result = load_from(temp.path(), "current");
  CHECK(format_all(result.diagnostics) == "");
  REQUIRE(result.show);
  CHECK(result.show->slides.size() == 1);
}

TEST_CASE("file names that would reach a terminal raw are reported, not skipped in silence") {
  TempDir temp("names");
  const fs::path show = temp.path() / "show";
  write(show / "show.toml", show_toml);
  write(show / "010-cover.toml", cover);
  write(show / "020-\x1b[31mred.toml", cover);  // ESC: a terminal would obey it
  write(show / "030-\xff\xfe.toml", cover);     // bytes that are no encoding
  const auto result = load_from(temp.path(), "show");
  const std::string all = format_all(result.diagnostics);
  CHECK(all.find("control characters") != std::string::npos);
  CHECK(all.find("not readable text") != std::string::npos);
  REQUIRE(result.show);
  CHECK(result.show->slides.size() == 2);  // the cover and the one with the odd bytes; not the ESC one
  CHECK(result.diagnostics.has_errors());
}
