#pragma once
// One thread that decodes pictures off the compositing thread, so a slow or
// hostile image never freezes the screen or its input.
//
// Jobs wait in a bounded queue (a show swap queues a few pictures, not the
// whole show); results wait until the owner takes them. One worker: the
// player's box has two cores, and the compositing thread needs the other.
//
// Thread: push() and take_done() on the owner's thread; `on_done` is called
// on the worker thread after each job and must be thread-safe (the player
// pushes an SDL event). The destructor stops the worker: a JPEG decode stops
// at its next row, a PNG or SVG decode finishes first (bounded by the limits).
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/confined_dir.hpp"
#include "render/image_decoder.hpp"

namespace annae::render {

struct DecodeJob {
  std::string key;            // the owner's cache key, handed back with the result
  std::string path;           // for messages
  files::ConfinedDir folder;  // the bytes are read through it, never through `path`
  std::string relative;
  DecodeTarget target;
};

struct DecodeDone {
  std::string key;
  std::string path;
  Decoded result;
};

class ImageWorker {
 public:
  ImageWorker(DecodeLimits limits, std::size_t max_queued, std::function<void()> on_done);
  ~ImageWorker();
  ImageWorker(const ImageWorker&) = delete;
  ImageWorker& operator=(const ImageWorker&) = delete;

  // Queues `job`. When the queue is full the oldest waiting job is dropped
  // and its key returned, so the owner may ask for it again later.
  std::optional<std::string> push(DecodeJob job);

  // The results finished since the last call, oldest first.
  std::vector<DecodeDone> take_done();

 private:
  void run();

  const DecodeLimits limits_;
  const std::size_t max_queued_;
  const std::function<void()> on_done_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<DecodeJob> queue_;      // guarded by mutex_
  std::vector<DecodeDone> done_;     // guarded by mutex_
  bool stopping_ = false;            // guarded by mutex_
  std::atomic<bool> cancel_{false};  // read by the decoder while it works
  std::thread thread_;               // last: starts after everything it uses
};

}  // namespace annae::render
