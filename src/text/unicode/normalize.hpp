#pragma once
// Stages 1-2: bytes to normalized UTF-16.
#include <string>
#include <string_view>

namespace annae::text {

// Decodes UTF-8 (bad bytes become U+FFFD, nothing is dropped) and normalizes
// to NFC, except that CJK compatibility ideographs (U+F900-U+FAFF,
// U+2F800-U+2FA1F) are kept as written: plain NFC would replace them with
// their unified twins, changing what an author chose. NFD Hangul (as saved
// by macOS) comes out as precomposed syllables.
std::u16string decode_normalized(std::string_view utf8);

// The same normalization for text already in UTF-16.
std::u16string normalize_nfc(std::u16string_view text);

// The same normalization from UTF-8 to UTF-8 (bad bytes become U+FFFD).
std::string normalize_utf8(std::string_view utf8);

// UTF-16 to UTF-8 (unpaired surrogates become U+FFFD).
std::string to_utf8(std::u16string_view text);

}  // namespace annae::text
