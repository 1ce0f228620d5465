#include "render/decoded_images.hpp"

#include <SDL_image.h>

#include "core/log.hpp"
#include "render/image_worker.hpp"

namespace annae::render {
namespace {

std::size_t size_of(const SDL_Surface* s) { return s ? static_cast<std::size_t>(s->pitch) * static_cast<std::size_t>(s->h) : 0; }

// Jobs waiting for the worker: a page's pictures and the next slide's, with room to spare.
constexpr std::size_t max_queued = 8;

}  // namespace

DecodedImages::DecodedImages(Decoding decoding, std::size_t budget_bytes, DecodeLimits limits)
    : decoding_(decoding), budget_bytes_(budget_bytes), limits_(limits) {
  // SDL_image loads its PNG support on first use, which is not thread-safe:
  // do it here, on the owner's thread, before any worker decodes.
  IMG_Init(IMG_INIT_PNG);
}

DecodedImages::~DecodedImages() = default;  // the worker stops first (it is declared last)

DecodeTarget DecodedImages::target_of(const slides::ImageItem& item) {
  return {static_cast<int>(item.rect.w), static_cast<int>(item.rect.h), item.fit == slides::ImageFit::cover};
}

std::string DecodedImages::key_of(const slides::ImageItem& item) {
  const DecodeTarget t = target_of(item);
  return item.path + "#" + item.version + "@" + std::to_string(t.width_px) + "x" + std::to_string(t.height_px) + (t.cover ? "/cover" : "");
}

const SDL_Surface* DecodedImages::get(const slides::ImageItem& item) {
  if (failed_.count(item.path)) return nullptr;
  const std::string key = key_of(item);
  for (auto it = lru_.begin(); it != lru_.end(); ++it) {
    if (it->key == key) {
      lru_.splice(lru_.begin(), lru_, it);
      return lru_.front().surface.get();
    }
  }
  if (decoding_ == Decoding::in_background) {
    queue(item, key);
    pending_[key] = true;  // a page was composed without it
    return nullptr;
  }
  keep(key, item.path, load_image(item.folder, item.relative, target_of(item), limits_));
  return !lru_.empty() && lru_.front().key == key ? lru_.front().surface.get() : nullptr;
}

void DecodedImages::prefetch(const slides::ImageItem& item) {
  if (decoding_ != Decoding::in_background || failed_.count(item.path)) return;
  const std::string key = key_of(item);
  for (const auto& entry : lru_)
    if (entry.key == key) return;
  queue(item, key);
}

void DecodedImages::queue(const slides::ImageItem& item, const std::string& key) {
  if (pending_.count(key)) return;
  if (!worker_) worker_ = std::make_unique<ImageWorker>(limits_, max_queued, on_decoded_);
  pending_[key] = false;
  if (auto dropped = worker_->push({key, item.path, item.folder, item.relative, target_of(item)})) pending_.erase(*dropped);
}

bool DecodedImages::collect() {
  if (!worker_) return false;
  bool wanted = false;
  for (auto& d : worker_->take_done()) {
    if (const auto it = pending_.find(d.key); it != pending_.end()) {
      wanted = wanted || it->second;
      pending_.erase(it);
    }
    keep(std::move(d.key), d.path, std::move(d.result));
  }
  return wanted;
}

void DecodedImages::keep(std::string key, const std::string& path, Decoded decoded) {
  if (!decoded.surface) {
    log::once(log::Level::warning, "image " + path + " is not shown: it " + decoded.problem);
    failed_.insert(path);
    return;
  }
  if (decoded.took.count() > 500) log::debug("image " + path + " took " + std::to_string(decoded.took.count()) + " ms to decode");
  bytes_ += size_of(decoded.surface.get());
  lru_.push_front({std::move(key), std::move(decoded.surface)});
  while (bytes_ > budget_bytes_ && lru_.size() > 1) {
    bytes_ -= size_of(lru_.back().surface.get());
    lru_.pop_back();
  }
}

}  // namespace annae::render
