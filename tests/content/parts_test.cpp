// Unit tests of the pieces the loader is built from: ignore rules, file order,
// dates and times, "did you mean", NFC, image headers.
#include <doctest/doctest.h>

#include <string>

#include "content/datetime.hpp"
#include "content/ignore.hpp"
#include "content/image_header.hpp"
#include "content/normalize.hpp"
#include "content/show_folder.hpp"
#include "content/suggest.hpp"

using namespace annae::content;
using annae::text::CivilTime;

TEST_CASE("temporary, hidden and system files are ignored") {
  struct Case {
    const char* name;
    bool ignored;
  };
  const Case cases[] = {
      {"010-cover.toml", false},              // an ordinary slide
      {"show.toml", false},                   // the settings file
      {"logo.png", false},                    // an image
      {".hidden.toml", true},                 // hidden (Unix)
      {".DS_Store", true},                    // macOS folder metadata
      {"010-cover.toml~", true},              // editor backup
      {"010-cover.toml.tmp", true},           // partial copy
      {"010-cover.TOML.TMP", true},           // partial copy, Windows capitals
      {"010-cover.toml.part", true},          // browser / rsync partial download
      {"~$010-cover.toml", true},             // Office owner file
      {".syncthing.010-cover.toml.tmp", true},  // Syncthing temporary (Unix)
      {"~syncthing~010-cover.toml.tmp", true},  // Syncthing temporary (Windows)
      {".~lock.010-cover.toml#", true},       // LibreOffice lock
      {"Thumbs.db", true},                    // Windows thumbnails
      {"thumbs.db", true},                    // ... in any case
      {"desktop.ini", true},                  // Windows folder settings
      {"Desktop.ini", true},                  // ... in any case
      {"__MACOSX", true},                     // folder added by macOS zip
      {"국토교통부.toml", false},               // a Korean file name is content
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(is_ignored_name(c.name) == c.ignored);
  }
  CHECK(is_ignored_path("__MACOSX/010-cover.toml"));
  CHECK(is_ignored_path("images/.thumbs/a.png"));
  CHECK_FALSE(is_ignored_path("forum-2023/010-cover.toml"));
}

TEST_CASE("what a copy cut off by a power failure leaves is recognised, and nothing else") {
  struct Case {
    const char* name;
    bool interrupted;
  };
  const Case cases[] = {
      {".010-cover.toml.afcYbQ", true},        // rsync's file in transfer
      {".~tmp~", true},                        // rsync --delay-updates' staging folder
      {".syncthing.010-cover.toml.tmp", true}, // syncthing's temporary file
      {"~syncthing~010-cover.toml.tmp", true}, // the same on Windows
      {"010-cover.toml", false},               // a slide
      {".DS_Store", false},                    // hidden, ignored, but not a half copy
      {".010-cover.toml.a-bc", false},         // not six letters or digits
      {"photos", false},                       // a folder of the show
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(annae::content::is_interrupted_copy_name(c.name) == c.interrupted);
    if (c.interrupted) CHECK(is_ignored_name(c.name));  // the player never loaded it
  }
}

TEST_CASE("files play in the order Windows Explorer shows them") {
  struct Case {
    const char* first;  // plays before...
    const char* second;
  };
  const Case cases[] = {
      {"2-b.toml", "10-a.toml"},            // numbers by value, not by character
      {"010-cover.toml", "020-agenda.toml"},  // zero-padded numbers
      {"020-agenda.toml", "20-quote.toml"},   // same number: the rest decides
      {"agenda2.toml", "Cover.toml"},       // letters ignore case ('C' < 'a' in ASCII)
      {"slide9.toml", "slide10.toml"},      // digit runs inside a name
      {"010-cover.toml", "010-표지.toml"},   // Latin before Hangul
  };
  for (const auto& c : cases) {
    CAPTURE(c.first);
    CHECK(natural_less(c.first, c.second));
    CHECK_FALSE(natural_less(c.second, c.first));
  }
  CHECK_FALSE(natural_less("a.toml", "a.toml"));  // a strict order
}

TEST_CASE("times, dates and date-times as staff write them") {
  struct TimeCase {
    const char* text;
    int minutes;  // -1: refused
  };
  const TimeCase times[] = {
      {"14:00", 840},     // the usual form
      {"9:05", 545},      // one-digit hour
      {"14:00:00", 840},  // with seconds
      {"00:00", 0},       // midnight
      {"24:00", -1},      // only an end time may be 24:00
      {"25:00", -1},      // no such hour
      {"14:60", -1},      // no such minute
      {"14시", -1},       // not the 24-hour form
      {"14:0", -1},       // minutes need two digits
  };
  for (const auto& c : times) {
    CAPTURE(c.text);
    const auto parsed = parse_time(c.text, false);
    CHECK(parsed.value.value_or(-1) == c.minutes);
    CHECK(parsed.value.has_value() == parsed.problem.empty());
  }
  CHECK(parse_time("24:00", true).value == 1440);
  CHECK(parse_time("25:00", false).problem == "is not a time of day: hours go from 00 to 23");

  CHECK(parse_date("2023-09-26").value == Date{2023, 9, 26});
  CHECK(parse_date("2024-02-29").value == Date{2024, 2, 29});  // leap year
  CHECK(parse_date("2023-02-30").problem == "is not a real date: February 2023 has 28 days");
  CHECK(parse_date("2023-13-01").problem == "is not a real date: months go from 1 to 12");
  CHECK_FALSE(parse_date("2023.9.26").value);  // dotted Korean style is not accepted

  CHECK(parse_date_time("2023-09-26 09:30", false).value == CivilTime{{2023, 9, 26}, 570});
  CHECK(parse_date_time("2023-09-26T09:30", false).value == CivilTime{{2023, 9, 26}, 570});
  CHECK(parse_date_time("2023-09-30", true).value == CivilTime{{2023, 10, 1}, 0});  // "until" a day: all of it
  CHECK(parse_date_time("2023-12-31", true).value == CivilTime{{2024, 1, 1}, 0});

  CHECK(day_of_week({2023, 9, 26}) == 2);  // 화요일 (forum)
  CHECK(day_of_week({2020, 9, 25}) == 5);  // 금요일 (seminar)
}

TEST_CASE("did you mean") {
  const std::string_view keys[] = {"title", "subtitle", "date", "time", "venue", "host", "logo"};
  CHECK(closest_match("titel", keys) == "title");    // swapped letters
  CHECK(closest_match("Title", keys) == "title");    // wrong case
  CHECK(closest_match("venu", keys) == "venue");     // missing letter
  CHECK_FALSE(closest_match("speaker", keys));       // nothing close
  CHECK_FALSE(closest_match("x", keys));             // too short to guess
  CHECK(edit_distance("agneda", "agenda") == 1);
}

TEST_CASE("NFC keeps CJK compatibility ideographs") {
  // 한 as conjoining jamo (macOS file names and text) becomes one syllable
  CHECK(to_nfc("\u1112\u1161\u11AB") == "\uD55C");
  // U+F900 (豈 compatibility) stays; plain NFC would turn it into U+8C48
  CHECK(to_nfc("\uF900") == "\uF900");
  CHECK(to_nfc("\U0002F800") == "\U0002F800");
  // already NFC text is unchanged
  CHECK(to_nfc("스마트 지역발전 5대 전략 ①") == "스마트 지역발전 5대 전략 ①");
}

TEST_CASE("image sizes come from the header bytes") {
  struct Case {
    std::string bytes;
    bool ok;
    int width, height;
    const char* what;
  };
  const std::string png = std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\x07\x80\0\0\x04\x38\x08\x06\0\0\0", 29);
  const std::string jpeg_with_exif = std::string("\xFF\xD8\xFF\xE1\0\x08" "Exif\0\0", 12) +
                                     std::string("\xFF\xC2\0\x11\x08\x04\x38\x07\x80\x03", 10);
  const Case cases[] = {
      {png, true, 1920, 1080, "PNG 1920×1080"},
      {jpeg_with_exif, true, 1920, 1080, "progressive JPEG after an EXIF segment"},
      {"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", true, 0, 0, "SVG"},
      {png.substr(0, 20), false, 0, 0, "cut-off PNG"},
      {"GIF89a....", false, 0, 0, "GIF"},
      {std::string("\xFF\xD8\xFF\xD9", 4), false, 0, 0, "JPEG without a frame"},
      {"hello", false, 0, 0, "text"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    MemoryByteSource source(c.bytes);
    const ImageHeader h = read_image_header(source);
    CHECK(h.format.has_value() == c.ok);
    CHECK(h.width_px == c.width);
    CHECK(h.height_px == c.height);
    CHECK(h.problem.empty() == c.ok);
  }
}
