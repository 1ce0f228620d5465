// annae: parse the command line, hand over to the command.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/check_command.hpp"
#include "app/cli.hpp"
#include "app/layout_command.hpp"
#include "app/render_command.hpp"
#include "core/log.hpp"

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace annae::app;
  if (const char* level = std::getenv("ANNAE_LOG"); level && std::string(level) == "debug") {
    annae::log::set_level(annae::log::Level::debug);
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  const Command command = parse_command_line(args);
  return std::visit(
      Overloaded{
          [](const RunCommand& cmd) { return run_player(cmd); },
          [](const LayoutCommand& cmd) { return run_layout(cmd, std::cin, std::cout, std::cerr); },
          [](const RenderCommand& cmd) { return run_render(cmd, std::cout, std::cerr); },
          [](const CheckCommand& cmd) {
            return run_check(cmd.show_dir.empty() ? std::string(ANNAE_CONTENT_DIR) : cmd.show_dir, std::cout);
          },
          [](const HelpCommand&) {
            std::cout << help_text();
            return 0;
          },
          [](const VersionCommand&) {
            std::cout << version_text();
            return 0;
          },
          [](const UsageError& e) {
            std::cerr << "annae: " << e.message << "\nTry 'annae --help'.\n";
            return 2;
          },
      },
      command);
}
