// Fuzzes what staff can put in a show folder: show.toml, one slide file and
// image headers. Input: "<show.toml bytes>\n#--slide--\n<slide bytes>", or
// without the separator the same bytes serve as both.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "content/image_header.hpp"
#include "content/show_settings.hpp"
#include "content/slide_file.hpp"
#include "core/diagnostic.hpp"
#include "core/utf8.hpp"

namespace {

namespace fs = std::filesystem;
using namespace annae::content;

fs::path g_show_dir;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// A show folder for image paths to resolve in: a real PNG header, a JPEG
// header, a folder, and a link pointing outside.
void make_show_dir() {
  g_show_dir = fs::temp_directory_path() / ("annae-fuzz-" + std::to_string(::getpid()));
  fs::create_directories(g_show_dir / "images");
  std::ofstream(g_show_dir / "logo.png", std::ios::binary)
      << std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x10\0\0\0\x08\x08\x06\0\0\0", 29);
  std::ofstream(g_show_dir / "images" / "photo.jpg", std::ios::binary)
      << std::string("\xFF\xD8\xFF\xE0\0\x04\0\0\xFF\xC0\0\x0B\x08\0\x20\0\x40\x01\x01\x11\0", 21);
  std::error_code ec;
  fs::create_symlink("/etc/hostname", g_show_dir / "outside.png", ec);
}

void check_text(const Text& t) { check(annae::utf8::is_valid(t.value)); }

void check_slide(const Slide& slide) {
  std::visit(
      [](const auto& content) {
        using T = std::decay_t<decltype(content)>;
        if constexpr (std::is_same_v<T, CoverSlide>) check_text(content.title);
        if constexpr (std::is_same_v<T, TextSlide>) {
          for (const auto& p : content.paragraphs) check_text(p);
          for (const auto& b : content.bullets) {
            check_text(b.text);
            for (const auto& c : b.children) check_text(c);
          }
        }
        if constexpr (std::is_same_v<T, AgendaSlide>) {
          check(!content.rows.empty());
          for (const auto& row : content.rows) check(row.start_minutes >= 0 && row.start_minutes < row.end_minutes && row.end_minutes <= 1440);
        }
        if constexpr (std::is_same_v<T, ImageSlide>) check(content.image.file.is_absolute());
      },
      slide.content);
  if (slide.duration_ms) check(*slide.duration_ms >= 1000);
  if (slide.visible_from && slide.visible_until) check(*slide.visible_from < *slide.visible_until);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_show_dir();
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(g_show_dir, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view separator = "\n#--slide--\n";
  std::string_view show_part = input, slide_part = input;
  if (const auto at = input.find(separator); at != std::string_view::npos) {
    show_part = input.substr(0, at);
    slide_part = input.substr(at + separator.size());
  }

  annae::Diagnostics diagnostics;
  const SettingsFile top = parse_show_settings(show_part, "show.toml", ShowSettings{}, SettingsScope::top, diagnostics);
  const SettingsFile included =
      parse_show_settings(show_part, "sub/show.toml", top.settings, SettingsScope::included, diagnostics);
  check(top.settings.default_slide_duration_ms >= 1000);
  check(top.settings.screen.rotation_deg % 90 == 0);

  SlideFileContext context;
  context.display_path = "010-slide.toml";
  context.id = "010-slide";
  context.show_dir = annae::files::ConfinedDir::open(g_show_dir);
  context.event = included.settings.event;
  context.default_duration_ms = included.settings.default_slide_duration_ms;
  annae::Diagnostics slide_diagnostics;
  const SlideFile slide = parse_slide_file(slide_part, context, slide_diagnostics);
  if (slide.slide) {
    check(!slide_diagnostics.has_errors());
    check_slide(*slide.slide);
  } else {
    check(slide_diagnostics.has_errors());
  }
  diagnostics.append(slide_diagnostics);
  for (const auto& d : diagnostics.items()) {
    const std::string line = annae::format(d);
    check(annae::utf8::is_valid(line));
    check(line.find('\n') == std::string::npos);
    check(d.line >= 0 && d.column >= 0);
  }

  MemoryByteSource bytes(input);
  const ImageHeader header = read_image_header(bytes);
  check(header.format.has_value() != !header.problem.empty());
  return 0;
}
