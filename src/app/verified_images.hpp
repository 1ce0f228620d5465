#pragma once
// The player's image verifier for its loads: render::verify_image, with the
// verdict kept per image file while the file stays the same (size, mtime,
// inode), so a reload after one slide file changed does not decode every
// photo of the show again.
//
// Thread: verify() may be called from any thread (the first load runs on the
// main thread, later ones on the watcher's); the table is locked.
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "content/show_loader.hpp"

namespace annae::app {

class VerifiedImages {
 public:
  // Empty when the image can be shown, else why not (as render::verify_image).
  std::string verify(const content::ImageRef& image);

  // A verifier for content::LoadOptions that calls verify() on this object,
  // which must outlive every load that uses it.
  content::ImageVerifier verifier() {
    return [this](const content::ImageRef& image) { return verify(image); };
  }

 private:
  using FileKey = std::tuple<std::uintmax_t, std::int64_t, std::uint64_t>;  // size, mtime, inode
  static constexpr std::size_t max_remembered = 1000;

  std::mutex mutex_;
  std::map<std::string, std::pair<FileKey, std::string>> verdicts_;  // by image path
};

}  // namespace annae::app
