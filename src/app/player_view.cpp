// Navigation and drawing: what is on screen, transitions and overlays.
#include "app/player_app.hpp"

namespace annae::app {

void PlayerApp::draw_if_dirty() {
  if (transition_) {
    const float t = std::chrono::duration<float, std::milli>(steady::now() - transition_->start).count() /
                    static_cast<float>(transition_->duration_ms);
    if (previous_ && shown_) {
      presenter_->show_transition(*previous_, *shown_, transition_->style, render::ease_in_out(t),
                                 transition_->direction);
    }
    last_frame_ = steady::now();
    return;
  }
  if (night_) {  // dark: one black frame, then nothing until morning
    if (dirty_ && black_) {
      presenter_->show(*black_);
      first_frame_shown();
      if (display_->set_screen_power(false) > 0) log::info("night: the screen is switched off (DPMS)");
    }
    dirty_ = false;
    return;
  }
  if (!dirty_ || !shown_) return;
  const bool overlays = overlays_on();
  if (overlays && overlay_stale_) overlay_frame_ = compose_overlays();
  presenter_->show(overlays && overlay_frame_ ? *overlay_frame_ : *shown_);
  dirty_ = false;
  first_frame_shown();
  if (prefetch_due_) prefetch_next();  // after the frame: the layout does not delay it
}

void PlayerApp::first_frame_shown() {
  if (first_frame_logged_) return;
  first_frame_logged_ = true;
  log::info("first frame on screen");  // benchmarks time launch to this line
  display_->settle();
}

void PlayerApp::go(int direction) {
  if (!show_) return;
  const auto visible = visible_now();
  std::optional<Position> next;
  if (position_) {
    next = Playlist::step(*show_, *position_, pages_.pages.size(), direction, visible);
  } else if (auto first = Playlist::first_visible(*show_, visible)) {
    next = Position{*first, 0};
  }
  present(next, direction);
}

void PlayerApp::refresh() {
  std::optional<Position> at = position_;
  if (show_ && !at) {
    if (auto first = Playlist::first_visible(*show_, visible_now())) at = Position{*first, 0};
  }
  present(at, 0);
}

void PlayerApp::decode_images_in_background() {
  image_event_ = SDL_RegisterEvents(1);
  compositor_.images().on_decoded([event = image_event_] {
    SDL_Event wake{};
    wake.type = event;
    SDL_PushEvent(&wake);  // thread-safe: wakes the loop's wait
  });
}

void PlayerApp::images_decoded() {
  if (compositor_.images().collect() && !night_) refresh();
}

void PlayerApp::prefetch_next() {
  prefetch_due_ = false;
  if (!show_ || !position_) return;
  const auto next = Playlist::step(*show_, *position_, pages_.pages.size(), +1, visible_now());
  if (!next) return;
  slides::SlidePages later;
  const slides::SlidePages* pages = &pages_;
  std::size_t page = next->page;
  if (next->slide != position_->slide) {
    later = slides::layout_show_slide(*show_, next->slide, *engine_, view_, local_now(show_->slides[next->slide]));
    pages = &later;
    page = later.initial_page;
  }
  if (page >= pages->pages.size()) return;
  for (const auto& item : pages->pages[page].items)
    if (const auto* image = std::get_if<slides::ImageItem>(&item)) compositor_.images().prefetch(*image);
}

void PlayerApp::present(std::optional<Position> at, int direction, bool refresh_fade) {
  slides::Scene scene;
  if (show_ && at) {
    const auto& slide = show_->slides[at->slide];
    const auto now = local_now(slide);
    view_ = slides::view_for(*show_, width_, height_);
    const bool new_slide = !position_ || position_->slide != at->slide;
    pages_ = slides::layout_show_slide(*show_, at->slide, *engine_, view_, now);
    for (const auto& d : pages_.issues) log::once(log::Level::warning, format_for_log(d));
    if (new_slide) at->page = direction < 0 ? pages_.pages.size() - 1 : pages_.initial_page;
    at->page = std::min(at->page, pages_.pages.size() - 1);
    scene = slides::page_with_footer(*show_, at->slide, pages_, at->page, *engine_, view_, now);
    if (direction != 0 || !position_) advance_at_ = steady::now() + milliseconds(slide.play_duration_ms());
  } else {
    const std::string text = show_ ? "지금 표시할 슬라이드가 없습니다.\n표시 기간(from/until)을 확인하세요." : status_;
    scene = slides::status_scene(*engine_, width_, height_, "annae", text);
    // Overlays (a staff notice after a USB import) still need the screen's geometry.
    view_ = slides::view_for(show_ ? *show_ : content::Show{}, width_, height_);
    advance_at_ = steady::now() + milliseconds(60'000);
  }
  schedule_minute();
  const bool slide_changed = !position_ || !at || position_->slide != at->slide;
  position_ = at;
  if (slide_changed && show_) write_status();
  if (show_ && at) log::debug("on screen: " + show_->slides[at->slide].id + " page " + std::to_string(at->page + 1));
  auto composed = compositor_.compose(scene);
  if (composed && applied_rotation_ != 0) composed = render::rotated(*composed, applied_rotation_);
  const auto transition = show_ ? show_->settings.transition : content::Transition{};
  if (refresh_fade && shown_ && composed) {  // new content for the same slide: a quick cross-fade
    previous_ = std::move(shown_);
    transition_ = Transition{steady::now(), 300, render::TransitionStyle::fade, +1};
    last_frame_ = steady::now() - frame_interval;
  } else if (direction != 0 && shown_ && composed && transition.kind != content::TransitionKind::none &&
             transition.duration_ms > 0) {
    previous_ = std::move(shown_);
    transition_ = Transition{steady::now(), transition.duration_ms,
                             transition.kind == content::TransitionKind::push ? render::TransitionStyle::push
                                                                              : render::TransitionStyle::fade,
                             direction};
    last_frame_ = steady::now() - frame_interval;
  }
  shown_ = std::move(composed);
  overlay_stale_ = true;
  dirty_ = true;
  prefetch_due_ = show_ && at;
}

int PlayerApp::current_duration_ms() const {
  return show_ && position_ ? show_->slides[position_->slide].play_duration_ms() : 12'000;
}

render::Surface PlayerApp::compose_overlays() {
  if (!shown_) return nullptr;
  slides::Scene overlay;
  overlay.width_px = width_;
  overlay.height_px = height_;
  const auto add = [&](const slides::Scene& s) { overlay.items.insert(overlay.items.end(), s.items.begin(), s.items.end()); };
  if (index_) add(index_->scene);
  if (interaction_.paused() && !index_) add(slides::paused_badge(*engine_, view_));
  if (finger_at_) add(slides::touch_marker(view_, finger_at_->x, finger_at_->y));
  if (staff_badge() && !index_) add(slides::staff_badge(view_, diagnostics_.has_errors()));
  if (notice_ && !index_) add(slides::staff_notice(*notice_, *engine_, view_));
  overlay_stale_ = false;
  auto frame = compositor_.compose_over(*render::rotated(*shown_, (360 - applied_rotation_) % 360), overlay);
  return frame && applied_rotation_ ? render::rotated(*frame, applied_rotation_) : std::move(frame);
}

int PlayerApp::rotation_deg() const {
  if (cmd_.rotate_deg) return *cmd_.rotate_deg;
  return show_ ? show_->settings.screen.rotation_deg : 0;
}

void PlayerApp::schedule_minute() {
  const auto wall = clock_.now();
  const auto since = std::chrono::duration_cast<milliseconds>(wall.time_since_epoch()).count() % 60'000;
  next_minute_ = steady::now() + milliseconds(60'000 - since + 5);
}

}  // namespace annae::app
