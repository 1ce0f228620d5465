#include "app/layout_command.hpp"

#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>

#include "app/fonts_config.hpp"
#include "render/headless.hpp"
#include "slides/status_scene.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"

namespace annae::app {

int run_layout(const LayoutCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err) {
  std::string text = cmd.text;
  if (text == "-") {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  }
  text::TextEngine engine(font_options());
  if (!engine.has_fonts()) {
    err << "annae: " << no_usable_font_message();
    return 2;
  }
  text::TextStyle style;
  std::error_code ec;
  if (std::filesystem::is_regular_file(cmd.font, ec))
    style.font.file = cmd.font;  // the operator's own command line may name a file
  else
    style.font.family = cmd.font;
  style.size_px = cmd.size_px;
  style.wrap = cmd.wrap;
  const auto width = static_cast<float>(cmd.width_px);
  auto block = std::make_shared<text::TextBlock>(
      cmd.fit_height_px ? engine.fit(text, style, width, static_cast<float>(*cmd.fit_height_px), {})
                        : engine.layout(text, style, width));
  for (const auto& line : block->lines) {
    std::string shown = line.text;
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t')) shown.pop_back();
    out << shown << '\n';
  }
  if (cmd.fit_height_px && block->size_px != cmd.size_px) {
    err << "annae: fitted at " << block->size_px << " px\n";
  }
  if (block->truncated) err << "annae: the text does not fit even at the smallest size; it was cut with …\n";
  if (!cmd.png.empty()) {
    text::GlyphCache glyphs(engine.fonts());
    const float box_h = cmd.fit_height_px ? static_cast<float>(*cmd.fit_height_px) : block->height_px;
    const auto error = render::render_png(slides::text_specimen_scene(block, width, box_h), glyphs, cmd.png);
    if (!error.empty()) {
      err << "annae: " << error << '\n';
      return 1;
    }
  }
  return 0;
}

}  // namespace annae::app
