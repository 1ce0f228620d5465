#pragma once
// What is drawn over a slide while a visitor interacts: the index of all
// slides, the paused badge, and a touch marker (feedback within a frame of
// the finger landing). Scenes with a transparent background, drawn over the
// composed page.
#include <string>
#include <vector>

#include "content/model.hpp"
#include "slides/compose.hpp"
#include "slides/show_view.hpp"

namespace annae::slides {

struct IndexOverlay {
  Scene scene;
  std::vector<Rect> cells;  // cells[i] is slide i's card, in scene pixels
};

// A slide's name in the index: its title, or what stands for one.
std::string slide_title(const content::Slide& slide);

IndexOverlay index_overlay(const content::Show& show, std::size_t current, text::TextEngine& engine,
                           const ShowView& view);

// The cell under a slide-normalized point, if any.
std::optional<std::size_t> index_cell_at(const IndexOverlay& index, float x_norm, float y_norm);

// A small "일시정지" badge at the top centre.
Scene paused_badge(text::TextEngine& engine, const ShowView& view);

// A small mark in the bottom-left corner while the newest content has
// problems: amber for warnings, red for errors. For staff; quiet for visitors.
Scene staff_badge(const ShowView& view, bool errors);

// A message for staff after a USB import (app/import_command): a green
// confirmation pill at the top, or — when the stick's show was refused — a
// card listing what to fix while the current show keeps playing below.
struct StaffNotice {
  bool ok = true;
  std::string headline;              // one line, e.g. "USB 콘텐츠를 적용했습니다 · 슬라이드 13장"
  std::vector<std::string> details;  // e.g. "forum-2023/010-cover.toml:2:1: error: …"; only shown when !ok
};
inline constexpr std::size_t staff_notice_max_details = 6;  // the rest are counted ("외 3건")

Scene staff_notice(const StaffNotice& notice, text::TextEngine& engine, const ShowView& view);

// A soft ring where a finger is down (slide-normalized point).
Scene touch_marker(const ShowView& view, float x_norm, float y_norm);

}  // namespace annae::slides
