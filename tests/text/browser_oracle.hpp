#pragma once
// Chromium as an independent oracle for line widths: the same strings set in
// a headless browser with the same font, measured with
// Range.getBoundingClientRect(). Test-only; the engine never runs a browser.
#include <string>
#include <string_view>
#include <vector>

namespace annae::test {

// The Chromium executable on PATH ("chromium", then "chromium-browser"); empty when there is none.
std::string find_chromium();

// `utf8` as HTML for the oracle page: escaped, and with the one spacing rule
// annae applies that Chromium's default `text-spacing-trim: normal` does not
// stated explicitly (font-feature-settings "halt" on the glyph): a
// full-width opening bracket at the start or after a space, and a full-width
// closing bracket before a space, at the end, or before ASCII punctuation,
// lose their half-em blank. Adjacent full-width brackets Chromium trims itself.
std::string oracle_html(std::string_view utf8);

// The width in CSS px of each of `texts` (UTF-8) set on one line, lang="ko",
// in `family` at `size_px`, as Chromium 156 lays it out. Empty on failure,
// with the reason in `error`. Takes about two seconds (one browser start).
std::vector<double> browser_widths(const std::string& chromium, const std::vector<std::string>& texts,
                                   const std::string& family, int size_px, std::string& error);

}  // namespace annae::test
