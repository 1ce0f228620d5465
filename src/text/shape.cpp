#include "text/shape.hpp"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "text/font_handles.hpp"

namespace annae::text {
namespace {

bool is_opening(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

bool is_closing(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION;
}

// No ink on that side: the text's edge (0), a space, a tab or a line break.
bool is_gap(UChar32 c) {
  return c == 0 || c == 0x20 || c == 0xA0 || c == 0x3000 || c == '\t' || c == '\n' || c == '\r' || c == 0x0B ||
         c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Middle dots and the full-width comma and full stop, which a browser's
// `text-spacing-trim` also lets a bracket touch.
bool is_cjk_separator(UChar32 c) {
  return c == 0x00B7 || c == 0x30FB || c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E;
}

bool is_ascii_separator(UChar32 c) {
  return c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

UChar32 at(std::u16string_view text, std::size_t i) {
  UChar32 c = 0;
  U16_GET(text.data(), 0, i, text.size(), c);
  return c;
}

UChar32 before(std::u16string_view text, std::size_t i) {
  if (i == 0) return 0;
  UChar32 c = 0;
  U16_PREV(text.data(), 0, i, c);
  return c;
}

UChar32 after(std::u16string_view text, std::size_t i) {
  U16_FWD_1(text.data(), i, text.size());
  return i < text.size() ? at(text, i) : 0;
}

bool loses_blank(std::u16string_view text, std::size_t i) {
  const UChar32 c = at(text, i);
  if (is_opening(c)) {
    const UChar32 prev = before(text, i);
    return is_gap(prev) || is_opening(prev) || is_closing(prev) || is_cjk_separator(prev);
  }
  if (is_closing(c)) {
    const UChar32 next = after(text, i);
    return is_gap(next) || is_closing(next) || is_cjk_separator(next) || is_ascii_separator(next);
  }
  return false;
}

// One `halt` feature per bracket of [start, end) that loses its blank.
std::vector<hb_feature_t> spacing_features(std::u16string_view text, std::uint32_t start, std::uint32_t end) {
  static const hb_tag_t halt = HB_TAG('h', 'a', 'l', 't');
  std::vector<hb_feature_t> features;
  for (std::uint32_t i = start; i < end; ++i) {
    if (U16_IS_TRAIL(text[i]) || !loses_blank(text, i)) continue;
    features.push_back({halt, 1, i, i + 1});
  }
  return features;
}

}  // namespace

std::vector<ShapedGlyph> shape(std::u16string_view text, const std::vector<Run>& runs, FontLibrary& fonts) {
  std::vector<ShapedGlyph> out;
  out.reserve(text.size());
  hb_buffer_t* buffer = hb_buffer_create();
  static const hb_language_t korean = hb_language_from_string("ko", -1);
  for (const Run& run : runs) {
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf16(buffer, reinterpret_cast<const uint16_t*>(text.data()), static_cast<int>(text.size()),
                        run.start, static_cast<int>(run.end - run.start));
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, static_cast<hb_script_t>(run.script_tag));
    hb_buffer_set_language(buffer, korean);
    const LoadedFace& face = fonts.impl().faces.at(run.face);
    const auto features = spacing_features(text, run.start, run.end);
    hb_shape(face.hb, buffer, features.data(), static_cast<unsigned>(features.size()));
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    const float per_unit = 1.0f / static_cast<float>(face.info.units_per_em);
    for (unsigned g = 0; g < count; ++g) {
      out.push_back({infos[g].codepoint, run.face, infos[g].cluster, positions[g].x_advance * per_unit,
                     positions[g].x_offset * per_unit, positions[g].y_offset * per_unit});
    }
  }
  hb_buffer_destroy(buffer);
  return out;
}

}  // namespace annae::text
