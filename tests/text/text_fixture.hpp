#pragma once
// One text engine for a whole test program (font loading is the slow part),
// and helpers that state layouts as the lines a reader would see.
#include <string>
#include <vector>

#include "shared_engine.hpp"
#include "text/layout.hpp"

namespace annae::test {

inline std::vector<std::string> lines_of(const text::TextBlock& block) {
  std::vector<std::string> out;
  for (const auto& line : block.lines) out.push_back(line.text);
  return out;
}

// Lines of `utf8` at `size_px` filled to `width_px` with the default font.
inline std::vector<std::string> lay_out(const std::string& utf8, int size_px, float width_px) {
  text::TextStyle style;
  style.size_px = size_px;
  return lines_of(engine().layout(utf8, style, width_px));
}

using Lines = std::vector<std::string>;

}  // namespace annae::test
