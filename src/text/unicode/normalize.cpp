#include "text/unicode/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "core/utf8.hpp"

namespace annae::text {
namespace {

const icu::Normalizer2& filtered_nfc() {
  // Built once; ICU normalizers are immutable and thread-safe after construction.
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    static icu::UnicodeSet keep(u"[^\\uF900-\\uFAFF\\U0002F800-\\U0002FA1F]", status);
    keep.freeze();
    static icu::FilteredNormalizer2 filtered(*nfc, keep);
    return U_SUCCESS(status) ? static_cast<const icu::Normalizer2*>(&filtered) : nullptr;
  }();
  return *instance;
}

}  // namespace

std::u16string normalize_nfc(std::u16string_view text) {
  icu::UnicodeString source(false, text.data(), static_cast<int32_t>(text.size()));  // read-only alias
  UErrorCode status = U_ZERO_ERROR;
  const auto& nfc = filtered_nfc();
  if (nfc.isNormalized(source, status) && U_SUCCESS(status)) return std::u16string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc.normalize(source, status);
  if (U_FAILURE(status)) return std::u16string(text);
  return std::u16string(normalized.getBuffer(), static_cast<std::size_t>(normalized.length()));
}

std::u16string decode_normalized(std::string_view utf8) {
  std::u16string utf16;
  utf16.reserve(utf8.size());
  for (char32_t c : utf8::decode(utf8)) {
    if (c > 0xFFFF) {
      utf16.push_back(static_cast<char16_t>(U16_LEAD(c)));
      utf16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
    } else {
      utf16.push_back(static_cast<char16_t>(c));
    }
  }
  return normalize_nfc(utf16);
}

std::string normalize_utf8(std::string_view utf8) { return to_utf8(decode_normalized(utf8)); }

std::string to_utf8(std::u16string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c = 0;
    U16_NEXT(text.data(), i, text.size(), c);
    if (U_IS_SURROGATE(c)) c = utf8::replacement_char;
    utf8::append(out, static_cast<char32_t>(c));
  }
  return out;
}

}  // namespace annae::text
