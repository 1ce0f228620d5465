// Carrying decisions from one part to another: events in, shots and
// overlays out.
#include "app/player.hpp"
#include "core/log.hpp"

namespace annae::app {

void Player::handle(const SDL_Event& e) {
  if (e.type == SDL_QUIT) {
    quit_ = true;
  } else if (const auto key = key_input(e)) {
    if (key->down) {
      act(visitors_.key_down(key->key, key->digit, now_ms()));
    } else {
      visitors_.key_up(key->key);
    }
  } else if (const auto touch = touch_input(e)) {
    pointer(*touch);
  } else if (is_mouse_event(e)) {
    // SDL's garbled copy of an absolute pointer is left out: it is read directly (below).
    if (absolute_pointers_ && absolute_pointers_->active()) return;
    show_cursor_for_a_while();
    if (const auto mouse = mouse_input(e, display_->window())) pointer(*mouse);
  } else if (e.type == SDL_WINDOWEVENT) {
    if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED) {
      stage_.invalidate();
    }
  } else if (absolute_pointer_event_ != 0 && e.type == absolute_pointer_event_) {
    const auto sample = AbsolutePointerReader::decode(e.user);
    if (sample.type != PointerEvent::Type::move) {
      log::debug(std::string("touch: absolute pointer ") + (sample.type == PointerEvent::Type::down ? "down" : "up") +
                 " at " + std::to_string(sample.at.x) + ", " + std::to_string(sample.at.y));
    }
    pointer({sample.type, 0, sample.at});
  } else if (image_event_ != 0 && e.type == image_event_) {
    if (compositor_.images().collect() && !duties_.night()) put_up(session_.refresh(steady::now()));
  } else if (const auto request = duties_.request_in(e); request == BoxDuties::Request::screenshot) {
    duties_.write_screenshot(stage_.frame_on_screen());
  } else if (request == BoxDuties::Request::import_notice) {
    if (duties_.show_import_result(steady::now())) overlay_stale_ = true;
  }
}

void Player::pointer(const PointerInput& input) {
  const Point at = map_to_slide(input.output, stage_.rotation_deg());
  const auto decision = visitors_.pointer(input.type, input.finger, at, now_ms());
  if (visitors_.take_feedback_change()) overlay_stale_ = true;  // the marker comes and goes with the finger
  act(decision);
}

void Player::act(const Decision& d) {
  if (d.action == Action::none) return;
  overlay_stale_ = true;
  const auto now = steady::now();
  switch (d.action) {
    case Action::quit: quit_ = true; break;
    case Action::toggle_fullscreen: {
      const bool fullscreen = SDL_GetWindowFlags(display_->window()) & SDL_WINDOW_FULLSCREEN_DESKTOP;
      SDL_SetWindowFullscreen(display_->window(), fullscreen ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
      break;
    }
    case Action::open_index:
      if (const auto* show = session_.show()) {
        const auto at = session_.position();
        visitors_.open_index(slides::index_overlay(*show, at ? at->slide : 0, *engine_, session_.view()));
      }
      break;
    case Action::close_index:
      visitors_.close_index();
      session_.linger(index_close_linger_ms, now);
      break;
    default: navigate(d); break;
  }
  session_.hold(visitors_.held(), now);
}

void Player::navigate(const Decision& d) {
  const auto now = steady::now();
  switch (d.action) {
    case Action::next: put_up(session_.step(+1, now)); break;
    case Action::previous: put_up(session_.step(-1, now)); break;
    case Action::first: visitors_.close_index(); put_up(session_.jump(0, now)); break;
    case Action::last: visitors_.close_index(); put_up(session_.jump_to_last(now)); break;
    case Action::jump: visitors_.close_index(); put_up(session_.jump(d.slide, now)); break;
    default: break;
  }
}

void Player::put_up(const std::optional<Shot>& shot) {
  if (!shot) return;
  stage_.show(*shot, steady::now());
  visitors_.set_page(shot->scene);
  overlay_stale_ = true;
  prefetch_due_ = true;
}

void Player::fit_to_output() {
  const auto [out_w, out_h] = display_->output_size();
  const int rotation = settings_.rotate_deg ? *settings_.rotate_deg : session_.configured_rotation_deg();
  const bool sideways = rotation == 90 || rotation == 270;
  const int w = sideways ? out_h : out_w, h = sideways ? out_w : out_h;  // the slide's own shape
  if (w == width_px_ && h == height_px_ && rotation == rotation_deg_) return;
  width_px_ = w;
  height_px_ = h;
  rotation_deg_ = rotation;
  stage_.set_rotation(rotation);
  if (duties_.night()) {
    stage_.go_dark(out_w, out_h);
    return;
  }
  put_up(session_.resize(w, h, steady::now()));
}

void Player::follow_night(std::chrono::system_clock::time_point wall_now) {
  const auto night = duties_.follow_night_schedule(wall_now, steady::now());
  if (!night) return;
  if (*night) {
    visitors_.close_index();
    const auto [w, h] = display_->output_size();
    stage_.go_dark(w, h);
  } else {
    display_->set_screen_power(true);
    screen_off_ = false;
    stage_.wake();
    put_up(session_.resume(steady::now()));
  }
}

slides::Scene Player::overlay_scene() const {
  slides::Scene overlay;
  overlay.width_px = width_px_;
  overlay.height_px = height_px_;
  const auto add = [&](const slides::Scene& s) { overlay.items.insert(overlay.items.end(), s.items.begin(), s.items.end()); };
  const auto& view = session_.view();
  const auto& index = visitors_.index();
  const bool staff_badge = !session_.diagnostics().empty() && session_.show();
  if (index) add(index->scene);
  if (visitors_.held() && !index) add(slides::paused_badge(*engine_, view));
  if (const auto& finger = visitors_.finger()) add(slides::touch_marker(view, finger->x, finger->y));
  if (staff_badge && !index) add(slides::staff_badge(view, session_.diagnostics().has_errors()));
  if (duties_.notice() && !index) add(slides::staff_notice(*duties_.notice(), *engine_, view));
  return overlay;
}

void Player::show_cursor_for_a_while() {
  if (!display_->windowed()) {
    SDL_ShowCursor(SDL_ENABLE);  // an operator's mouse; visitors never see a cursor otherwise
    cursor_hide_at_ = steady::now() + std::chrono::milliseconds(3000);
  }
}

}  // namespace annae::app
