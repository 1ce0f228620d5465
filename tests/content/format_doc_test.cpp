// content/FORMAT.md is what staff copy from: every complete example in it
// must load without a diagnostic.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "content/show_settings.hpp"
#include "content/slide_file.hpp"
#include "show_fixture.hpp"

namespace fs = std::filesystem;
using namespace annae::content;
using annae::test::examples_dir;
using annae::test::format_all;
using annae::test::shows_dir;
using annae::test::TempDir;

namespace {

// The ```toml blocks that start at the left margin (the indented snippets
// inside the five rules are fragments, not files).
std::vector<std::string> toml_blocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  std::istringstream in(markdown);
  std::string line, block;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && line == "```toml") {
      inside = true;
      block.clear();
    } else if (inside && line == "```") {
      inside = false;
      blocks.push_back(block);
    } else if (inside) {
      block += line + "\n";
    }
  }
  return blocks;
}

}  // namespace

TEST_CASE("every example in FORMAT.md is valid") {
  std::ifstream in(examples_dir() / "FORMAT.md");
  std::stringstream markdown;
  markdown << in.rdbuf();
  const auto blocks = toml_blocks(markdown.str());
  REQUIRE(blocks.size() == 1 + slide_kinds.size());  // show.toml and one example of each kind

  TempDir temp("format");
  const fs::path show = temp.path() / "examples";
  fs::create_directories(show / "photos");
  fs::copy_file(shows_dir() / "images-ok" / "logo.png", show / "logo.png");
  fs::copy_file(shows_dir() / "images-ok" / "photos" / "forum.jpg", show / "photos" / "forum.jpg");
  std::ofstream(show / "show.toml") << "[event]\ndate = \"2023-09-26\"\nstart = \"14:00\"\n";

  std::set<std::string> kinds;
  int n = 0;
  for (const auto& block : blocks) {
    CAPTURE(block);
    if (block.find("[event]") != std::string::npos) {  // the show.toml example
      annae::Diagnostics d;
      const SettingsFile settings = parse_show_settings(block, "show.toml", ShowSettings{}, SettingsScope::top, d);
      CHECK(format_all(d) == "");
      CHECK(settings.settings.theme.colors.accent == Rgb{0x4F, 0xC3, 0xF7});
      continue;
    }
    std::ofstream(show / ("0" + std::to_string(10 + n++) + "-example.toml")) << block;
  }
  const LoadResult result = load_show(show);
  CHECK(format_all(result.diagnostics) == "");
  REQUIRE(result.show);
  for (const auto& slide : result.show->slides) kinds.insert(std::string(kind_name(slide.kind)));
  std::set<std::string> every_kind;  // FORMAT.md shows each kind in the one table of kinds
  for (const auto& kind : slide_kinds) every_kind.insert(std::string(kind.name));
  CHECK(kinds == every_kind);
}

TEST_CASE("the README's format examples are exactly the ones checked above") {
  const auto read = [](const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const auto readme = toml_blocks(read(examples_dir().parent_path() / "README.md"));
  const auto format = toml_blocks(read(examples_dir() / "FORMAT.md"));
  CHECK(readme.size() == 1 + slide_kinds.size());  // show.toml and each kind
  CHECK(readme == format);
}

TEST_CASE("FORMAT.md names every value the tables accept in show.toml") {
  std::ifstream in(examples_dir() / "FORMAT.md");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const auto quoted = [](std::string_view name) { return "\"" + std::string(name) + "\""; };
  for (const auto& mode : watch_modes) CHECK_MESSAGE(doc.find(mode.name) != std::string::npos, mode.name);
  for (const auto& theme : theme_names) CHECK_MESSAGE(doc.find(theme.name) != std::string::npos, theme.name);
  for (const auto& kind : transition_kinds) CHECK_MESSAGE(doc.find(kind.name) != std::string::npos, kind.name);
  for (const auto& kind : slide_kinds) CHECK_MESSAGE(doc.find(quoted(kind.name)) != std::string::npos, kind.name);
}
