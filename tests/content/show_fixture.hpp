#pragma once
// Helpers for tests that load show folders from tests/data/shows.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "content/show_loader.hpp"

namespace annae::test {

inline std::filesystem::path shows_dir() { return std::filesystem::path(ANNAE_TEST_DATA_DIR) / "shows"; }
inline std::filesystem::path examples_dir() { return std::filesystem::path(ANNAE_SOURCE_DIR) / "content"; }

// Runs load_show(name) from inside `parent`, so that folder-level
// diagnostics name the case ("no-valid-slide: error: ...") rather than a
// machine-specific absolute path.
inline content::LoadResult load_from(const std::filesystem::path& parent, const std::string& name) {
  const auto before = std::filesystem::current_path();
  std::filesystem::current_path(parent);
  auto result = content::load_show(name);
  std::filesystem::current_path(before);
  return result;
}

// One formatted diagnostic per line.
inline std::string format_all(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += format(d) + "\n";
  return out;
}

// A fresh empty directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    path_ = std::filesystem::temp_directory_path() /
            ("annae-test-" + tag + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace annae::test
