// annae: parse the command line, hand over to the command.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/renderer_choice.hpp"
#include "box/box_settings.hpp"
#include "box/check_command.hpp"
#include "app/fonts_config.hpp"
#include "app/layout_problems.hpp"
#include "app/cli.hpp"
#include "app/import_command.hpp"
#include "app/layout_command.hpp"
#include "app/render_command.hpp"
#include "app/screenshot_command.hpp"
#include "core/log.hpp"
#include "render/image_decoder.hpp"

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace annae::app;
  using annae::box::BoxSettings;
  using annae::box::LayoutPass;
  using annae::box::load_box_settings;
  using annae::box::run_check;
  using annae::box::show_dir_for;
  if (const char* level = std::getenv("ANNAE_LOG"); level && std::string(level) == "debug") {
    annae::log::set_level(annae::log::Level::debug);
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  const Command command = parse_command_line(args);
  return std::visit(
      Overloaded{
          [](const RunCommand& cmd) {
            const BoxSettings settings = load_box_settings(cmd.box, renderer_names);
            for (const auto& d : settings.diagnostics.items()) {
              annae::log::once(d.severity == annae::Severity::error ? annae::log::Level::error
                                                                     : annae::log::Level::warning,
                               annae::format_for_log(d));
            }
            return run_player(resolve_player_settings(cmd, settings));
          },
          [](const LayoutCommand& cmd) { return run_layout(cmd, std::cin, std::cout, std::cerr); },
          [](const RenderCommand& cmd) { return run_render(cmd, std::cout, std::cerr); },
          [](const CheckCommand& cmd) {
            // A technician's `annae check` looks at the box's settings file too.
            const BoxSettings settings = load_box_settings(cmd.box, renderer_names);
            int config_status = 0;
            for (const auto& d : settings.diagnostics.items()) {
              std::cout << annae::format(d) << '\n';
              config_status = std::max(config_status, d.severity == annae::Severity::error ? 2 : 1);
            }
            // With fonts, the slides are laid out too: text that would be cut or too small is a warning.
            annae::text::TextEngine engine(font_options());
            const LayoutPass lay_out = [&](const annae::content::Show& show) {
              const auto [w, h] = check_screen_px(show);
              return layout_problems(show, engine, w, h);
            };
            return std::max(config_status, run_check(show_dir_for(cmd.show_dir, settings), std::cout,
                                                     annae::render::verify_image,
                                                     engine.has_fonts() ? lay_out : LayoutPass{}));
          },
          [](const ImportCommand& cmd) { return run_import(cmd, std::cout, std::cerr); },
          [](const ScreenshotCommand& cmd) { return run_screenshot(cmd, std::cout, std::cerr); },
          [](const HelpCommand& help) {
            std::cout << help_text(help.verb);
            return 0;
          },
          [](const VersionCommand&) {
            std::cout << version_text();
            return 0;
          },
          [](const UsageError& e) {
            std::cerr << "annae: " << e.message << "\nTry 'annae " << (e.verb.empty() ? "" : e.verb + " ") << "--help'.\n";
            return 2;
          },
      },
      command);
}
