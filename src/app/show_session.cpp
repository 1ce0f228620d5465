#include "app/show_session.hpp"

#include <algorithm>

#include "core/log.hpp"
#include "slides/status_scene.hpp"

namespace annae::app {
namespace {

using std::chrono::milliseconds;

bool touches_slide(const content::ChangeInfo& change, const std::string& source_path) {
  return std::any_of(change.changed.begin(), change.changed.end(), [&](const std::string& path) {
    return path == source_path || path == "." || path.ends_with("show.toml");
  });
}

}  // namespace

ShowSession::ShowSession(std::string show_dir, text::TextEngine& engine, const Clock& clock)
    : show_dir_(std::move(show_dir)), engine_(engine), clock_(clock) {}

void ShowSession::start(const content::LoadResult& loaded, std::string loaded_at) {
  adopt(loaded.show, loaded, std::move(loaded_at));
  position_.reset();
}

std::optional<Shot> ShowSession::offer(const content::LoadResult& loaded, const content::ChangeInfo& change,
                                       std::string loaded_at, steady::time_point now) {
  if (!loaded.show || loaded.diagnostics.has_errors()) {
    if (!using_last_good_ && show_) {  // said once when the screen starts keeping old content, not per load
      log::warning(std::string(loaded.show ? "the new files have errors" : "no playable show in the folder") +
                   "; the screen keeps the last good show until they are fixed");
    }
    using_last_good_ = show_ != nullptr;
    if (!show_ && loaded.show) {  // nothing better to show
      adopt(loaded.show, loaded, std::move(loaded_at));
      return present(first_position(), 0, now);
    }
    load_diagnostics_ = loaded.diagnostics;
    loaded_at_ = std::move(loaded_at);
    rebuild_diagnostics();
    return std::nullopt;
  }
  if (using_last_good_) log::info("the content is fixed");
  using_last_good_ = false;
  const std::string on_screen = on_screen_id();
  const bool first = !show_;
  const auto place = position_;
  adopt(loaded.show, loaded, std::move(loaded_at));
  std::optional<Position> at;
  for (std::size_t i = 0; i < show_->slides.size(); ++i) {
    if (show_->slides[i].id == on_screen) at = Position{i, place ? place->page : 0};
  }
  if (!at) {  // that slide is gone: start the new show
    position_.reset();
    return present(first_position(), first ? 0 : +1, now);
  }
  position_ = at;  // same slide: keep its place (and its timer)
  if (touches_slide(change, show_->slides[at->slide].source_path)) {
    const auto keep_advance = advance_at_;
    auto shot = compose(*at, false, 0, {content::TransitionKind::fade, refresh_fade_ms, +1}, now);
    advance_at_ = keep_advance;
    return shot;
  }
  // The slide on screen stays as it is drawn; its layout comes from the new show.
  const auto& slide = show_->slides[at->slide];
  pages_ = slides::layout_show_slide(*show_, at->slide, engine_, view_, local_now(slide));
  note_layout_issues(slide.id, pages_.issues);
  position_->page = std::min(position_->page, pages_.pages.size() - 1);
  return std::nullopt;
}

void ShowSession::adopt(std::shared_ptr<const content::Show> show, const content::LoadResult& loaded,
                        std::string loaded_at) {
  show_ = std::move(show);
  load_diagnostics_ = loaded.diagnostics;
  loaded_at_ = std::move(loaded_at);
  layout_issues_.clear();
  rebuild_diagnostics();
}

Shot ShowSession::resize(int width_px, int height_px, steady::time_point now) {
  width_px_ = width_px;
  height_px_ = height_px;
  return refresh(now);
}

Shot ShowSession::refresh(steady::time_point now) {
  return present(position_ ? position_ : first_position(), 0, now);
}

Shot ShowSession::resume(steady::time_point now) {
  auto shot = refresh(now);
  if (show_ && position_) {
    advance_at_ = now + milliseconds(show_->slides[position_->slide].play_duration_ms());
    timer_started_at_ = now;
  }
  return shot;
}

std::optional<Shot> ShowSession::step(int direction, steady::time_point now) {
  if (!show_) return std::nullopt;
  if (!position_) return present(first_position(), direction, now);
  const auto next = Playlist::step(*show_, *position_, pages_.pages.size(), direction, visible_now());
  if (next && *next == *position_) {  // a single page: it stays as drawn, and costs nothing
    advance_at_ = now + milliseconds(show_->slides[next->slide].play_duration_ms());
    timer_started_at_.reset();
    return std::nullopt;
  }
  return present(next, direction, now);
}

std::optional<Shot> ShowSession::jump(std::size_t slide, steady::time_point now) {
  if (!show_ || show_->slides.empty()) return std::nullopt;
  const std::size_t target = std::min(slide, show_->slides.size() - 1);
  const int direction = position_ && target < position_->slide ? -1 : +1;
  if (position_ && position_->slide == target) return compose(*position_, true, 0, entrance_for(direction), now);
  return compose(Position{target, 0}, true, 0, entrance_for(direction), now);
}

std::optional<Shot> ShowSession::jump_to_last(steady::time_point now) {
  if (!show_ || show_->slides.empty()) return std::nullopt;
  return jump(show_->slides.size() - 1, now);
}

void ShowSession::hold(bool held, steady::time_point now) {
  if (held_ && !held && show_ && position_) {
    advance_at_ = now + milliseconds(show_->slides[position_->slide].play_duration_ms());
    timer_started_at_.reset();  // the page is on screen already
  }
  held_ = held;
}

void ShowSession::linger(int ms, steady::time_point now) { advance_at_ = std::max(advance_at_, now + milliseconds(ms)); }

std::optional<Shot> ShowSession::on_time(steady::time_point now) {
  if (show_ && !held_ && now >= advance_at_) {
    if (auto shot = step(+1, now)) return shot;
  }
  if (now >= next_minute_) return refresh(now);  // the footer clock, a live agenda, the status screen
  return std::nullopt;
}

steady::time_point ShowSession::deadline() const {
  return show_ && !held_ ? std::min(next_minute_, advance_at_) : next_minute_;
}

void ShowSession::shown(steady::time_point shown_at) {
  if (!timer_started_at_) return;
  if (shown_at > *timer_started_at_ && advance_at_ != steady::time_point::max()) {
    advance_at_ += shown_at - *timer_started_at_;
  }
  timer_started_at_.reset();
}

std::string ShowSession::on_screen_id() const {
  return show_ && position_ ? show_->slides[position_->slide].id : std::string();
}

std::vector<slides::ImageItem> ShowSession::next_page_images() {
  std::vector<slides::ImageItem> images;
  if (!show_ || !position_) return images;
  const auto next = Playlist::step(*show_, *position_, pages_.pages.size(), +1, visible_now());
  if (!next || *next == *position_) return images;
  slides::SlidePages later;
  const slides::SlidePages* pages = &pages_;
  std::size_t page = next->page;
  if (next->slide != position_->slide) {
    later = slides::layout_show_slide(*show_, next->slide, engine_, view_, local_now(show_->slides[next->slide]));
    pages = &later;
    page = later.initial_page;
  }
  if (page >= pages->pages.size()) return images;
  for (const auto& item : pages->pages[page].items) {
    if (const auto* image = std::get_if<slides::ImageItem>(&item)) images.push_back(*image);
  }
  return images;
}

int ShowSession::configured_rotation_deg() const { return show_ ? show_->settings.screen.rotation_deg : 0; }

text::CivilTime ShowSession::local_now(const content::Slide& slide) const {
  return local_date_time(clock_.now(), slide.event.time_zone);
}

Playlist::Visible ShowSession::visible_now() const {
  return [this](const content::Slide& s) { return slides::is_visible(s, local_now(s)); };
}

std::optional<Position> ShowSession::first_position() const {
  if (!show_) return std::nullopt;
  if (auto first = Playlist::first_visible(*show_, visible_now())) return Position{*first, 0};
  return std::nullopt;
}

Entrance ShowSession::entrance_for(int direction) const {
  if (direction == 0 || !show_) return {};
  const auto& t = show_->settings.transition;
  return {t.kind, t.duration_ms, direction};
}

Shot ShowSession::present(std::optional<Position> at, int direction, steady::time_point now) {
  if (!show_ || !at) return status_screen(now);
  const bool entering = !position_ || position_->slide != at->slide;
  return compose(*at, entering, direction, entrance_for(direction), now);
}

Shot ShowSession::compose(Position at, bool entering, int direction, Entrance entrance, steady::time_point now) {
  const auto& slide = show_->slides[at.slide];
  const auto local = local_now(slide);
  view_ = slides::view_for(*show_, width_px_, height_px_);
  pages_ = slides::layout_show_slide(*show_, at.slide, engine_, view_, local);
  note_layout_issues(slide.id, pages_.issues);
  const std::size_t last_page = pages_.pages.size() - 1;
  if (entering) at.page = direction < 0 ? last_page : pages_.initial_page;  // stepping back enters at the end
  at.page = std::min(at.page, last_page);
  if (entering || !position_) {
    advance_at_ = now + milliseconds(slide.play_duration_ms());
    timer_started_at_ = now;
    ++status_serial_;
  } else if (direction != 0) {
    advance_at_ = now + milliseconds(slide.play_duration_ms());
    timer_started_at_ = now;
  }
  position_ = at;
  schedule_minute(now);
  log::debug("on screen: " + slide.id + " page " + std::to_string(at.page + 1));
  return {slides::page_with_footer(*show_, at.slide, pages_, at.page, engine_, view_, local), entrance};
}

Shot ShowSession::status_screen(steady::time_point now) {
  const std::string text = show_ ? "지금 표시할 슬라이드가 없습니다.\n표시 기간(from/until)을 확인하세요."
                                 : "표시할 슬라이드가 없습니다.\n쇼 폴더: " + show_dir_ + "\n확인: annae check " + show_dir_;
  // Overlays (a staff notice after a USB import) still need the screen's geometry.
  view_ = slides::view_for(show_ ? *show_ : content::Show{}, width_px_, height_px_);
  if (position_) ++status_serial_;
  position_.reset();
  advance_at_ = now + milliseconds(status_screen_refresh_ms);
  timer_started_at_ = now;
  schedule_minute(now);
  return {slides::status_scene(engine_, width_px_, height_px_, "annae", text), {}};
}

void ShowSession::note_layout_issues(const std::string& slide_id, const std::vector<Diagnostic>& issues) {
  for (const auto& d : issues) log::once(log::Level::warning, format_for_log(d));
  auto& known = layout_issues_[slide_id];
  if (known == issues) return;
  known = issues;
  rebuild_diagnostics();
}

void ShowSession::rebuild_diagnostics() {
  diagnostics_ = load_diagnostics_;
  if (show_) {
    for (const auto& slide : show_->slides) {
      const auto found = layout_issues_.find(slide.id);
      if (found == layout_issues_.end()) continue;
      for (const auto& d : found->second) diagnostics_.add(d);
    }
  }
  ++status_serial_;
}

void ShowSession::schedule_minute(steady::time_point now) {
  const auto wall = clock_.now();
  const auto since = std::chrono::duration_cast<milliseconds>(wall.time_since_epoch()).count() % 60'000;
  next_minute_ = now + milliseconds(60'000 - since + 5);
}

}  // namespace annae::app
