#include <doctest/doctest.h>

#include "core/diagnostic.hpp"

TEST_CASE("diagnostics format as path:line:col: severity: message") {
  using annae::Diagnostic;
  using annae::Severity;
  // full position
  CHECK(format(Diagnostic{Severity::error, "010-cover.toml", 3, 1, "unknown key 'titel'; did you mean 'title'?"}) ==
        "010-cover.toml:3:1: error: unknown key 'titel'; did you mean 'title'?");
  // whole-file problem: no line or column
  CHECK(format(Diagnostic{Severity::warning, "show.toml", 0, 0, "file is empty"}) == "show.toml: warning: file is empty");
  // line without column
  CHECK(format(Diagnostic{Severity::error, "a.toml", 7, 0, "x"}) == "a.toml:7: error: x");
}

TEST_CASE("Diagnostics counts errors and warnings") {
  annae::Diagnostics d;
  d.warning("a.toml", 1, 1, "w");
  CHECK_FALSE(d.has_errors());
  d.error("b.toml", 2, 3, "e");
  CHECK(d.has_errors());
  CHECK(d.error_count() == 1);
  CHECK(d.warning_count() == 1);
}
