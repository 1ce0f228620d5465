#pragma once
// UTF-8 decoding that never loses text: each maximal ill-formed subsequence
// becomes one U+FFFD (the Unicode "best practice" of chapter 3), so a broken
// byte shows as a visible replacement character, and the rest is kept.
#include <cstddef>
#include <string>
#include <string_view>

namespace annae::utf8 {

inline constexpr char32_t replacement_char = 0xFFFD;

// Decodes `bytes`; never throws on bad input.
std::u32string decode(std::string_view bytes);

// True when `bytes` is well-formed UTF-8 (no surrogates, no overlongs).
// On failure, `*bad_offset` (if not null) receives the offset of the first bad byte.
bool is_valid(std::string_view bytes, std::size_t* bad_offset = nullptr);

// Encodes code points; surrogates and values above U+10FFFF become U+FFFD.
std::string encode(std::u32string_view text);
void append(std::string& out, char32_t c);

// Number of code points (counting each U+FFFD substitution as one).
std::size_t length(std::string_view bytes);

}  // namespace annae::utf8
