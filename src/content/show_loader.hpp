#pragma once
// Reading a show folder into a Show, with one diagnostic per problem.
//
// Load policy (documented for staff in content/FORMAT.md):
//  - a slide file with errors is left out and its errors reported; the other
//    slides still play;
//  - a wrong setting in show.toml falls back to its default with a warning;
//    a show.toml that cannot be read at all, or a bad `include`, is an error
//    (the show still loads, with default settings / without that folder);
//  - a show with no slide left to play is an error and `show` is null.
// A live reloader can therefore either swap only when `complete()` (nothing
// was left out or defaulted), or swap whenever `show` is non-null.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "core/diagnostic.hpp"

namespace annae::content {

struct LoadResult {
  std::shared_ptr<const Show> show;  // null when no slide could be played
  Diagnostics diagnostics;           // in file order (show.toml first, then slides in play order)
  // Every TOML file that was examined, as diagnostics name them, in file order.
  std::vector<std::string> files;
  std::size_t slides_left_out = 0;   // slide files not played because of errors
  std::size_t slides_disabled = 0;   // slide files with enabled = false
  bool settings_defaulted = false;   // some show.toml setting could not be used

  // True when every file was used exactly as written: a show exists, there
  // are no errors, and no setting fell back to its default.
  bool complete() const { return show && !diagnostics.has_errors() && !settings_defaulted; }
};

// Decodes an image the way the screen would show it (bounded in time and
// memory): empty when it can be shown, else why not, in words that follow
// the image's name ("is a damaged PNG image (...)"). The content layer knows
// no pixels, so the app supplies it (render::verify_image). Called on the
// loading thread, which may be the watcher's: it must be thread-safe.
using ImageVerifier = std::function<std::string(const ImageRef&)>;

struct LoadOptions {
  // Null: images are checked from their headers only (size, format).
  ImageVerifier verify_image;
};

// Reads `dir` (a show folder, or a playlist root with `include`). Never throws.
// Diagnostic paths are relative to `dir`; problems with the folder itself are
// reported under `dir` as given. An image that `options.verify_image` refuses
// is an error at its key; its slide stays (and would play without it).
LoadResult load_show(const std::filesystem::path& dir, const LoadOptions& options = {});

}  // namespace annae::content
