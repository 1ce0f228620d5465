// One slide file: decoding, TOML, the keys every slide has, then its kind.
#include <algorithm>
#include <string>

#include "content/encoding.hpp"
#include "content/limits.hpp"
#include "content/slide_file.hpp"
#include "content/slide_kinds.hpp"
#include "content/suggest.hpp"

namespace annae::content {
namespace {

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

// "010-cover.toml" suggests kind = "cover".
std::string kind_from_file_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (auto kind : kind_names())
    if (name.find(kind) != std::string_view::npos) return std::string(kind);
  return {};
}

std::optional<SlideKind> read_kind(TableReader& r) {
  FileReport& file = r.file();
  const std::string list = join_names(kind_names());
  const toml::node* node = r.node("kind");
  if (!node) {
    std::string message = "'kind' is missing; every slide starts with a line like kind = \"cover\" (the kinds are: " + list + ")";
    if (std::string guess = kind_from_file_name(file.path()); !guess.empty())
      message = "'kind' is missing; this file's name suggests kind = \"" + guess + "\" (the kinds are: " + list + ")";
    file.mistake(file.whole_file(), std::move(message));
    return std::nullopt;
  }
  const auto* text = node->as_string();
  if (!text) {
    r.mistake("kind", "'kind' must be one of: " + list + " (in double quotes, like kind = \"cover\")");
    return std::nullopt;
  }
  const Text written = make_text(text->get(), file.pos(*node), file);
  for (const auto& spec : kind_specs())
    if (spec.name == written.value) return spec.kind;
  std::string message = "unknown slide kind \"" + written.value + "\"";
  if (auto guess = closest_match(written.value, kind_names())) message += "; did you mean \"" + std::string(*guess) + "\"?";
  message += " (the kinds are: " + list + ")";
  file.mistake(written.at, std::move(message));
  return std::nullopt;
}

}  // namespace

SlideFile parse_slide_file(std::string_view bytes, const SlideFileContext& context, Diagnostics& out) {
  SlideFile result;
  FileReport file(context.display_path, out, Severity::error);
  auto text = decode_text_file(bytes, context.display_path, out);
  if (!text) return result;
  if (is_blank(*text)) {
    file.error(file.whole_file(), "this file is empty; write the slide in it (see FORMAT.md), or delete the file");
    return result;
  }
  auto table = parse_toml(*text, file, Severity::error);
  if (!table) return result;

  TableReader r(*table, file);
  Slide slide;
  slide.id = context.id;
  slide.source_path = context.display_path;
  slide.event = context.event;
  slide.default_duration_ms = context.default_duration_ms;
  if (auto enabled = r.boolean("enabled")) result.enabled = *enabled;
  slide.duration_ms = r.seconds_ms("duration", 1, limits::max_slide_duration_s, "15");
  slide.visible_from = r.date_time("from", false);
  slide.visible_until = r.date_time("until", true);
  if (slide.visible_from && slide.visible_until && *slide.visible_until <= *slide.visible_from)
    r.mistake("until", "'until' is not after 'from', so this slide would never be shown");

  const auto kind = read_kind(r);
  if (!kind) {
    // Without a kind the other keys cannot be checked; say so once, not per key.
    return result;
  }
  slide.kind = *kind;
  slide.content = parse_kind(*kind, r, context);
  if (file.errors() == 0) result.slide = std::move(slide);
  return result;
}

}  // namespace annae::content
