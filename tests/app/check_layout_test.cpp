// `annae check` lays slides out as the player would: text that would be cut
// or set too small to read from across the lobby is a warning at its source.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "box/check_command.hpp"
#include "app/layout_problems.hpp"
#include "shared_engine.hpp"

using namespace annae;

TEST_CASE("annae check: a title too long for the screen is a warning at its file:line:col; the seed shows are clean") {
  const auto dir = std::filesystem::temp_directory_path() / "annae-check-layout";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string title;
  for (int i = 0; i < 40; ++i) title += "초광역 연계협력을 통한 지역균형발전 ";
  std::ofstream(dir / "show.toml") << "title = \"초광역 연계협력\"\n";
  std::ofstream(dir / "010-cover.toml") << "kind = \"cover\"\ntitle = \"" << title << "\"\n";
  const box::LayoutPass lay_out = [](const content::Show& show) {
    const auto [w, h] = app::check_screen_px(show);
    return app::layout_problems(show, test::engine(), w, h);
  };
  struct Case {
    const char* what;
    std::string dir;
    int status;
    const char* says;
  };
  const Case cases[] = {
      {"the long title", dir.string(), 1, "010-cover.toml:2:9: warning: this text fits its space on a 1920x1080 screen only at"},
      {"the default show", std::string(ANNAE_SOURCE_DIR) + "/content", 0, "ok: 18 files, 15 slides, no problems"},
  };
  for (const auto& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    std::ostringstream out;
    CHECK(box::run_check(c.dir, out, {}, lay_out) == c.status);
    CHECK(out.str().find(c.says) != std::string::npos);
  }
}
