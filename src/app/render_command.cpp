#include "app/render_command.hpp"

#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "box/box_settings.hpp"
#include "app/clock.hpp"
#include "app/fonts_config.hpp"
#include "content/show_loader.hpp"
#include "render/headless.hpp"
#include "slides/scene_json.hpp"
#include "slides/show_view.hpp"
#include "core/files.hpp"
#include "text/glyph_cache.hpp"
#include "text/unicode/civil_time.hpp"

namespace annae::app {
namespace {

std::string file_stem(std::size_t index, const std::string& id) {
  std::string s = std::to_string(index + 1);
  if (s.size() < 2) s = "0" + s;
  s += "-";
  for (char c : id) s += (c == '/' ? '_' : c);
  return s;
}

// The slides `which` names: "all", an id or a 1-based number. When none
// matches: nullopt, with the show's slides listed on err.
std::optional<std::vector<std::size_t>> chosen_slides(const content::Show& show, const std::string& which,
                                                      std::ostream& err) {
  std::vector<std::size_t> chosen;
  if (which == "all") {
    for (std::size_t i = 0; i < show.slides.size(); ++i) chosen.push_back(i);
  } else {
    for (std::size_t i = 0; i < show.slides.size(); ++i) {
      if (show.slides[i].id == which || std::to_string(i + 1) == which) chosen.push_back(i);
    }
    if (chosen.empty()) {
      err << "annae: no slide '" << which << "'; the show has slides 1 to " << show.slides.size() << ":\n";
      for (std::size_t i = 0; i < show.slides.size(); ++i) err << "  " << i + 1 << "  " << show.slides[i].id << '\n';
      return std::nullopt;
    }
  }
  return chosen;
}

// What --scene writes: every rendered page's scene.
struct SceneOutput {
  std::vector<slides::Scene> scenes;
  std::vector<slides::PageForJson> json_pages;
};

// Renders slide `index` to PNG files, telling each path on out: every page
// into the folder cmd.out when to_folder, else its initial page to cmd.out.
// Returns 1 when a page could not be written (told on err), else 0.
int render_slide(const RenderCommand& cmd, const content::Show& show, std::size_t index, text::TextEngine& engine,
                 text::GlyphCache& glyphs, const slides::ShowView& view, bool to_folder, SceneOutput& kept,
                 std::ostream& out, std::ostream& err) {
  int status = 0;
  const auto& slide = show.slides[index];
  const auto instant = cmd.at ? text::instant_in_zone(*cmd.at, slide.event.time_zone)
                              : std::chrono::system_clock::now();
  const auto now = local_date_time(instant, slide.event.time_zone);
  const auto pages = slides::layout_show_slide(show, index, engine, view, now);
  for (const auto& d : pages.issues) err << format(d) << '\n';
  std::vector<std::size_t> which;
  if (to_folder) {
    for (std::size_t p = 0; p < pages.pages.size(); ++p) which.push_back(p);
  } else {
    which.push_back(pages.initial_page);
  }
  for (std::size_t page : which) {
    std::filesystem::path path = cmd.out;
    if (to_folder) {
      path /= file_stem(index, slide.id) + (pages.pages.size() > 1 ? "-p" + std::to_string(page + 1) : "") + ".png";
    }
    const auto scene = slides::page_with_footer(show, index, pages, page, engine, view, now);
    if (!cmd.scene_out.empty()) {
      kept.json_pages.push_back({slide.id, page, pages.pages.size(), nullptr, view.metrics.safe, view.metrics.content});
      kept.scenes.push_back(scene);
    }
    const auto error = render::render_png(scene, glyphs, path);
    if (!error.empty()) {
      err << "annae: " << error << '\n';
      status = 1;
    } else {
      out << path.string() << '\n';
    }
  }
  return status;
}

}  // namespace

int run_render(const RenderCommand& cmd, std::ostream& out, std::ostream& err) {
  const std::string dir = cmd.show_dir.empty() ? box::bundled_show_dir().string() : cmd.show_dir;
  const auto loaded = content::load_show(dir);
  for (const auto& d : loaded.diagnostics.items()) err << format(d) << '\n';
  if (!loaded.show) {
    err << "annae: " << dir << " has no slide that can be shown\n";
    return 2;
  }
  const content::Show& show = *loaded.show;
  text::TextEngine engine(font_options());
  if (!engine.has_fonts()) {
    err << "annae: " << no_usable_font_message();
    return 2;
  }
  text::GlyphCache glyphs(engine.fonts());
  const auto [w, h] = cmd.size;
  const slides::ShowView view = slides::view_for(show, w, h);

  const auto chosen = chosen_slides(show, cmd.slide, err);
  if (!chosen) return 2;
  const bool to_folder = cmd.slide == "all";
  if (to_folder) std::filesystem::create_directories(cmd.out);

  int status = 0;
  SceneOutput kept;  // kept for --scene
  kept.scenes.reserve(64);
  for (std::size_t index : *chosen) {
    if (render_slide(cmd, show, index, engine, glyphs, view, to_folder, kept, out, err) != 0) status = 1;
  }
  if (!cmd.scene_out.empty()) {
    for (std::size_t k = 0; k < kept.scenes.size(); ++k) kept.json_pages[k].scene = &kept.scenes[k];
    if (const std::string error = files::write_atomic(cmd.scene_out, slides::scene_json(kept.json_pages));
        !error.empty()) {
      err << "annae: " << error << '\n';
      status = 1;
    }
  }
  return status;
}

}  // namespace annae::app
