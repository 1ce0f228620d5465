#include "text/shape.hpp"

#include "text/font_handles.hpp"

namespace annae::text {

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
    hb_shape(face.hb, buffer, nullptr, 0);
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
