#pragma once
// Unicode normalization of content text, so that text typed on macOS (NFD
// jamo) and on Windows (precomposed syllables) is the same string.
#include <string>
#include <string_view>

namespace annae::content {

// NFC, except that CJK compatibility ideographs (U+F900–U+FAFF,
// U+2F800–U+2FA1F) are kept as written: NFC would replace them with their
// unified twins, which changes the glyph a Korean reader expects.
// `utf8` should be valid UTF-8; bad bytes come back as U+FFFD.
std::string to_nfc(std::string_view utf8);

}  // namespace annae::content
