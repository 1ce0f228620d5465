// annae: parse the command line, hand over to the command.
#include <iostream>
#include <string>
#include <vector>

#include "app/app.hpp"
#if ANNAE_HAVE_CHECK
#include "app/check_command.hpp"
#endif
#include "app/cli.hpp"
#include "app/layout_command.hpp"

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace annae::app;
  const std::vector<std::string> args(argv + 1, argv + argc);
  const Command command = parse_command_line(args);
  return std::visit(
      Overloaded{
          [](const RunCommand& cmd) { return run_player(cmd); },
          [](const LayoutCommand& cmd) { return run_layout(cmd, std::cin, std::cout, std::cerr); },
          [](const CheckCommand& cmd) {
#if ANNAE_HAVE_CHECK
            return run_check(cmd.show_dir.empty() ? std::string(ANNAE_CONTENT_DIR) : cmd.show_dir, std::cout);
#else
            (void)cmd;
            std::cerr << "annae: this build has no content checker\n";
            return 2;
#endif
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
