// Loading the show, live updates from the watcher, and the status file.
#include "app/player_app.hpp"

#include <unistd.h>

#include <algorithm>

namespace annae::app {

void PlayerApp::log_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) {
    log::once(d.severity == Severity::error ? log::Level::error : log::Level::warning, format_for_log(d));
  }
}

void PlayerApp::load_content() {
  const std::string dir = show_dir();
  auto loaded = content::load_show(dir, {verified_images_.verifier()});
  log_diagnostics(loaded.diagnostics);
  // At start-up a partly broken show is better than none: its good slides play, with the badge.
  diagnostics_ = loaded.diagnostics;
  using_last_good_ = false;
  loaded_at_ = iso_now();
  show_ = loaded.show;
  if (!show_) {
    status_ = "표시할 슬라이드가 없습니다.\n쇼 폴더: " + dir + "\n확인: annae check " + dir;
    write_status();
    return;
  }
  log::info("playing " + dir + ": " + std::to_string(show_->slides.size()) + " slides");
  interaction_ = Interaction(show_->settings.touch_idle_timeout_ms, !display_->windowed());
  if (cmd_.at) {
    const text::LocalTime at{cmd_.at->year, cmd_.at->month, cmd_.at->day, cmd_.at->minutes, 0};
    clock_ = Clock(text::from_local(at, show_->settings.event.time_zone));
  }
}

void PlayerApp::watch_content() {
  content::WatchOptions options;
  options.load.verify_image = verified_images_.verifier();
  const auto mode = cmd_.watch ? *cmd_.watch : std::string();
  const auto configured = show_ ? show_->settings.watch : content::Watch{};
  options.mode = mode == "inotify" ? content::WatchMode::inotify
               : mode == "poll"    ? content::WatchMode::poll
               : mode == "auto"    ? content::WatchMode::automatic
                                   : configured.mode;
  options.poll_interval_ms = configured.poll_interval_ms;
  wake_event_ = SDL_RegisterEvents(1);
  try {
    watcher_ = std::make_unique<content::ShowWatcher>(
        show_dir(), options, [this](content::LoadResult&& result, const content::ChangeInfo& change) {
          {
            std::lock_guard lock(pending_mutex_);
            pending_load_ = PendingLoad{std::move(result), change};
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

void PlayerApp::poll_content() {
  std::optional<PendingLoad> pending;
  {
    std::lock_guard lock(pending_mutex_);
    pending.swap(pending_load_);
  }
  if (!pending) return;
  // Our own status file, when someone put it inside the show folder, is not new content.
  const auto status = std::filesystem::weakly_canonical(status_path());
  const auto root = std::filesystem::weakly_canonical(show_dir());
  const auto own = status.lexically_relative(root).generic_string();
  const auto& changed = pending->change.changed;
  if (!changed.empty() && std::all_of(changed.begin(), changed.end(), [&](const std::string& p) { return p == own; })) return;
  auto& result = pending->result;
  log_diagnostics(result.diagnostics);
  const auto took_ms = std::chrono::duration_cast<milliseconds>(steady::now() - pending->change.first_change).count();
  diagnostics_ = result.diagnostics;
  loaded_at_ = iso_now();
  if (!result.show || result.diagnostics.has_errors()) {
    if (!using_last_good_ && show_) {  // said once when the screen starts keeping old content, not per load
      log::warning(std::string(result.show ? "the new files have errors" : "no playable show in the folder") +
                   "; the screen keeps the last good show until they are fixed");
    }
    using_last_good_ = show_ != nullptr;
    if (!show_ && result.show) adopt(result.show, pending->change);  // nothing better to show
    overlay_stale_ = true;
    dirty_ = true;
    write_status();
    return;
  }
  if (using_last_good_) log::info("the content is fixed");
  using_last_good_ = false;
  log::info("new content on screen " + std::to_string(took_ms) + " ms after the first change (" +
            std::to_string(result.show->slides.size()) + " slides)");
  adopt(result.show, pending->change);
  write_status();
}

void PlayerApp::adopt(std::shared_ptr<const content::Show> show, const content::ChangeInfo& change) {
  const std::string on_screen = show_ && position_ ? show_->slides[position_->slide].id : std::string();
  const bool first = !show_;
  show_ = std::move(show);
  compositor_.images().forget_failures();  // a picture staff fixed is tried again
  interaction_ = Interaction(show_->settings.touch_idle_timeout_ms, !display_->windowed());
  index_.reset();
  std::optional<Position> at;
  for (std::size_t i = 0; i < show_->slides.size(); ++i) {
    if (show_->slides[i].id == on_screen) at = Position{i, position_ ? position_->page : 0};
  }
  if (!at) {  // that slide is gone: start the new show
    position_.reset();
    if (auto f = Playlist::first_visible(*show_, visible_now())) at = Position{*f, 0};
    present(at, first ? 0 : +1);
    return;
  }
  const auto& source = show_->slides[at->slide].source_path;
  bool changed_here = false;
  for (const auto& path : change.changed) {
    if (path == source || path == "." || path.ends_with("show.toml")) changed_here = true;
  }
  position_ = at;  // same slide: keep its place (and its timer)
  if (changed_here) {
    const auto keep_advance = advance_at_;
    present(at, 0, /*refresh_fade=*/true);
    advance_at_ = keep_advance;
  } else {
    // Layout of the current slide from the new show, shown as it already is.
    pages_ = slides::layout_show_slide(*show_, at->slide, *engine_, view_, local_now(show_->slides[at->slide]));
  }
  overlay_stale_ = true;
  dirty_ = true;
  prefetch_due_ = true;  // the next slide may have new pictures
}

void PlayerApp::write_status() {
  Status s;
  s.pid = static_cast<int>(getpid());
  s.show_dir = show_dir();
  s.loaded_at = loaded_at_;
  s.on_screen = show_ && position_ ? show_->slides[position_->slide].id : std::string();
  s.using_last_good = using_last_good_;
  s.night = night_;
  s.diagnostics = diagnostics_.items();
  if (const auto error = app::write_status(status_path(), s); !error.empty()) log::once(log::Level::warning, error);
}

content::LocalDateTime PlayerApp::local_now(const content::Slide& slide) const {
  return local_date_time(clock_.now(), slide.event.time_zone);
}

Playlist::Visible PlayerApp::visible_now() const {
  return [this](const content::Slide& s) { return slides::is_visible(s, local_now(s)); };
}

}  // namespace annae::app
