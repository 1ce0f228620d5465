#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <string>

#include "core/diagnostic.hpp"
#include "core/log.hpp"

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

TEST_CASE("what staff typed cannot drive the terminal or break the line") {
  using annae::Diagnostic;
  using annae::Severity;
  // a key pasted with a C1 CSI: shown, not obeyed
  CHECK(format(Diagnostic{Severity::error, "010-cover.toml", 3, 1, "unknown key '\xC2\x9B" "31mvenue'"}) ==
        "010-cover.toml:3:1: error: unknown key '\\u009B31mvenue'");
  // a file name with RIGHT-TO-LEFT OVERRIDE, which would show "050-lmot.toml" reversed after it
  CHECK(format(Diagnostic{Severity::warning, "050-\xE2\x80\xAElmot.toml", 2, 1, "x"}) ==
        "050-\\u202Elmot.toml:2:1: warning: x");
  // an ESC and a line break in an image name, for the log: still one line
  CHECK(format_for_log(Diagnostic{Severity::error, "a.toml", 3, 8, "image \"\x1B[2J\nlogo.png\" was not found"}) ==
        "a.toml:3:8: image \"\\x1B[2J\\nlogo.png\" was not found");
  // Korean, ·, “ ” and → are text and stay as they are
  CHECK(format(Diagnostic{Severity::warning, "cp949/010-cover.toml", 0, 0, "“지역균형발전포럼” · 파일 → 저장"}) ==
        "cp949/010-cover.toml: warning: “지역균형발전포럼” · 파일 → 저장");
}

namespace {

// What `write` printed to standard error.
template <class Write>
std::string captured_stderr(Write write) {
  std::fflush(stderr);
  std::FILE* capture = std::tmpfile();
  REQUIRE(capture);
  const int saved = ::dup(2);
  ::dup2(::fileno(capture), 2);
  write();
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  std::string out;
  std::rewind(capture);
  for (int ch; (ch = std::fgetc(capture)) != EOF;) out.push_back(static_cast<char>(ch));
  std::fclose(capture);
  return out;
}

}  // namespace

TEST_CASE("every log line reaches the journal as one line with no escape sequence") {
  namespace log = annae::log;
  CHECK(captured_stderr([] { log::error("020-cover.toml:3:8: image \"\xE2\x80\xAEgnp.ogol\" was not found"); }) ==
        "annae: error: 020-cover.toml:3:8: image \"\\u202Egnp.ogol\" was not found\n");
  CHECK(captured_stderr([] { log::warning("title \x1B[2J\xC2\x9B" "31m\r\nfake: line"); }) ==
        "annae: warning: title \\x1B[2J\\u009B31m\\r\\nfake: line\n");
  CHECK(captured_stderr([] { log::once(log::Level::info, "show \"지역균형발전포럼\" loaded\n"); }) ==
        "annae: show \"지역균형발전포럼\" loaded\\n\n");
}
