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

// True for the characters that must never reach a terminal or the journal
// raw, because they move the cursor, start an escape sequence, break the
// line or reorder what follows: C0 controls (tab and line ends included,
// so a diagnostic stays one line), DEL, C1 controls U+0080–U+009F (U+009B
// is CSI, U+0085 NEL), the line and paragraph separators U+2028/U+2029, and
// the bidirectional marks, embeddings, overrides and isolates (U+061C,
// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
bool is_unsafe_to_print(char32_t c);

// `text` with each such character replaced by a visible escape: "\t", "\n"
// and "\r" for tab and line ends, "\x1B" for the other C0 controls and
// DEL, "\u009B" / "\u202E" for the rest, and each byte of invalid UTF-8 as
// "\xFF". Everything else (Hangul, "·", "“”", "※", a literal U+FFFD,
// backslashes) is kept byte for byte.
std::string escape_controls(std::string_view text);

}  // namespace annae::utf8
