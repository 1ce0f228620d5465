#include "app/content_feed.hpp"

#include <algorithm>

#include "core/log.hpp"

namespace annae::app {

ContentFeed::ContentFeed(std::string show_dir, std::filesystem::path own_status_file)
    : show_dir_(std::move(show_dir)), own_status_file_(std::move(own_status_file)) {}

ContentFeed::~ContentFeed() { watcher_.reset(); }

content::LoadResult ContentFeed::load_now() { return content::load_show(show_dir_, {verified_images_.verifier()}); }

void ContentFeed::watch(content::WatchMode mode, int poll_interval_ms) {
  content::WatchOptions options;
  options.load.verify_image = verified_images_.verifier();
  options.mode = mode;
  options.poll_interval_ms = poll_interval_ms;
  wake_event_ = SDL_RegisterEvents(1);
  try {
    watcher_ = std::make_unique<content::ShowWatcher>(
        show_dir_, options, [this](content::LoadResult&& result, const content::ChangeInfo& change) {
          {
            std::lock_guard lock(mutex_);
            pending_ = Arrival{std::move(result), change};
          }
          SDL_Event wake{};
          wake.type = wake_event_;
          SDL_PushEvent(&wake);  // thread-safe: wakes the loop's wait
        });
    log::info("watching for copied files: " + watcher_->description());
  } catch (const std::exception& e) {
    log::error(std::string("cannot watch the show folder for changes: ") + e.what());
  }
}

std::optional<ContentFeed::Arrival> ContentFeed::take() {
  std::optional<Arrival> arrival;
  {
    std::lock_guard lock(mutex_);
    arrival.swap(pending_);
  }
  if (!arrival) return arrival;
  const auto status = std::filesystem::weakly_canonical(own_status_file_);
  const auto root = std::filesystem::weakly_canonical(show_dir_);
  const auto own = status.lexically_relative(root).generic_string();
  const auto& changed = arrival->change.changed;
  if (!changed.empty() && std::all_of(changed.begin(), changed.end(), [&](const std::string& p) { return p == own; })) {
    return std::nullopt;
  }
  return arrival;
}

}  // namespace annae::app
