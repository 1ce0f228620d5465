#pragma once
// Stage 3: where a line may break, and where grapheme clusters start.
//
// ICU's UAX #14 line breaking (locale ko, strict) tailored the way a Korean
// typesetter breaks lines:
//  - keep-all: no break between letters/digits of any script (어절 stay
//    whole: "AI정보공학과", "2026학년도"), nor between a bracket and what it
//    touches ("「미래전략」이다", "공사(LH)", "24.(목)");
//  - a middle dot that joins two words ("적기·적소에") may end a line, as in
//    a browser: the one opportunity added to ICU's, "적기·|적소에". Never
//    before the dot, and not between digits ("3·1절");
//  - no line starts with a closing bracket or quote, · … — ~ ? ! % , . : ;
//    and no line ends with an opening bracket or quote;
//  - no line starts with a space of any kind (ASCII, U+3000, tab, U+2000-
//    U+200A, ...): spaces hang at the end of the line before. No-break
//    spaces (U+00A0, U+2007, U+202F) are not spaces here: they never break;
//  - a lone bullet (※, ①-⑳, ●, -, ...) never ends a line;
//  - numbers with separators (044-201-3646, 14:00-14:05, 14:05~14:30) never
//    break inside.
// Apart from the joining dot, only ICU's opportunities are removed, never
// added, and hard breaks stay.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace annae::text {

enum class BreakKind : std::uint8_t { none, allowed, mandatory };

struct Segmentation {
  // breaks[i]: a line may end before code unit i. Size n+1; breaks[0] is
  // none and breaks[n] mandatory (the end of the text).
  std::vector<BreakKind> breaks;
  // grapheme_start[i] != 0 where a grapheme cluster starts (and at n). Size n+1.
  std::vector<std::uint8_t> grapheme_start;
};

// Holds ICU break iterators (costly to create); reuse one per thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  Segmentation segment(std::u16string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Character classes shared by the segmenter and the line filler.
bool is_word_char(char32_t c);      // letters and digits of any script
bool is_digit_char(char32_t c);     // decimal digits
bool is_hanging_space(char32_t c);  // breakable spaces (Zs but no-break ones, and tab): they hang past the line end
bool is_hard_break_char(char32_t c);
bool is_no_start(char32_t c);       // must not begin a line
bool is_no_end(char32_t c);         // must not end a line
bool is_number_separator(char32_t c);
bool is_joining_dot(char32_t c);   // middle dots that join words into a list: 산업·문화·관광

// Debug/test view: the normalized text in UTF-8 with '|' at every allowed
// break and '‖' at every mandatory break inside the text.
std::string mark_breaks(std::string_view utf8);

}  // namespace annae::text
