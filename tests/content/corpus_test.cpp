// The bad-input corpus: each folder under tests/data/shows is a show with
// one kind of mistake, and <case>.expected beside it holds the diagnostics
// load_show must give, exactly. A few cases are completed at test time
// (a 10 MiB file, a symbolic link, junk files) instead of being committed.
//
// After a deliberate change of wording, regenerate the golden files with
//   ANNAE_UPDATE_GOLDEN=1 ./content_corpus_tests
// and review the diff.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <variant>

#include "show_fixture.hpp"

namespace fs = std::filesystem;
using namespace annae;
using namespace annae::content;
using annae::test::format_all;
using annae::test::load_from;
using annae::test::shows_dir;
using annae::test::TempDir;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// ---- cases completed at test time --------------------------------------

void add_ten_mebibyte_file(const fs::path& show) {
  std::string big = "kind = \"text\"\ntitle = \"지역맞춤형 균형발전 전략\"\nparagraphs = [\n";
  while (big.size() < 10 * 1024 * 1024) big += "  \"균형발전을 위한 심도 있는 논의를 진행할 예정이다.\",\n";
  big += "]\n";
  write_file(show / "020-huge.toml", big);
}

void add_link_outside(const fs::path& show) {
  write_file(show.parent_path() / "outside.png", read_file(shows_dir() / "images-ok" / "logo.png"));
  fs::create_symlink("../outside.png", show / "outside.png");
}

// Each of these would be an error if it were read as a slide.
void add_junk_files(const fs::path& show) {
  const char* junk[] = {".010-cover.toml.swp", "010-cover.toml~",     "020-agenda.toml.tmp", "030.toml.part",
                        "~$010-cover.toml",    ".~lock.010-cover.toml#", ".syncthing.040.toml.tmp",
                        "~syncthing~050.toml.tmp", "Thumbs.db", "desktop.ini", ".DS_Store", ".hidden.toml"};
  for (const char* name : junk) write_file(show / name, "this is not = valid toml [[[");
  fs::create_directories(show / "__MACOSX");
  write_file(show / "__MACOSX" / "._010-cover.toml", std::string("\0\x05\x16\x07", 4));
}

struct Case {
  const char* name;
  void (*complete)(const fs::path& show);  // null: the committed folder is the whole case
};

const Case cases[] = {
    {"toml-syntax", nullptr},              // unclosed quote, unquoted text/time, curly quotes, backslash, key twice
    {"unknown-key", nullptr},              // typo with "did you mean", key below [[bullets]], other kind's key
    {"wrong-type", nullptr},               // "15" for seconds, number for text, "false" for a boolean
    {"missing-field", nullptr},            // no title, agenda row without start, no kind, no rows
    {"unknown-kind", nullptr},             // "agneda" → agenda; "poster" lists the kinds
    {"bad-time", nullptr},                 // 25:00, 14:60, a range in start
    {"bad-date", nullptr},                 // 2023-02-30 as text and as a TOML date, until before from, dotted date
    {"end-before-start", nullptr},         // a row ending before it starts, and one taking no time
    {"overlap-warning", nullptr},          // overlapping and out-of-order rows are warnings; the slide plays
    {"missing-image", nullptr},            // missing logo with a case-insensitive suggestion, missing photo
    {"path-escape", nullptr},              // ../ out of the show folder
    {"absolute-path", nullptr},            // C:\ and / paths
    {"symlink-outside", add_link_outside}, // a link inside the show pointing outside
    {"image-too-large", nullptr},          // 20000×20000 PNG; a GIF named .png
    {"images-ok", nullptr},                // PNG logo, JPEG with a Windows path, SVG: clean
    {"duplicate-order", nullptr},          // 020-, 020- and 20- share an order number
    {"cp949", nullptr},                    // Korean Windows encoding: converted with a warning
    {"cp949-error-position", nullptr},     // positions count characters of the converted text
    {"utf8-bom", nullptr},                 // BOM: clean
    {"utf8-bom-error-position", nullptr},  // BOM does not shift columns
    {"crlf", nullptr},                     // CRLF: clean
    {"crlf-line-numbers", nullptr},        // CRLF and lone CR keep the editor's line numbers
    {"nfd", nullptr},                      // NFD (macOS) text: clean, normalized
    {"nfd-error-position", nullptr},       // columns count the characters as written (NFD jamo)
    {"utf16", nullptr},                    // Notepad's "유니코드": converted with a warning
    {"binary-garbage", nullptr},           // not UTF-8 nor CP949, zero bytes, a 한글 .hwp renamed
    {"empty-file", nullptr},               // 0 bytes, and only blank lines
    {"too-large", add_ten_mebibyte_file},  // a 10 MiB file is refused unread
    {"no-valid-slide", nullptr},           // one broken slide, one disabled: nothing to play
    {"empty-folder", nullptr},             // show.toml only
    {"ignored-files", add_junk_files},     // temporary, hidden and system files are not read
    {"misnamed-txt", nullptr},             // Notepad's 020-agenda.toml.txt
    {"show-toml-broken", nullptr},         // syntax error in show.toml: error, defaults used
    {"show-toml-bad-values", nullptr},     // each wrong setting: warning, default used
    {"no-show-toml", nullptr},             // defaults with a warning
    {"include-problems", nullptr},         // missing folder with suggestion, escape, twice, nested include
    {"encoding-shift-jis", nullptr},            // Japanese Shift-JIS: refused, named, even when it reads as CP949
    {"encoding-utf16le-no-bom", nullptr},       // UTF-16 LE and BE without a BOM: converted, warning names them
    {"encoding-utf32-bom", nullptr},            // UTF-32 LE and BE with a BOM (FF FE 00 00 is not UTF-16)
    {"encoding-utf32-no-bom", nullptr},         // UTF-32 LE and BE without a BOM
    {"encoding-utf16-damaged", nullptr},        // lone surrogate, cut-off last character, a code beyond U+10FFFF
    {"encoding-cp949-bad-byte-line4", nullptr}, // CP949 with one bad byte: its own line:col and offset
    {"hostile-control-chars", nullptr},         // C1 CSI in a key, U+202E in image name, kind, file name: escaped
    {"hostile-toml-dotted-key", nullptr},  // keys 17 levels deep: plain, under a section, inside { }; a 105-letter key
    {"hostile-toml-header", nullptr},      // [section] and [[list]] headers 20 levels deep
    {"hostile-toml-inline", nullptr},      // [ ] and { } 10 deep; brackets inside text and comments are clean
    {"hostile-toml-show-toml", nullptr},   // a 18-level section in show.toml: error, defaults used
    {"limit-rows", nullptr},               // 41 agenda rows, 21 people in a row; overlap warnings capped at 3 + 1
    {"limit-bullets", nullptr},            // 31 bullets, 11 sub-bullets, 21 paragraphs and 11 notes
    {"limit-lists", nullptr},              // 21 strategy items, 11 points, 21 talks, 31 contacts
    {"limit-text", nullptr},               // a 104-letter word, a 2 250-letter text; 100 letters and 漢字 are clean; 30 problems
    {"limit-url", nullptr},                // a 5 000-letter url, one of exactly 200, a Korean one of 207 bytes
};

bool update_golden() { return std::getenv("ANNAE_UPDATE_GOLDEN") != nullptr; }

// Loads a case the way the test table says and returns the result.
LoadResult load_case(const Case& c, TempDir& temp) {
  if (!c.complete) return load_from(shows_dir(), c.name);
  const fs::path show = temp.path() / c.name;
  fs::copy(shows_dir() / c.name, show, fs::copy_options::recursive);
  c.complete(show);
  return load_from(temp.path(), c.name);
}

template <class T>
const T& content_of(const Slide& slide) {
  REQUIRE(std::holds_alternative<T>(slide.content));
  return std::get<T>(slide.content);
}

}  // namespace

TEST_CASE("every bad input gives exactly the expected diagnostics") {
  for (const auto& c : cases) {
    CAPTURE(c.name);
    TempDir temp(c.name);
    const LoadResult result = load_case(c, temp);
    const std::string actual = format_all(result.diagnostics);
    const fs::path golden = shows_dir() / (std::string(c.name) + ".expected");
    if (update_golden()) write_file(golden, actual);
    REQUIRE(fs::exists(golden));
    CHECK(actual == read_file(golden));
  }
}

TEST_CASE("every corpus folder is in the table") {
  std::set<std::string> listed;
  for (const auto& c : cases) listed.insert(c.name);
  for (const auto& entry : fs::directory_iterator(shows_dir())) {
    if (!entry.is_directory()) continue;
    CAPTURE(entry.path().filename().string());
    CHECK(listed.count(entry.path().filename().string()) == 1);
  }
}

TEST_CASE("converted and normalized text arrives intact") {
  struct Expect {
    const char* name;
    const char* slide_id;
    const char* title;
  };
  const Expect expects[] = {
      {"cp949", "010-cover", "지역균형발전포럼"},     // CP949 bytes → UTF-8
      {"utf8-bom", "010-cover", "지역균형발전포럼"},  // the BOM is not part of the first key
      {"crlf", "010-cover", "지역균형발전포럼"},      // CR removed
      {"nfd", "010-cover", "지역균형발전포럼"},       // NFD jamo → NFC syllables (this literal is NFC)
      {"utf16", "010-cover", "지역균형발전포럼"},     // UTF-16 → UTF-8
  };
  for (const auto& e : expects) {
    CAPTURE(e.name);
    const LoadResult result = load_from(shows_dir(), e.name);
    REQUIRE(result.show);
    REQUIRE(result.show->slides.size() == 1);
    const Slide& slide = result.show->slides[0];
    CHECK(slide.id == e.slide_id);
    CHECK(content_of<CoverSlide>(slide).title.value == e.title);
  }
  // details of particular files
  const LoadResult cp949 = load_from(shows_dir(), "cp949");
  CHECK(content_of<CoverSlide>(cp949.show->slides[0]).host.value == "국토교통부");
  CHECK(content_of<CoverSlide>(cp949.show->slides[0]).venue.value == "세종컨벤션센터");
  const LoadResult crlf = load_from(shows_dir(), "crlf");
  CHECK(content_of<CoverSlide>(crlf.show->slides[0]).subtitle.value == "지방의 새로운 도약!\n지역맞춤형 국토교통 균형발전 전략 구상");
  CHECK(content_of<CoverSlide>(crlf.show->slides[0]).venue.at == SourcePos{"010-cover.toml", 6, 9});
  const LoadResult nfd = load_from(shows_dir(), "nfd");
  CHECK(content_of<CoverSlide>(nfd.show->slides[0]).venue.value == "세종컨벤션센터");
  // UTF-16 and UTF-32, LE and BE, with and without a BOM: every slide arrives whole, CRLF removed
  for (const char* name : {"encoding-utf16le-no-bom", "encoding-utf32-bom", "encoding-utf32-no-bom"}) {
    CAPTURE(name);
    const LoadResult wide = load_from(shows_dir(), name);
    REQUIRE(wide.show);
    REQUIRE(wide.show->slides.size() == 2);
    for (const Slide& slide : wide.show->slides) {
      CHECK(content_of<CoverSlide>(slide).title.value == "지역균형발전포럼");
      CHECK(content_of<CoverSlide>(slide).subtitle.value == "지역맞춤형 국토교통 균형발전 전략 구상");
      CHECK(content_of<CoverSlide>(slide).venue.at == SourcePos{slide.id + ".toml", 4, 9});  // the editor's line:col
    }
  }
}

TEST_CASE("warnings leave the slide playing; errors leave only that slide out") {
  struct Expect {
    const char* name;
    std::size_t slides;       // played
    std::size_t left_out;     // slide files with errors
    bool has_show;
  };
  const Expect expects[] = {
      {"overlap-warning", 2, 0, true},    // the agenda with warnings still plays
      {"duplicate-order", 4, 0, true},    // same order number: all play
      {"toml-syntax", 1, 7, true},        // only the good cover plays
      {"no-valid-slide", 0, 1, false},    // nothing to play: no show
      {"empty-folder", 0, 0, false},      // nothing to play: no show
      {"show-toml-broken", 1, 0, true},   // a broken show.toml does not stop the slides
      {"misnamed-txt", 1, 0, true},       // the .toml.txt file is not played
  };
  for (const auto& e : expects) {
    CAPTURE(e.name);
    const LoadResult result = load_from(shows_dir(), e.name);
    CHECK(static_cast<bool>(result.show) == e.has_show);
    CHECK((result.show ? result.show->slides.size() : 0) == e.slides);
    CHECK(result.slides_left_out == e.left_out);
  }
  const LoadResult no_valid = load_from(shows_dir(), "no-valid-slide");
  CHECK(no_valid.slides_disabled == 1);
  const LoadResult overlap = load_from(shows_dir(), "overlap-warning");
  CHECK_FALSE(overlap.diagnostics.has_errors());
  CHECK(overlap.complete());  // warnings only: a strict reloader may swap
  const LoadResult broken = load_from(shows_dir(), "toml-syntax");
  CHECK_FALSE(broken.complete());
}

TEST_CASE("ignored files are not read") {
  TempDir temp("ignored");
  const LoadResult result = load_case({"ignored-files", add_junk_files}, temp);
  REQUIRE(result.show);
  CHECK(result.show->slides.size() == 1);
  CHECK(result.files == std::vector<std::string>{"show.toml", "010-cover.toml"});
}

TEST_CASE("a broken show.toml falls back to defaults, but the show plays") {
  const LoadResult broken = load_from(shows_dir(), "show-toml-broken");
  REQUIRE(broken.show);
  CHECK(broken.settings_defaulted);
  CHECK(broken.diagnostics.has_errors());  // a file that cannot be read is an error...
  CHECK_FALSE(broken.show->settings.event.date);  // ...and nothing of it is used

  const LoadResult bad = load_from(shows_dir(), "show-toml-bad-values");
  REQUIRE(bad.show);
  CHECK(bad.settings_defaulted);
  CHECK_FALSE(bad.diagnostics.has_errors());  // each wrong value is a warning
  const ShowSettings& s = bad.show->settings;
  CHECK(s.event.title.value == "지역균형발전포럼");        // good values are kept
  CHECK(s.event.date == Date{2023, 9, 26});
  CHECK_FALSE(s.event.start_minutes);                     // "2:00 PM" refused
  CHECK(s.event.time_zone == "Asia/Seoul");               // "Asia/Seol" refused
  CHECK(s.transition.kind == TransitionKind::fade);       // "slide" refused
  CHECK(s.transition.duration_ms == 600);                 // 600 s refused
  CHECK(s.theme.size_scale == 1.0f);                      // 3 refused
  CHECK_FALSE(s.theme.colors.accent);                     // "blue" refused
  CHECK(s.screen.rotation_deg == 0);                      // 45 refused
  CHECK(s.screen.safe_area_fraction == 0.0f);             // 5 refused
  CHECK(s.footer.clock);                                  // "yes" refused
  CHECK(s.watch.mode == WatchMode::automatic);            // [wacth] is not [watch]
}

TEST_CASE("images are resolved inside the show with their pixel size") {
  const LoadResult result = load_from(shows_dir(), "images-ok");
  REQUIRE(result.show);
  REQUIRE(result.show->slides.size() == 3);
  const auto& logo = content_of<CoverSlide>(result.show->slides[0]).logo;
  REQUIRE(logo);
  CHECK(logo->format == ImageFormat::png);
  CHECK(logo->width_px == 4);
  CHECK(logo->height_px == 3);
  CHECK(logo->file == fs::canonical(shows_dir() / "images-ok" / "logo.png"));
  const auto& photo = content_of<ImageSlide>(result.show->slides[1]);
  CHECK(photo.image.format == ImageFormat::jpeg);
  CHECK(photo.image.width_px == 1280);  // from the SOF0 marker
  CHECK(photo.image.height_px == 720);
  CHECK(photo.image.written.value == "photos\\forum.jpg");  // as staff wrote it
  CHECK(photo.fit == ImageFit::cover);
  CHECK(photo.caption.value == "세종컨벤션센터");
  const auto& mark = content_of<ImageSlide>(result.show->slides[2]);
  CHECK(mark.image.format == ImageFormat::svg);
  CHECK(mark.fit == ImageFit::contain);  // the default
}

TEST_CASE("a playlist root keeps going when an include is wrong") {
  const LoadResult result = load_from(shows_dir(), "include-problems");
  REQUIRE(result.show);
  std::vector<std::string> ids;
  for (const auto& slide : result.show->slides) ids.push_back(slide.id);
  CHECK(ids == std::vector<std::string>{"seminar-2020/010-cover"});
  CHECK(result.show->slides[0].event.date == Date{2020, 9, 25});  // the included show's own event
  CHECK(result.show->settings.theme.name == ThemeName::light);     // the top show's theme wins
}

TEST_CASE("a show stops at 500 slides") {
  TempDir temp("limit");
  const fs::path show = temp.path() / "many";
  fs::create_directories(show);
  write_file(show / "show.toml", "title = \"지역균형발전포럼\"\n");
  for (int i = 1; i <= 502; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d-quote.toml", i);
    write_file(show / name, "kind = \"quote\"\ntext = \"균형발전의 모멘텀\"\n");
  }
  const LoadResult result = load_from(temp.path(), "many");
  REQUIRE(result.show);
  CHECK(result.show->slides.size() == 500);
  CHECK(result.show->slides.back().id == "0500-quote");
  CHECK(format_all(result.diagnostics) ==
        "0500-quote.toml: error: this show has reached the limit of 500 slides; the slide files after this one are not "
        "played\n");
}

TEST_CASE("show folders that are not included are pointed out") {
  TempDir temp("unlisted");
  const fs::path root = temp.path() / "content";
  fs::create_directories(root / "forum-2023");
  write_file(root / "forum-2023" / "show.toml", "title = \"지역균형발전포럼\"\n");
  write_file(root / "forum-2023" / "010-cover.toml", "kind = \"cover\"\ntitle = \"지역균형발전포럼\"\n");
  write_file(root / "show.toml", "[theme]\nname = \"dark\"\n");
  const LoadResult result = load_from(temp.path(), "content");
  CHECK_FALSE(result.show);
  CHECK(format_all(result.diagnostics) ==
        "content: error: there is no slide to show: this folder has no slide files; add one like 010-cover.toml (see "
        "FORMAT.md). The show folders inside are played only when show.toml lists them: include = [\"forum-2023\"]\n");
}
