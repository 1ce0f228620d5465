// ConfinedDir: nothing outside a show folder can be opened through it, by
// either resolver (openat2, and the O_NOFOLLOW walk of older kernels).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <fstream>

#include "core/confined_dir.hpp"

namespace fs = std::filesystem;
using annae::files::ConfinedDir;
using annae::files::EntryKind;

namespace {

struct Tree {
  fs::path top = fs::temp_directory_path() / ("annae-confined-" + std::to_string(::getpid()));
  fs::path show = top / "show";

  Tree() {
    fs::remove_all(top);
    fs::create_directories(show / "sub");
    fs::create_directories(top / "outside");
    write(show / "010-cover.toml", "title = \"지역균형발전포럼\"\n");
    write(show / "sub" / "020-agenda.toml", "kind = \"agenda\"\n");
    write(top / "outside" / "secret.toml", "title = \"비밀\"\n");
    fs::create_symlink("010-cover.toml", show / "same-folder-link.toml");
    fs::create_symlink("../010-cover.toml", show / "sub" / "up-link.toml");
    fs::create_symlink("sub", show / "sub-link");
    fs::create_symlink("/etc/passwd", show / "absolute-link.toml");
    fs::create_symlink("../outside/secret.toml", show / "climbing-link.toml");
    fs::create_symlink("/etc", show / "photos");
    fs::create_symlink("../outside", show / "outside-folder");
    fs::create_symlink("loop.toml", show / "loop.toml");
    fs::create_symlink("nothing.toml", show / "dangling.toml");
    REQUIRE(::mkfifo((show / "fifo.toml").c_str(), 0644) == 0);
  }
  ~Tree() { fs::remove_all(top); }

  static void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }
};

struct Case {
  const char* relative;
  EntryKind kind;
  const char* why;
};

const Case cases[] = {
    {"010-cover.toml", EntryKind::regular, "a slide file"},
    {"", EntryKind::directory, "the folder itself"},
    {"sub", EntryKind::directory, "a sub-folder"},
    {"same-folder-link.toml", EntryKind::regular, "a link to a file beside it stays usable"},
    {"sub/up-link.toml", EntryKind::regular, "a link up to the show's own top folder is still inside"},
    {"sub-link/020-agenda.toml", EntryKind::regular, "through a folder link that stays inside"},
    {"sub/../010-cover.toml", EntryKind::regular, "'..' that stays inside"},
    {"absolute-link.toml", EntryKind::outside, "a link to /etc/passwd"},
    {"climbing-link.toml", EntryKind::outside, "a relative link that climbs out"},
    {"photos/passwd", EntryKind::outside, "a folder link to /etc"},
    {"outside-folder/secret.toml", EntryKind::outside, "a folder link to a sibling folder"},
    {"../outside/secret.toml", EntryKind::outside, "'..' out of the folder"},
    {"sub/../../outside/secret.toml", EntryKind::outside, "'..' out through a sub-folder"},
    {"/etc/passwd", EntryKind::outside, "an absolute path"},
    {"loop.toml", EntryKind::link_loop, "a link to itself is refused, not followed forever"},
    {"dangling.toml", EntryKind::missing, "a link to nothing"},
    {"nothing.toml", EntryKind::missing, "no such file"},
    {"fifo.toml", EntryKind::special, "a FIFO"},
};

void for_each_resolver(const std::function<void()>& body) {
  for (const bool walk : {false, true}) {
    CAPTURE(walk);
    ConfinedDir::use_walk_for_tests(walk);
    body();
  }
  ConfinedDir::use_walk_for_tests(false);
}

}  // namespace

TEST_CASE("what a path in the show folder is, as either resolver sees it") {
  Tree tree;
  const ConfinedDir dir = ConfinedDir::open(tree.show);
  REQUIRE(dir.ok());
  for_each_resolver([&] {
    for (const Case& c : cases) {
      CAPTURE(c.why);
      CHECK(dir.info(c.relative).kind == c.kind);
    }
  });
}

TEST_CASE("reading: inside files are read, everything else is refused without reading") {
  Tree tree;
  const ConfinedDir dir = ConfinedDir::open(tree.show);
  for_each_resolver([&] {
    // a file and a link to it read the same bytes
    CHECK(dir.read("010-cover.toml", 1024).bytes == "title = \"지역균형발전포럼\"\n");
    CHECK(dir.read("same-folder-link.toml", 1024).bytes == "title = \"지역균형발전포럼\"\n");
    // the outside file's content never comes back
    for (const char* p : {"climbing-link.toml", "absolute-link.toml", "../outside/secret.toml", "outside-folder/secret.toml"}) {
      CAPTURE(p);
      const auto read = dir.read(p, 1024);
      CHECK_FALSE(read.bytes);
      CHECK(read.error.find("outside the show folder") != std::string::npos);
    }
    // a FIFO with no writer is refused at once instead of blocking the loader
    const auto started = std::chrono::steady_clock::now();
    const auto fifo = dir.read("fifo.toml", 1024);
    CHECK_FALSE(fifo.bytes);
    CHECK(fifo.error.find("special file") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    // over the size limit: refused as too large, not cut
    const auto big = dir.read("010-cover.toml", 4);
    CHECK_FALSE(big.bytes);
    CHECK(big.too_large);
    // a folder is not a file
    CHECK(dir.read("sub", 1024).error.find("folder") != std::string::npos);
  });
}

TEST_CASE("listing names the outside links as outside and never lists outside folders") {
  Tree tree;
  const ConfinedDir dir = ConfinedDir::open(tree.show);
  for_each_resolver([&] {
    const auto listing = dir.list();
    REQUIRE(listing.error.empty());
    auto kind_of = [&](const std::string& name) {
      for (const auto& e : listing.entries)
        if (e.name == name) return e.info.kind;
      FAIL("not listed: " << name);
      return EntryKind::error;
    };
    CHECK(kind_of("010-cover.toml") == EntryKind::regular);
    CHECK(kind_of("sub-link") == EntryKind::directory);
    CHECK(kind_of("photos") == EntryKind::outside);
    CHECK(kind_of("fifo.toml") == EntryKind::special);
    CHECK(listing.entries.size() == 11);
    // the "did you mean" listing of photos/ must not show /etc
    const auto etc = dir.list("photos");
    CHECK(etc.entries.empty());
    CHECK_FALSE(etc.error.empty());
  });
}

TEST_CASE("a sub-folder is confined to itself") {
  Tree tree;
  const ConfinedDir dir = ConfinedDir::open(tree.show);
  for_each_resolver([&] {
    const ConfinedDir sub = dir.subdir("sub");
    REQUIRE(sub.ok());
    CHECK(sub.info("020-agenda.toml").kind == EntryKind::regular);
    // a link up to the top show is outside the included show
    CHECK(sub.info("up-link.toml").kind == EntryKind::outside);
    CHECK(dir.subdir("sub-link").ok());
    CHECK_FALSE(dir.subdir("outside-folder").ok());
    CHECK_FALSE(dir.subdir("photos").ok());
    CHECK_FALSE(dir.subdir("010-cover.toml").ok());
  });
}

TEST_CASE("a folder swapped away after opening is still the one read") {
  Tree tree;
  const ConfinedDir dir = ConfinedDir::open(tree.show);
  fs::rename(tree.show, tree.top / "old-show");
  fs::create_directories(tree.show);
  Tree::write(tree.show / "010-cover.toml", "title = \"새 제목\"\n");
  CHECK(dir.read("010-cover.toml", 1024).bytes == "title = \"지역균형발전포럼\"\n");
}
