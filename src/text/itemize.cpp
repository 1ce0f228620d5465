#include "text/itemize.hpp"

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

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

}  // namespace

std::vector<Run> itemize(std::u16string_view text, FontChain& chain) {
  struct Unit {
    std::uint32_t start;
    UScriptCode script;
    FaceId face;
    bool neutral_face;
  };
  std::vector<Unit> units;
  units.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto start = static_cast<std::uint32_t>(i);
    UChar32 c = 0;
    U16_NEXT(text.data(), i, text.size(), c);
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    const bool neutral = follows_previous_face(c);
    units.push_back({start, script, neutral ? FaceId{0} : chain.face_for(static_cast<char32_t>(c)), neutral});
  }
  // Common and inherited characters take the script of what they follow (or,
  // at the start, of what comes first); a text of only those is Hangul.
  UScriptCode first_real = USCRIPT_HANGUL;
  for (const auto& u : units) {
    if (u.script != USCRIPT_COMMON && u.script != USCRIPT_INHERITED && u.script != USCRIPT_INVALID_CODE) {
      first_real = u.script;
      break;
    }
  }
  UScriptCode current_script = first_real;
  FaceId current_face = chain.primary();
  bool face_known = false;
  for (auto& u : units) {
    if (u.script == USCRIPT_COMMON || u.script == USCRIPT_INHERITED || u.script == USCRIPT_INVALID_CODE) {
      u.script = current_script;
    } else {
      current_script = u.script;
    }
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
