// Hostile files, too large to commit: each is written into a temporary show
// next to a good cover, loaded, and must give exactly the expected
// diagnostics (one per limit, at the first thing over it) while the cover
// plays. The small cases of the same limits are in tests/data/shows
// (hostile-toml-*, limit-*).
#include <doctest/doctest.h>
#include <pthread.h>

#include <fstream>
#include <string>

#include "content/limits.hpp"
#include "content/show_settings.hpp"
#include "content/slide_file.hpp"
#include "show_fixture.hpp"

namespace fs = std::filesystem;
using namespace annae;
using namespace annae::content;
using annae::test::format_all;
using annae::test::load_from;
using annae::test::TempDir;

namespace {

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// "a.a.a…" with `n` segments.
std::string dotted(std::size_t n) { return repeat("a.", n - 1) + "a"; }

const std::string quote_head = "kind = \"quote\"\ntext = \"균형발전의 모멘텀\"\n";

// ---- the generated files ------------------------------------------------

std::string deep_dotted_key() { return quote_head + dotted(20'000) + " = 1\n"; }
std::string deeper_dotted_key() { return quote_head + dotted(450'000) + " = 1\n"; }  // 900 KB, past any stack
std::string deep_header() { return quote_head + "[" + dotted(40'000) + "]\nx = 1\n"; }
std::string deep_list_header() { return quote_head + "[[" + dotted(40'000) + "]]\nx = 1\n"; }
std::string deep_lists() { return quote_head + "x = " + repeat("[", 100'000) + repeat("]", 100'000) + "\n"; }
std::string deep_braces() { return quote_head + "x = " + repeat("{a = ", 100'000) + "1" + repeat("}", 100'000) + "\n"; }

std::string many_rows() {  // the 1 MiB agenda of issue 15: 26 223 rows
  std::string out = "kind = \"agenda\"\ntitle = \"일정\"\nrows = [\n";
  for (int i = 0; i < 26'223; ++i) out += "{start=\"09:00\",end=\"09:05\",title=\"a\"},\n";
  return out + "]\n";
}

std::string many_bullets() {
  return "kind = \"text\"\ntitle = \"지역맞춤형 균형발전 전략\"\nbullets = [\n" + repeat("\"전략\",\n", 100'000) + "]\n";
}

std::string giant_word() {  // one paragraph that is one 1 MiB word
  return "kind = \"text\"\ntitle = \"지역맞춤형 균형발전 전략\"\nparagraphs = [\"" + repeat("가", 349'000) + "\"]\n";
}

std::string many_unknown_keys() {
  std::string out = "kind = \"cover\"\ntitle = \"지역균형발전포럼\"\n";
  for (int i = 1; i <= 90'000; ++i) out += "x" + std::to_string(i) + " = 1\n";
  return out;
}

struct Case {
  const char* name;
  std::string (*make)();
  const char* expected;  // the slide file's diagnostics, in full
};

const Case cases[] = {
    // keys 20 000 levels deep crash toml++ at about 30 800 (8 MiB stack); refused at the 17th
    {"dotted-key", deep_dotted_key,
     "020-hostile.toml:3:33: error: keys and sections can be at most 16 levels deep (theme.colors.accent is 3 levels); "
     "this one goes deeper, so the file was not read\n"},
    // 450 000 levels, about as deep as a 1 MiB file allows
    {"deeper-dotted-key", deeper_dotted_key,
     "020-hostile.toml:3:33: error: keys and sections can be at most 16 levels deep (theme.colors.accent is 3 levels); "
     "this one goes deeper, so the file was not read\n"},
    // a [section] header 40 000 levels deep
    {"header", deep_header,
     "020-hostile.toml:3:34: error: keys and sections can be at most 16 levels deep (theme.colors.accent is 3 levels); "
     "this one goes deeper, so the file was not read\n"},
    // a [[list]] header 40 000 levels deep
    {"list-header", deep_list_header,
     "020-hostile.toml:3:35: error: keys and sections can be at most 16 levels deep (theme.colors.accent is 3 levels); "
     "this one goes deeper, so the file was not read\n"},
    // x = [[[[… 100 000 deep: refused at the 9th [
    {"lists", deep_lists,
     "020-hostile.toml:3:13: error: lists and { } can be inside each other at most 8 levels deep (a list of { } is 2 "
     "levels); this goes deeper, so the file was not read\n"},
    // x = {a = {a = … 100 000 deep: refused at the 9th {
    {"braces", deep_braces,
     "020-hostile.toml:3:45: error: lists and { } can be inside each other at most 8 levels deep (a list of { } is 2 "
     "levels); this goes deeper, so the file was not read\n"},
    // 26 223 agenda rows in 1 MiB: one error at row 41, no overlap warnings
    {"rows", many_rows,
     "020-hostile.toml:44:1: error: this agenda has 26 223 rows; a slide can have at most 40 rows, so this slide is "
     "left out: split the rows over two or more agenda slides\n"},
    // 100 000 bullets: one error at bullet 31
    {"bullets", many_bullets,
     "020-hostile.toml:34:1: error: this slide has 100 000 bullets; a slide can have at most 30 bullets, so this slide "
     "is left out: spread them over two or more text slides\n"},
    // a paragraph that is one 1 MiB word: refused as too long (the word is not counted again)
    {"giant-word", giant_word,
     "020-hostile.toml:3:15: error: this text has 349 000 characters; one text can have at most 1 000, so shorten it "
     "or spread it over several slides\n"},
    // 90 000 unknown keys: 20 listed, the rest counted in one line
    {"unknown-keys", many_unknown_keys, nullptr},
};

// Loads a show of a good cover and `slide` as 020-hostile.toml.
LoadResult load_with(const std::string& slide, TempDir& temp) {
  const fs::path show = temp.path() / "show";
  fs::create_directories(show);
  write_file(show / "show.toml", "title = \"지역균형발전포럼\"\n\n[event]\ndate = \"2023-09-26\"\n");
  write_file(show / "010-cover.toml", "kind = \"cover\"\ntitle = \"지역균형발전포럼\"\n");
  write_file(show / "020-hostile.toml", slide);
  return load_from(temp.path(), "show");
}

// The count comes first: diagnostics are sorted by line, and it has none.
std::string unknown_keys_expected() {
  std::string out =
      "020-hostile.toml: error: this file has 89 980 more problems than are listed here; fix the listed ones first, then "
      "check again\n";
  for (int i = 1; i <= limits::max_diagnostics_per_file; ++i)
    out += "020-hostile.toml:" + std::to_string(i + 2) + ":1: error: unknown key 'x" + std::to_string(i) +
           "'; the keys here are: kind, duration, from, until, enabled, title, subtitle, date, time, venue, host, logo\n";
  return out;
}

// Runs `f` on a thread with a stack of `stack_bytes`, like a loader thread of a small box.
template <class F>
void on_small_stack(std::size_t stack_bytes, F f) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stack_bytes);
  pthread_t thread;
  auto body = [](void* p) -> void* {
    (*static_cast<F*>(p))();
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, &attr, body, &f) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

}  // namespace

TEST_CASE("hostile and oversized slide files give one diagnostic each; the rest of the show plays") {
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const std::string slide = c.make();
    REQUIRE(slide.size() <= limits::max_text_file_bytes);  // read, not refused unread
    TempDir temp(std::string("limits-") + c.name);
    const LoadResult result = load_with(slide, temp);
    CHECK(format_all(result.diagnostics) == (c.expected ? std::string(c.expected) : unknown_keys_expected()));
    REQUIRE(result.show);
    CHECK(result.show->slides.size() == 1);
    CHECK(result.slides_left_out == 1);
  }
}

TEST_CASE("a loader thread with a small stack (512 KiB) survives the deepest files") {
  for (const auto& c : cases) {
    if (c.make == many_rows || c.make == many_bullets || c.make == giant_word || c.make == many_unknown_keys) continue;
    CAPTURE(c.name);
    const std::string slide = c.make();
    bool has_errors = false;
    on_small_stack(512 * 1024, [&] {
      SlideFileContext context;
      context.display_path = "020-hostile.toml";
      context.id = "020-hostile";
      Diagnostics diagnostics;
      const SlideFile parsed = parse_slide_file(slide, context, diagnostics);
      has_errors = diagnostics.has_errors() && !parsed.slide;
    });
    CHECK(has_errors);
  }
}

TEST_CASE("a 1 MiB ticker in show.toml is cut with a warning, and the show plays") {
  TempDir temp("limits-ticker");
  const fs::path show = temp.path() / "show";
  fs::create_directories(show);
  write_file(show / "show.toml", "title = \"지역균형발전포럼\"\n\n[footer]\nticker = \"" + repeat("균형발전 ", 60'000) + "\"\n");
  write_file(show / "010-cover.toml", "kind = \"cover\"\ntitle = \"지역균형발전포럼\"\n");
  const LoadResult result = load_from(temp.path(), "show");
  CHECK(format_all(result.diagnostics) ==
        "show.toml:4:10: warning: this text has 299 999 characters; one text can have at most 1 000, so shorten it or "
        "spread it over several slides (only its first 1 000 are used)\n");
  REQUIRE(result.show);
  CHECK(result.show->settings.footer.ticker.value == repeat("균형발전 ", 199) + "균형발전");  // 1 000 characters, trimmed
}
