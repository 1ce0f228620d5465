#include "content/normalize.hpp"

#include <algorithm>

#include "text/unicode/normalize.hpp"

namespace annae::content {

std::string to_nfc(std::string_view utf8) {
  // ASCII is always NFC; most keys, numbers and Latin text take this path.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(utf8);
  }
  return text::normalize_utf8(utf8);  // the text engine's filtered NFC: one definition for the whole product
}

}  // namespace annae::content
