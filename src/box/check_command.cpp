#include "box/check_command.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "content/show_loader.hpp"

namespace annae::box {
namespace {

std::string count(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

int run_check(const std::filesystem::path& show_dir, std::ostream& out, const ImageVerifier& verify,
              const LayoutPass& lay_out) {
  const content::LoadResult loaded = content::load_show(show_dir, {verify});
  Diagnostics diagnostics = loaded.diagnostics;
  if (lay_out && loaded.show) diagnostics.append(lay_out(*loaded.show));
  const auto& items = diagnostics.items();

  // Group by file in the order files were read; diagnostics about the folder
  // itself (a path that is not one of the files) come last.
  std::vector<std::string> order = loaded.files;
  for (const auto& d : items)
    if (std::find(order.begin(), order.end(), d.path) == order.end()) order.push_back(d.path);
  bool first_group = true;
  for (const auto& path : order) {
    bool any = false;
    for (const auto& d : items) {
      if (d.path != path) continue;
      if (!any && !first_group) out << '\n';
      any = true;
      out << format(d) << '\n';
    }
    if (any) first_group = false;
  }
  if (!items.empty()) out << '\n';

  const std::size_t errors = diagnostics.error_count();
  const std::size_t warnings = diagnostics.warning_count();
  const std::size_t slides = loaded.show ? loaded.show->slides.size() : 0;
  const std::string files = count(loaded.files.size(), "file");
  if (errors == 0 && warnings == 0) {
    out << "ok: " << files << ", " << count(slides, "slide") << ", no problems\n";
    return 0;
  }
  std::string summary;
  if (errors > 0) summary = count(errors, "error");
  if (warnings > 0) summary += (summary.empty() ? "" : ", ") + count(warnings, "warning");
  out << summary << " in " << files << " (" << count(slides, "slide") << ")\n";
  return errors > 0 ? 2 : 1;
}

}  // namespace annae::box
