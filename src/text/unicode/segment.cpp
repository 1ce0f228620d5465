#include "text/unicode/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <string>

#include "core/utf8.hpp"
#include "text/unicode/normalize.hpp"

namespace annae::text {
namespace {

constexpr std::u32string_view closing_marks = U")]}〉》」』”’〕】）］｝＞〙〛»›>";
constexpr std::u32string_view opening_marks = U"([{〈《「『“‘〔【（［｛＜〘〚«‹<";
// Besides closing marks, these never begin a line in Korean typesetting.
constexpr std::u32string_view other_no_start = U"·ㆍ・‧…‥—―~～〜?!%,.:;？！％，．：；、。";
// Middle dots join the words of a list: 산업·문화·관광. A line may end after one, never before.
constexpr std::u32string_view joining_dots = U"·ㆍ・‧";
constexpr std::u32string_view bullet_marks = U"※●○◎■□▪▫◆◇•◦‣▶▷►-–*✓✔";

bool contains(std::u32string_view set, char32_t c) { return set.find(c) != std::u32string_view::npos; }

bool is_bullet(char32_t c) {
  return contains(bullet_marks, c) || (c >= 0x2460 && c <= 0x2487) || (c >= 0x2776 && c <= 0x2793);
}

char32_t at(std::u16string_view s, std::size_t i) {  // code point starting at i; 0 past the end
  if (i >= s.size()) return 0;
  UChar32 c = 0;
  U16_NEXT(s.data(), i, s.size(), c);
  return static_cast<char32_t>(c);
}

char32_t before(std::u16string_view s, std::size_t i) {  // code point ending at i; 0 at the start
  if (i == 0) return 0;
  UChar32 c = 0;
  U16_PREV(s.data(), 0, i, c);
  return static_cast<char32_t>(c);
}

std::size_t prev_index(std::u16string_view s, std::size_t i) {
  if (i == 0) return 0;
  U16_BACK_1(s.data(), 0, i);
  return i;
}

std::size_t next_index(std::u16string_view s, std::size_t i) {
  if (i >= s.size()) return s.size();
  U16_FWD_1(s.data(), i, s.size());
  return i;
}

bool removed_by_tailoring(std::u16string_view s, std::size_t i) {
  const char32_t left = before(s, i);
  const char32_t right = at(s, i);
  const char32_t left2 = before(s, prev_index(s, i));
  const char32_t right2 = at(s, next_index(s, i));
  if (is_word_char(left) && is_word_char(right)) return true;            // keep-all
  if (contains(closing_marks, left) && is_word_char(right)) return true;  // 「미래전략」이다
  // An opening bracket touching what precedes it belongs to that 어절: 공사(LH), 24.(목)
  if (contains(opening_marks, right) && !is_hanging_space(left) && left != U'\u200B') return true;
  if (is_no_start(right) || is_no_end(left)) return true;
  if (is_hanging_space(right)) return true;  // spaces hang at the line end, never start a line
  // A joining dot between digits stays whole (3·1절); between words it may end a line (see below).
  if (contains(joining_dots, left) && is_word_char(left2) && is_word_char(right)) return true;
  if (is_number_separator(left) && is_digit_char(left2) && is_digit_char(right)) return true;
  if (is_digit_char(left) && is_number_separator(right) && is_digit_char(right2)) return true;
  return false;
}

// "적기·|적소에": a browser may break after a middle dot that joins two words
// (never before it, see other_no_start). Not between digits: "3·1절".
bool breaks_after_joining_dot(std::u16string_view s, std::size_t i) {
  const char32_t left = before(s, i);
  const char32_t right = at(s, i);
  const char32_t left2 = before(s, prev_index(s, i));
  if (!contains(joining_dots, left) || !is_word_char(left2) || !is_word_char(right)) return false;
  return !(is_digit_char(left2) && is_digit_char(right));
}

// A line must not end with nothing but a bullet: "※ |해당" keeps ※ with its text.
bool only_a_bullet(std::u16string_view s, std::size_t from, std::size_t to) {
  while (to > from && is_hanging_space(before(s, to))) to = prev_index(s, to);
  return to > from && prev_index(s, to) == from && is_bullet(before(s, to));
}

}  // namespace

bool is_word_char(char32_t c) {
  const auto category = u_charType(static_cast<UChar32>(c));
  switch (category) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

bool is_digit_char(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER; }

// Zs except the no-break ones (U+00A0, U+2007, U+202F), and tab.
bool is_hanging_space(char32_t c) {
  return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\u1680' || (c >= 0x2000 && c <= 0x200A && c != 0x2007) ||
         c == U'\u205F';
}

bool is_hard_break_char(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == U'\u0085' || c == U'\u2028' || c == U'\u2029';
}

bool is_no_start(char32_t c) { return contains(closing_marks, c) || contains(other_no_start, c); }

bool is_no_end(char32_t c) { return contains(opening_marks, c); }

bool is_number_separator(char32_t c) { return contains(U"-‐‑–~～〜:.,/", c); }

bool is_joining_dot(char32_t c) { return contains(joining_dots, c); }

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> line;
  std::unique_ptr<icu::BreakIterator> grapheme;
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->line.reset(icu::BreakIterator::createLineInstance(icu::Locale("ko@lb=strict"), status));
  status = U_ZERO_ERROR;
  impl_->grapheme.reset(icu::BreakIterator::createCharacterInstance(icu::Locale("ko"), status));
}

Segmenter::~Segmenter() = default;

Segmentation Segmenter::segment(std::u16string_view text) {
  const std::size_t n = text.size();
  Segmentation seg;
  seg.breaks.assign(n + 1, BreakKind::none);
  seg.grapheme_start.assign(n + 1, 0);
  seg.grapheme_start[n] = 1;
  seg.breaks[n] = BreakKind::mandatory;
  if (n == 0) return seg;

  const icu::UnicodeString ustr(false, text.data(), static_cast<int32_t>(n));
  if (impl_->line) {
    impl_->line->setText(ustr);
    for (int32_t b = impl_->line->next(); b != icu::BreakIterator::DONE; b = impl_->line->next()) {
      const auto status = impl_->line->getRuleStatus();
      const bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
      seg.breaks[static_cast<std::size_t>(b)] = hard ? BreakKind::mandatory : BreakKind::allowed;
    }
    seg.breaks[n] = BreakKind::mandatory;
  }
  if (impl_->grapheme) {
    impl_->grapheme->setText(ustr);
    for (int32_t b = impl_->grapheme->first(); b != icu::BreakIterator::DONE; b = impl_->grapheme->next()) {
      seg.grapheme_start[static_cast<std::size_t>(b)] = 1;
    }
  }

  std::size_t previous = 0;  // the last opportunity kept, or the start
  for (std::size_t i = 1; i < n; ++i) {
    if (seg.breaks[i] != BreakKind::mandatory && breaks_after_joining_dot(text, i)) {
      seg.breaks[i] = BreakKind::allowed;  // the one opportunity ICU does not offer
      previous = i;
      continue;
    }
    if (seg.breaks[i] == BreakKind::none) continue;
    if (seg.breaks[i] == BreakKind::allowed &&
        (removed_by_tailoring(text, i) || only_a_bullet(text, previous, i))) {
      seg.breaks[i] = BreakKind::none;
      continue;
    }
    previous = i;
  }
  return seg;
}

std::string mark_breaks(std::string_view utf8) {
  thread_local Segmenter segmenter;
  const std::u16string text = decode_normalized(utf8);
  const Segmentation seg = segmenter.segment(text);
  std::u16string marked;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && seg.breaks[i] == BreakKind::allowed) marked += u'|';
    if (i > 0 && seg.breaks[i] == BreakKind::mandatory) marked += u'‖';
    marked += text[i];
  }
  return to_utf8(marked);
}

}  // namespace annae::text
