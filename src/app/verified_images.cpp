#include "app/verified_images.hpp"

#include "render/image_decoder.hpp"

namespace annae::app {

std::string VerifiedImages::verify(const content::ImageRef& image) {
  const files::EntryInfo info = image.folder.info(image.relative);
  const FileKey key{info.size_bytes, info.mtime_ns, info.inode};
  const std::string path = image.file.string();
  {
    std::lock_guard lock(mutex_);
    if (auto known = verdicts_.find(path); known != verdicts_.end() && known->second.first == key)
      return known->second.second;
  }
  std::string verdict = render::verify_image(image);  // unlocked: decoding may take a while
  std::lock_guard lock(mutex_);
  if (verdicts_.size() >= max_remembered) verdicts_.clear();
  verdicts_[path] = {key, verdict};
  return verdict;
}

}  // namespace annae::app
