// `annae check`: output grouped by file, a summary line, exit 0/1/2.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "box/check_command.hpp"
#include "show_fixture.hpp"

namespace fs = std::filesystem;
using annae::box::run_check;
using annae::test::examples_dir;
using annae::test::shows_dir;

namespace {

struct Checked {
  int exit_code;
  std::string output;
};

Checked check_case(const fs::path& parent, const std::string& name) {
  const auto before = fs::current_path();
  fs::current_path(parent);
  std::ostringstream out;
  const int code = run_check(name, out);
  fs::current_path(before);
  return {code, out.str()};
}

}  // namespace

TEST_CASE("exit codes: 0 clean, 1 warnings only, 2 errors") {
  struct Case {
    const char* name;
    int exit_code;
    const char* summary;  // the last line
  };
  const Case cases[] = {
      {"images-ok", 0, "ok: 4 files, 3 slides, no problems"},                // clean
      {"overlap-warning", 1, "2 warnings in 3 files (2 slides)"},            // warnings only
      {"cp949", 1, "1 warning in 2 files (1 slide)"},                        // one warning: singular
      {"end-before-start", 2, "2 errors in 3 files (1 slide)"},              // errors
      {"no-valid-slide", 2, "2 errors in 3 files (0 slides)"},               // nothing to play
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const Checked checked = check_case(shows_dir(), c.name);
    CHECK(checked.exit_code == c.exit_code);
    const std::string& out = checked.output;
    REQUIRE(out.ends_with("\n"));
    const std::size_t last = out.rfind('\n', out.size() - 2);
    CHECK(out.substr(last == std::string::npos ? 0 : last + 1) == std::string(c.summary) + "\n");
  }
  std::ostringstream out;
  CHECK(run_check(examples_dir(), out) == 0);
  CHECK(out.str() == "ok: 18 files, 15 slides, no problems\n");
}

TEST_CASE("problems are grouped by file, in play order, then the summary") {
  // play order: 010-cover, 020-agenda, 20-quote, 020-talks (020 and 20 are the same number)
  const Checked checked = check_case(shows_dir(), "duplicate-order");
  CHECK(checked.exit_code == 1);
  CHECK(checked.output ==
        "20-quote.toml: warning: this file has the same order number 20 as 020-agenda.toml; it plays after it by name, "
        "but give each file its own number to be sure of the order\n"
        "\n"
        "020-talks.toml: warning: this file has the same order number 020 as 020-agenda.toml; it plays after it by "
        "name, but give each file its own number to be sure of the order\n"
        "\n"
        "2 warnings in 5 files (4 slides)\n");

  const Checked no_slide = check_case(shows_dir(), "no-valid-slide");
  CHECK(no_slide.output ==
        "010-cover.toml: error: 'title' is missing; add it like title = \"지역균형발전포럼\"\n"
        "\n"
        "no-valid-slide: error: there is no slide to show: every slide file has errors or enabled = false\n"
        "\n"
        "2 errors in 3 files (0 slides)\n");
}

TEST_CASE("an image verifier's problems are errors at the image key, each file decoded once") {
  // images-ok: a cover logo (logo.png), a photo (photos/forum.jpg), an SVG (mark.svg).
  std::map<std::string, int> asked;
  const annae::box::ImageVerifier verify = [&](const annae::content::ImageRef& image) -> std::string {
    ++asked[image.relative];
    CHECK(image.folder.ok());  // the verifier reads through the show folder
    return image.relative == "photos/forum.jpg" ? "is a damaged JPEG image (test)" : "";
  };
  const auto before = fs::current_path();
  fs::current_path(shows_dir());
  std::ostringstream out;
  const int code = run_check("images-ok", out, verify);
  fs::current_path(before);
  CHECK(code == 2);
  CHECK(out.str() ==
        "020-photo.toml:2:8: error: image \"photos\\forum.jpg\" is a damaged JPEG image (test)\n"
        "\n"
        "1 error in 4 files (3 slides)\n");
  CHECK(asked == std::map<std::string, int>{{"logo.png", 1}, {"mark.svg", 1}, {"photos/forum.jpg", 1}});
}
