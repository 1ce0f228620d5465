#include "app/visitor_input.hpp"

namespace annae::app {

void VisitorInput::set_page(const slides::Scene& page) {
  if (page.width_px <= 0 || page.height_px <= 0) return;
  const float w = static_cast<float>(page.width_px), h = static_cast<float>(page.height_px);
  if (w != page_width_px_ || h != page_height_px_) {
    GestureConfig config;
    config.aspect = w / h;
    gestures_ = GestureRecognizer(config);
  }
  page_width_px_ = w;
  page_height_px_ = h;
  hits_ = page.hits;
}

void VisitorInput::restart(std::int64_t idle_timeout_ms, bool kiosk) {
  interaction_ = Interaction(idle_timeout_ms, kiosk);
  index_.reset();
}

Decision VisitorInput::pointer(PointerEvent::Type type, std::int64_t finger, Point at, std::int64_t now_ms) {
  interaction_.touched(now_ms);
  const bool was_down = finger_at_.has_value();
  finger_at_ = type == PointerEvent::Type::up ? std::nullopt : std::optional<Point>(at);
  if (type != PointerEvent::Type::move || was_down != finger_at_.has_value()) feedback_changed_ = true;
  if (auto g = gestures_.on_event({type, finger, at, now_ms})) return on_gesture(*g, now_ms);
  return {};
}

Decision VisitorInput::on_time(std::int64_t now_ms) {
  if (const auto g = gestures_.on_time(now_ms)) {
    if (auto d = on_gesture(*g, now_ms); d.action != Action::none) return d;
  }
  return interaction_.on_time(now_ms);
}

std::optional<std::int64_t> VisitorInput::deadline_ms() const {
  const auto a = gestures_.deadline_ms(), b = interaction_.deadline_ms();
  if (a && b) return std::min(*a, *b);
  return a ? a : b;
}

bool VisitorInput::take_feedback_change() {
  const bool changed = feedback_changed_;
  feedback_changed_ = false;
  return changed;
}

Decision VisitorInput::on_gesture(const Gesture& g, std::int64_t now_ms) {
  std::optional<std::size_t> cell;
  if (index_) cell = slides::index_cell_at(*index_, g.at.x, g.at.y);
  const auto hit = slides::hit_at(hits_, g.at.x * page_width_px_, g.at.y * page_height_px_);
  return interaction_.on_gesture(g, now_ms, cell, hit == slides::HitTarget::open_index);
}

}  // namespace annae::app
