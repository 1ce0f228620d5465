#include "app/stage.hpp"

#include "render/rotate.hpp"

namespace annae::app {

void Stage::set_rotation(int degrees) {
  if (degrees == rotation_deg_) return;
  rotation_deg_ = degrees;
  presenter_.set_rotation(degrees);
  if (page_) page_turned_ = turned(*page_);
  if (previous_) previous_turned_ = turned(*previous_);
  overlay_stale_ = true;
  dirty_ = true;
}

render::Surface Stage::turned(const SDL_Surface& page) const {
  return rotation_deg_ == 0 ? nullptr : render::rotated(page, rotation_deg_);
}

const SDL_Surface* Stage::output_of(const render::Surface& page, const render::Surface& turned_page) const {
  if (rotation_deg_ != 0 && turned_page) return turned_page.get();
  return page.get();
}

void Stage::show(const Shot& shot, steady::time_point now) {
  auto composed = compositor_.compose(shot.scene);
  if (!composed) return;
  if (!shot.entrance.cut() && page_ && !dark_) {
    previous_ = std::move(page_);
    previous_turned_ = std::move(page_turned_);
    transition_ = Transition{now, shot.entrance.duration_ms, shot.entrance.style, shot.entrance.direction};
    last_frame_ = now - frame_interval;
  }
  page_ = std::move(composed);
  page_turned_ = turned(*page_);
  overlay_stale_ = true;
  dirty_ = true;
}

void Stage::set_overlay(slides::Scene overlay) {
  overlay_ = std::move(overlay);
  overlay_stale_ = true;
  dirty_ = true;
}

void Stage::go_dark(int output_width_px, int output_height_px) {
  dark_ = true;
  transition_.reset();
  previous_.reset();
  previous_turned_.reset();
  black_ = render::make_surface(output_width_px, output_height_px);
  if (black_) SDL_FillRect(black_.get(), nullptr, SDL_MapRGBA(black_->format, 0, 0, 0, 255));
  dirty_ = true;
}

void Stage::wake() {
  dark_ = false;
  black_.reset();
  dirty_ = true;
  // The first flip after the connector is switched back on may not reach
  // the screen, as the first one at start-up under KMSDRM does not
  // (RendererPresenter::show): the morning's page goes out twice.
  present_again_ = true;
}

void Stage::compose_overlay_frame() {
  overlay_stale_ = false;
  overlay_frame_.reset();
  overlay_frame_turned_.reset();
  if (overlay_.items.empty() || !page_) return;
  overlay_frame_ = compositor_.compose_over(*page_, overlay_);
  if (!overlay_frame_) return;
  ++overlay_frame_copies_;
  overlay_frame_turned_ = turned(*overlay_frame_);
  if (overlay_frame_turned_) ++overlay_frame_copies_;
}

bool Stage::draw(steady::time_point now) {
  if (transition_ && now - transition_->start >= std::chrono::milliseconds(transition_->duration_ms)) {
    transition_.reset();
    previous_.reset();
    previous_turned_.reset();
    dirty_ = true;  // the last frame: the page as it is, with its overlays
  }
  if (transition_) {
    const float t = std::chrono::duration<float, std::milli>(now - transition_->start).count() /
                    static_cast<float>(transition_->duration_ms);
    presenter_.show_transition(*output_of(previous_, previous_turned_), *output_of(page_, page_turned_),
                               transition_->style, render::ease_in_out(t), transition_->direction);
    last_frame_ = now;
    return true;
  }
  if (!dirty_) return false;
  dirty_ = present_again_ && !dark_;
  if (!dark_) present_again_ = false;
  if (dark_) {
    if (!black_) return false;
    presenter_.show(*black_);
    return true;
  }
  if (!page_) return false;
  if (overlay_stale_) compose_overlay_frame();
  presenter_.show(overlay_frame_ ? *output_of(overlay_frame_, overlay_frame_turned_) : *output_of(page_, page_turned_));
  return true;
}

steady::time_point Stage::deadline() const {
  if (transition_) return last_frame_ + frame_interval;
  return dirty_ ? steady::time_point::min() : steady::time_point::max();
}

const SDL_Surface* Stage::frame_on_screen() const {
  if (dark_ && black_) return black_.get();
  if (!transition_ && overlay_frame_ && !overlay_stale_) return output_of(overlay_frame_, overlay_frame_turned_);
  return page_ ? output_of(page_, page_turned_) : nullptr;
}

}  // namespace annae::app
