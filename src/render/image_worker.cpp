#include "render/image_worker.hpp"

#include <malloc.h>

#include <algorithm>
#include <utility>

namespace annae::render {

ImageWorker::ImageWorker(DecodeLimits limits, std::size_t max_queued, std::function<void()> on_done)
    : limits_(limits), max_queued_(std::max<std::size_t>(max_queued, 1)), on_done_(std::move(on_done)), thread_([this] { run(); }) {}

ImageWorker::~ImageWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cancel_ = true;
  wake_.notify_all();
  thread_.join();
}

std::optional<std::string> ImageWorker::push(DecodeJob job) {
  std::optional<std::string> dropped;
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= max_queued_) {
      dropped = std::move(queue_.front().key);
      queue_.pop_front();
    }
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  return dropped;
}

std::vector<DecodeDone> ImageWorker::take_done() {
  std::lock_guard lock(mutex_);
  return std::exchange(done_, {});
}

void ImageWorker::run() {
  while (true) {
    DecodeJob job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    Decoded result = load_image(job.folder, job.relative, job.target, limits_, &cancel_);
    // A decode's working memory (a file's bytes, libjpeg's coefficients, a
    // PNG at full size) is freed now; give it back to the system, or this
    // thread's malloc arena keeps the peak resident for the player's life.
    malloc_trim(0);
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      done_.push_back({std::move(job.key), std::move(job.path), std::move(result)});
    }
    if (on_done_) on_done_();
  }
}

}  // namespace annae::render
