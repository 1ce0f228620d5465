#pragma once
// What a show may hold. Past these, content is refused with a diagnostic
// rather than slowing or starving a small player box.
#include <cstddef>

namespace annae::content::limits {

inline constexpr std::size_t max_text_file_bytes = 1024 * 1024;        // a slide or show.toml
inline constexpr std::size_t max_slides = 500;                         // across all included shows
// Entries of one show folder examined (files, folders, anything); a folder
// with more is read no further, with an error.
inline constexpr std::size_t max_folder_entries = 5000;
inline constexpr std::size_t max_image_file_bytes = 32 * 1024 * 1024;  // PNG, JPEG or SVG on disk
inline constexpr int max_image_side_px = 8192;
inline constexpr long long max_image_pixels = 25'000'000;  // a 6000×4000 camera photo still fits
inline constexpr int max_slide_duration_s = 3600;

// TOML nesting, checked on the bytes before toml++ parses them (it recurses
// once per level: with the 8 MiB stack of the main and loader threads it
// crashes at about 30 800 levels of dotted keys or table headers; on a
// 128 KiB thread stack at 448, and at 97 levels of { } inside each other).
// Real shows need 3 levels of keys (theme.colors.accent) and 2 of values
// (a list of { }).
inline constexpr int max_key_depth = 16;         // segments of a key path: table header + dotted key + enclosing { }
inline constexpr int max_value_depth = 8;        // [ ] and { } inside each other
inline constexpr std::size_t max_key_chars = 100;  // one key segment; real keys have at most 12

// What one slide can hold. Past these the slide file is an error: it is left
// out and the last good content stays. Each bound keeps the layout of the
// worst slide within them well under a second on a small box.
inline constexpr std::size_t max_agenda_rows = 40;       // real agendas: 7
inline constexpr std::size_t max_bullets = 30;           // real: 3
inline constexpr std::size_t max_sub_bullets = 10;       // of one bullet; real: 2
inline constexpr std::size_t max_strategy_items = 20;    // real: 5
inline constexpr std::size_t max_points = 10;            // of one strategy item; real: 2
inline constexpr std::size_t max_talks = 20;             // real: 2
inline constexpr std::size_t max_people = 30;            // of a contacts slide; real: 4
inline constexpr std::size_t max_row_people = 20;        // of one agenda row
inline constexpr std::size_t max_paragraphs = 20;        // real: 3
inline constexpr std::size_t max_notes = 10;             // real: 1
inline constexpr std::size_t max_text_chars = 1000;      // one text value; the longest real one has 151
inline constexpr std::size_t max_slide_chars = 6000;     // all the texts of one slide; the fullest real one has 481
// A word: characters without a space between them (a CJK ideograph or kana
// is a word of its own). The longest real 어절 has 14 characters; a long
// web address in running text fits.
inline constexpr std::size_t max_word_chars = 100;
// A contacts url in UTF-8 bytes: at most QR version 10 (error correction M
// holds 213 bytes), 57 modules plus the quiet zone, so each module is at least
// 3 px on a 1280×720 screen and a phone can read it across the lobby.
inline constexpr std::size_t max_url_bytes = 200;
inline constexpr std::size_t max_includes = 50;  // shows in a playlist's include list
// Diagnostics listed for one file; the rest are counted in one last line.
inline constexpr int max_diagnostics_per_file = 20;
// Overlapping agenda rows reported one by one; the rest are counted.
inline constexpr int max_overlap_warnings = 3;

}  // namespace annae::content::limits
