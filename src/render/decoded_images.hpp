#pragma once
// Decoded pictures (PNG, JPEG, SVG), each at the size it is drawn, kept
// between page compositions so a slide's picture is read and decoded once,
// not on every redraw (the footer clock redraws each minute). Bounded by
// bytes, least recently used first out. Decoding itself is bounded in size,
// memory and time (image_decoder.hpp).
//
// Two ways to decode, the same decoder either way:
//   - Decoding::now: get() decodes before it returns (`annae render`, whose
//     PNG must hold every picture; `annae check`).
//   - Decoding::in_background: get() of a picture not decoded yet queues it
//     for the worker thread (image_worker.hpp) and returns null, so the page
//     is composed without it; `on_decoded` tells the owner when to collect()
//     and compose again.
// A picture that cannot be decoded (damaged, refused by a limit) is logged
// once with its path and the reason, drawn as nothing, and not tried again
// until forget_failures().
//
// Thread: the compositing thread, except the `on_decoded` callback. Owns its
// surfaces.
#include <SDL.h>

#include <cstddef>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "render/image_decoder.hpp"
#include "slides/scene.hpp"

namespace annae::render {

class ImageWorker;

enum class Decoding { now, in_background };

class DecodedImages {
 public:
  explicit DecodedImages(Decoding decoding = Decoding::now, std::size_t budget_bytes = 48u << 20,
                         DecodeLimits limits = {});
  ~DecodedImages();
  DecodedImages(const DecodedImages&) = delete;
  DecodedImages& operator=(const DecodedImages&) = delete;

  // The picture of `item`, decoded for its rect (in px), or null (not
  // decoded yet, or cannot be). Valid until the next call on this object.
  const SDL_Surface* get(const slides::ImageItem& item);

  // Queues `item` for the worker so a later get() of the same item finds it
  // decoded (the next slide's picture before its transition). Nothing when
  // decoding now.
  void prefetch(const slides::ImageItem& item);

  // Called on the worker thread after each background decode; must be
  // thread-safe. Set before the first get() or prefetch().
  void on_decoded(std::function<void()> callback) { on_decoded_ = std::move(callback); }

  // Takes the finished background decodes into the cache. True when one
  // that a get() asked for arrived (or failed): a page composed meanwhile
  // lacks it and should be composed again. Prefetched ones alone: false.
  bool collect();

  // Pictures that failed are tried again (staff may have fixed the file).
  void forget_failures() { failed_.clear(); }

 private:
  struct Entry {
    std::string key;
    Surface surface;
  };
  static DecodeTarget target_of(const slides::ImageItem& item);
  static std::string key_of(const slides::ImageItem& item);
  void queue(const slides::ImageItem& item, const std::string& key);
  void keep(std::string key, const std::string& path, Decoded decoded);

  Decoding decoding_;
  std::size_t budget_bytes_;
  DecodeLimits limits_;
  std::size_t bytes_ = 0;
  std::list<Entry> lru_;            // most recent first
  std::set<std::string> failed_;    // paths that could not be decoded
  std::map<std::string, bool> pending_;  // keys queued or being decoded → whether a get() asked for it
  std::function<void()> on_decoded_;
  std::unique_ptr<ImageWorker> worker_;  // started at the first background decode
};

}  // namespace annae::render
