#pragma once
// `annae check [SHOW_DIR]`: reads a show the way the player would and prints
// every problem, for staff to run before copying content to the screens.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

#include "content/show_loader.hpp"

namespace annae::box {

// The app passes render::verify_image, as the player's loads do; the
// content-only build of `annae check` (tests) passes none, and images are
// then checked from their headers only.
using ImageVerifier = content::ImageVerifier;

// Prints the diagnostics grouped by file (in play order), then a summary line:
//   "ok: 14 files, 12 slides, no problems" or
//   "2 errors, 1 warning in 14 files (12 slides)".
// Each image file is given to `verify` once; a problem is an error at the
// slide's `file:line:col` of the image key.
// Returns 0 when clean, 1 when there are only warnings, 2 when there are errors.
// `lay_out`, when given, adds the problems of laying the loaded show out
// (app/layout_problems.hpp); the content-only build passes none.
using LayoutPass = std::function<Diagnostics(const content::Show&)>;
int run_check(const std::filesystem::path& show_dir, std::ostream& out, const ImageVerifier& verify = {},
              const LayoutPass& lay_out = {});

}  // namespace annae::box
