#pragma once
// Whole-file reads and atomic writes. Errors are returned as text meant for
// a log line or a diagnostic ("cannot read X: reason").
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace annae::files {

struct ReadResult {
  std::optional<std::string> bytes;  // empty optional on failure
  std::string error;                 // set on failure
  bool too_large = false;            // the file exceeded `max_bytes`
};

// Reads the whole file, refusing files larger than `max_bytes` without reading them.
ReadResult read(const std::filesystem::path& path, std::size_t max_bytes);

// Writes `bytes` to a temporary file beside `path`, then renames it over `path`,
// so readers never see a half-written file. Returns an error text, empty on success.
std::string write_atomic(const std::filesystem::path& path, std::string_view bytes);

// `p` made absolute and normalized without touching the file system (links are
// not resolved), and without a trailing separator ("show/" → "/…/show"), so
// that its filename is the folder's name — what watches and swaps match on.
std::filesystem::path absolute_lexical(const std::filesystem::path& p);

}  // namespace annae::files
