#pragma once
// Where the player is in a show, and what comes next. Pure state: no SDL,
// no layout; page counts are told to it by whoever lays slides out.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

#include "content/model.hpp"

namespace annae::app {

struct Position {
  std::size_t slide = 0;
  std::size_t page = 0;
  bool operator==(const Position&) const = default;
};

// Steps through pages, then slides, wrapping at the end, skipping slides
// that are not visible now.
class Playlist {
 public:
  using Visible = std::function<bool(const content::Slide&)>;

  // The first visible slide, or nothing when none is visible.
  static std::optional<std::size_t> first_visible(const content::Show& show, const Visible& visible);

  // The position after `at` (direction +1) or before it (-1), given the
  // current slide's page count; a new slide starts at page 0 (the caller
  // picks its real first page once it is laid out). Empty when no slide is
  // visible.
  static std::optional<Position> step(const content::Show& show, Position at, std::size_t page_count, int direction,
                                      const Visible& visible);
};

}  // namespace annae::app
