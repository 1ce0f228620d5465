#pragma once
// One text engine per test program: font discovery is the slow part, and
// laying out never changes the engine's answers.
#include "text/layout.hpp"

namespace annae::test {

inline text::TextEngine& engine() {
  static text::TextEngine instance({});  // Noto Sans CJK KR + system fallback, no fonts/ folder
  return instance;
}

}  // namespace annae::test
