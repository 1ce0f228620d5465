#include "text/itemize.hpp"

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>

namespace annae::text {
namespace {

bool follows_previous_face(UChar32 c) {
  if (c == 0x20 || c == 0x3000 || c < 0x20 || (c >= 0x7F && c < 0xA0)) return true;
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return true;
  if (u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR)) return true;
  const auto category = u_charType(c);
  return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_COMBINING_SPACING_MARK;
}

std::uint32_t hb_tag_of(UScriptCode script) {
  return static_cast<std::uint32_t>(hb_script_from_string(uscript_getShortName(script), -1));
}

bool is_neutral_script(UScriptCode s) {
  return s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_INVALID_CODE;
}

// U+00B7 MIDDLE DOT is Common, but Unicode 16's Script_Extensions (the data
// Chromium resolves scripts with) tie it to these scripts, and not to
// Hangul. So a browser sets "정부·지자체" with the dot in a run of its own,
// outside the Korean `locl` forms: 0.561 em in Noto Sans CJK KR, not the
// Korean 0.279 em. We resolve it the same way so that line widths agree
// (ICU 72, in Debian 12, predates that data).
bool middle_dot_belongs_to(UScriptCode s) {
  switch (s) {
    case USCRIPT_AVESTAN: case USCRIPT_CARIAN: case USCRIPT_COPTIC: case USCRIPT_DUPLOYAN:
    case USCRIPT_ELBASAN: case USCRIPT_GEORGIAN: case USCRIPT_GLAGOLITIC: case USCRIPT_GUNJALA_GONDI:
    case USCRIPT_GOTHIC: case USCRIPT_GREEK: case USCRIPT_HAN: case USCRIPT_LATIN: case USCRIPT_LYDIAN:
    case USCRIPT_MAHAJANI: case USCRIPT_OLD_PERMIC: case USCRIPT_SHAVIAN:
      return true;
    default:
      return false;
  }
}

struct Unit {
  std::uint32_t start;
  char32_t c;
  UScriptCode script;
  FaceId face;
  bool neutral_face;
};

// The script of a middle dot at units[k] that cannot continue the run before
// it: the first script of what follows that the dot belongs to too, else
// Common. CJK punctuation that has Han among its Script_Extensions counts
// as Han ("·「" is one Han run in Chromium), except a closing bracket,
// which takes the script of its opening one (Hangul, in Korean text).
UScriptCode middle_dot_script(const std::vector<Unit>& units, std::size_t k) {
  for (std::size_t j = k + 1; j < units.size(); ++j) {
    const Unit& v = units[j];
    if (!is_neutral_script(v.script)) return middle_dot_belongs_to(v.script) ? v.script : USCRIPT_COMMON;
    if (uscript_hasScript(static_cast<UChar32>(v.c), USCRIPT_HAN)) {
      return u_charType(static_cast<UChar32>(v.c)) == U_END_PUNCTUATION ? USCRIPT_COMMON : USCRIPT_HAN;
    }
  }
  return USCRIPT_COMMON;
}

// Common and inherited characters take the script of what they follow (or,
// at the start, of what comes first), as a browser's script runs do, the
// middle dot aside (see middle_dot_belongs_to). A text of only such
// characters is Latin when it is all Latin-1 and Common otherwise: Chromium
// takes that shortcut too, and the difference shows (Latin with language ko
// selects Noto's Korean forms, a 0.28 em space; Common does not, 0.224 em).
void resolve_neutral_scripts(std::vector<Unit>& units, std::u16string_view text) {
  const auto real =
      std::find_if(units.begin(), units.end(), [](const Unit& u) { return !is_neutral_script(u.script); });
  const bool latin1 = std::all_of(text.begin(), text.end(), [](char16_t c) { return c <= 0xFF; });
  UScriptCode current = real != units.end() ? real->script : latin1 ? USCRIPT_LATIN : USCRIPT_COMMON;
  for (std::size_t k = 0; k < units.size(); ++k) {
    Unit& u = units[k];
    if (!is_neutral_script(u.script)) {
      current = u.script;
      continue;
    }
    if (u.c == 0x00B7 && !middle_dot_belongs_to(current)) current = middle_dot_script(units, k);
    u.script = current;
  }
}

}  // namespace

std::vector<Run> itemize(std::u16string_view text, FontChain& chain) {
  std::vector<Unit> units;
  units.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto start = static_cast<std::uint32_t>(i);
    UChar32 c = 0;
    U16_NEXT(text.data(), i, text.size(), c);
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    const bool neutral = follows_previous_face(c);
    units.push_back({start, static_cast<char32_t>(c), script,
                     neutral ? FaceId{0} : chain.face_for(static_cast<char32_t>(c)), neutral});
  }
  resolve_neutral_scripts(units, text);
  FaceId current_face = chain.primary();
  bool face_known = false;
  for (auto& u : units) {
    if (u.neutral_face) {
      u.face = current_face;
    } else {
      if (!face_known) {  // leading neutral characters take the first real face
        for (auto& earlier : units) {
          if (&earlier == &u) break;
          earlier.face = u.face;
        }
        face_known = true;
      }
      current_face = u.face;
    }
  }

  std::vector<Run> runs;
  for (std::size_t k = 0; k < units.size(); ++k) {
    const auto& u = units[k];
    const auto end = k + 1 < units.size() ? units[k + 1].start : static_cast<std::uint32_t>(text.size());
    const auto tag = hb_tag_of(u.script);
    if (!runs.empty() && runs.back().face == u.face && runs.back().script_tag == tag) {
      runs.back().end = end;
    } else {
      runs.push_back({u.start, end, u.face, tag});
    }
  }
  return runs;
}

}  // namespace annae::text
