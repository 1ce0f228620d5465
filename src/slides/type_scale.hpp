#pragma once
// The type scale for signage: every text on a slide is set in one of these
// roles, and the table below is the only place their sizes live. Sizes are
// given for a 1080-pixel short side (a 1920x1080 screen) and scale with it;
// the minimums are what a visitor three to five metres away still reads,
// and no layout sets a role below its minimum (a text that cannot fit even
// there is reported, see compose.hpp).
#include <array>
#include <cstdint>
#include <string_view>

#include "slides/role.hpp"

namespace annae::slides {

struct RoleSpec {
  Role role;
  std::string_view name;  // as in the scene JSON and the README
  float design_px;        // at a 1080 px short side, theme scale 1
  float minimum_px;       // at a 1080 px short side: never set smaller
  std::string_view use;
};

inline constexpr std::array<RoleSpec, 6> role_table{{
    {Role::display, "display", 132, 120, "the cover's event name"},
    {Role::title, "title", 80, 72, "slide titles, quotes"},
    {Role::heading, "heading", 60, 52, "item headings, agenda and talk titles, names and phones"},
    {Role::body, "body", 50, 44, "running text, dates, places"},
    {Role::secondary, "secondary", 40, 34, "summaries, details, sub-points, notes, the footer clock"},
    {Role::caption, "caption", 36, 34, "labels, the page counter, the footer's text and date"},
}};

constexpr const RoleSpec& role_spec(Role role) { return role_table[static_cast<std::size_t>(role)]; }

static_assert([] {
  for (std::size_t i = 0; i < role_table.size(); ++i) {
    if (static_cast<std::size_t>(role_table[i].role) != i) return false;
  }
  return true;
}(), "role_table is indexed by Role");

// One screen's sizes: the table scaled to the screen's short side and the
// show's theme scale.
class TypeScale {
 public:
  TypeScale() = default;
  // `unit_px`: the screen's short side; `theme_scale`: show.toml's [theme] scale.
  TypeScale(float unit_px, float theme_scale);

  int px(Role role) const { return design_px_[static_cast<std::size_t>(role)]; }
  int minimum_px(Role role) const { return minimum_px_[static_cast<std::size_t>(role)]; }
  // A role's size at a composition step (1 = design size), never under its minimum.
  int px_at(Role role, float step) const;
  // The smallest step at which every role still meets its minimum.
  float min_step() const { return min_step_; }
  int floor_px() const { return floor_px_; }  // the absolute floor for text that must be cut

 private:
  std::array<int, role_table.size()> design_px_{};
  std::array<int, role_table.size()> minimum_px_{};
  float min_step_ = 1;
  int floor_px_ = 12;
};

}  // namespace annae::slides
