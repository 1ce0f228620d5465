// The name tables (core/named.hpp) are the single source of every spelling:
// each name in a table is accepted wherever it may be written (show.toml,
// slide files, the box's settings, the command line), and each refusal lists
// exactly the table's names. A name added to a table needs no other edit for
// these to pass; a parser that kept its own list would fail them.
#include <doctest/doctest.h>

#include <set>

#include "app/cli.hpp"
#include "app/renderer_choice.hpp"
#include "box/box_config.hpp"
#include "content/show_settings.hpp"
#include "content/slide_file.hpp"
#include "slides/theme.hpp"
#include "text/wrap_names.hpp"

using namespace annae;

namespace {

content::ShowSettings show_toml(const std::string& text, std::string& diagnostics) {
  Diagnostics d;
  auto parsed = content::parse_show_settings(text, "show.toml", {}, content::SettingsScope::top, d);
  for (const auto& item : d.items()) diagnostics += format(item) + "\n";
  return parsed.settings;
}

std::string slide_file_diagnostics(const std::string& text) {
  content::SlideFileContext context;
  context.display_path = "010-slide.toml";
  context.id = "010-slide";
  Diagnostics d;
  content::parse_slide_file(text, context, d);
  std::string out;
  for (const auto& item : d.items()) out += format(item) + "\n";
  return out;
}

box::BoxConfigResult box_toml(const std::string& text) {
  return box::parse_box_config(text, "/etc/annae/annae.toml", app::renderer_names);
}

}  // namespace

TEST_CASE("every watch mode in the table is accepted by show.toml, the box's settings and --watch") {
  for (const auto& mode : content::watch_modes) {
    CAPTURE(mode.name);
    std::string diagnostics;
    CHECK(show_toml("[watch]\nmode = \"" + std::string(mode.name) + "\"\n", diagnostics).watch.mode == mode.value);
    CHECK(diagnostics == "");
    const auto box = box_toml("watch = \"" + std::string(mode.name) + "\"\n");
    CHECK(box.diagnostics.empty());
    CHECK(box.config.watch == std::string(mode.name));
    CHECK(content::watch_mode_named(mode.name) == mode.value);
    CHECK(content::watch_mode_name(mode.value) == mode.name);
  }
  std::string diagnostics;
  show_toml("[watch]\nmode = \"sometimes\"\n", diagnostics);
  CHECK(diagnostics.find("is not one of: " + names_list(content::watch_modes)) != std::string::npos);
}

TEST_CASE("every renderer in the table is accepted by the box's settings and --renderer") {
  for (const auto& renderer : app::renderer_choices) {
    CAPTURE(renderer.name);
    const auto box = box_toml("[screen]\nrenderer = \"" + std::string(renderer.name) + "\"\n");
    CHECK(box.diagnostics.empty());
    CHECK(box.config.renderer == std::string(renderer.name));
    CHECK(app::renderer_named(renderer.name) == renderer.value);
    CHECK(app::renderer_name(renderer.value) == renderer.name);
  }
  const auto bad = box_toml("[screen]\nrenderer = \"vulkan\"\n");
  REQUIRE(bad.diagnostics.items().size() == 1);
  CHECK(bad.diagnostics.items()[0].message.find(names_list(app::renderer_choices)) != std::string::npos);
}

TEST_CASE("every slide kind in the table is a kind the loader knows, and an unknown kind lists them all") {
  for (const auto& kind : content::slide_kinds) {
    CAPTURE(kind.name);
    // Fields are missing, so there are errors; but none says the kind is unknown.
    CHECK(slide_file_diagnostics("kind = \"" + std::string(kind.name) + "\"\n").find("unknown slide kind") ==
          std::string::npos);
    CHECK(content::kind_name(kind.value) == kind.name);
  }
  const std::string unknown = slide_file_diagnostics("kind = \"poster\"\n");
  CHECK(unknown.find("unknown slide kind \"poster\"") != std::string::npos);
  CHECK(unknown.find("(the kinds are: " + names_list(content::slide_kinds) + ")") != std::string::npos);
}

TEST_CASE("every theme in the table is read from show.toml and has a palette of its own") {
  std::set<std::tuple<int, int, int>> backgrounds;
  for (const auto& theme : content::theme_names) {
    CAPTURE(theme.name);
    std::string diagnostics;
    const auto settings = show_toml("[theme]\nname = \"" + std::string(theme.name) + "\"\n", diagnostics);
    CHECK(diagnostics == "");
    CHECK(settings.theme.name == theme.value);
    const slides::Palette palette = slides::palette_for(settings.theme);
    CHECK(palette.text != palette.background);
    backgrounds.insert({palette.background.r, palette.background.g, palette.background.b});
  }
  CHECK(backgrounds.size() == content::theme_names.size());
}

TEST_CASE("every transition in the table is read from show.toml") {
  for (const auto& kind : content::transition_kinds) {
    CAPTURE(kind.name);
    std::string diagnostics;
    CHECK(show_toml("[transition]\nkind = \"" + std::string(kind.name) + "\"\n", diagnostics).transition.kind ==
          kind.value);
    CHECK(diagnostics == "");
    CHECK(content::transition_kind_named(kind.name) == kind.value);
  }
  std::string diagnostics;
  show_toml("[transition]\nkind = \"wipe\"\n", diagnostics);
  CHECK(diagnostics.find("is not one of: " + names_list(content::transition_kinds)) != std::string::npos);
}

TEST_CASE("a slide file that sets a show.toml key is pointed to show.toml, for every key") {
  for (std::string_view key : content::show_settings_keys()) {
    if (key == "title") continue;  // a slide's own key as well
    CAPTURE(key);
    const std::string text = "kind = \"quote\"\ntext = \"x\"\n" + std::string(key) + " = 1\n";
    CHECK(slide_file_diagnostics(text).find("is a show setting; put it in show.toml") != std::string::npos);
  }
}
