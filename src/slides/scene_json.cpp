#include "slides/scene_json.hpp"

#include "slides/type_scale.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace annae::slides {
namespace {

void append_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_number(std::string& out, float v) {
  char buf[32];
  const float r = std::round(v * 10) / 10;
  if (r == std::floor(r)) std::snprintf(buf, sizeof buf, "%.0f", r);
  else std::snprintf(buf, sizeof buf, "%.1f", r);
  out += buf;
}

void append_rect(std::string& out, const Rect& r) {
  out += '[';
  append_number(out, r.x);
  out += ", ";
  append_number(out, r.y);
  out += ", ";
  append_number(out, r.w);
  out += ", ";
  append_number(out, r.h);
  out += ']';
}

std::string_view shape_kind(const FillItem& f) {
  const float r = std::min({f.corner_radius_px, f.rect.w / 2, f.rect.h / 2});
  if (r < 0.5f) return "rect";
  const float half = std::min(f.rect.w, f.rect.h) / 2;
  if (r < half - 0.5f) return "rounded_rect";
  return std::abs(f.rect.w - f.rect.h) < 1 ? "disc" : "pill";
}

Rect text_rect(const TextItem& t) {
  float left = 1e9f, right = 0;
  for (const auto& line : t.block->lines) {
    if (line.width_px <= 0) continue;
    left = std::min(left, line.x_px);
    right = std::max(right, line.x_px + line.width_px);
  }
  if (right <= 0) left = 0;
  return {t.x_px + left, t.y_px, std::max(0.0f, right - left), t.block->height_px};
}

void append_text(std::string& out, const TextItem& t) {
  out += "{\"role\": ";
  append_string(out, role_spec(t.role).name);
  out += ", \"font\": ";
  append_string(out, t.font.family.empty() ? "Noto Sans CJK KR" : t.font.family);
  out += ", \"weight\": " + std::to_string(t.font.weight) + ", \"size_px\": " + std::to_string(t.block->size_px);
  out += ", \"rect\": ";
  append_rect(out, text_rect(t));
  out += ", \"lines\": [";
  for (std::size_t i = 0; i < t.block->lines.size(); ++i) {
    if (i) out += ", ";
    append_string(out, t.block->lines[i].text);
  }
  out += "], \"paragraph_of_line\": [";
  std::size_t paragraph = 0;
  for (std::size_t i = 0; i < t.block->lines.size(); ++i) {
    if (i) out += ", ";
    out += std::to_string(paragraph);
    if (t.block->lines[i].ends_paragraph) ++paragraph;
  }
  out += "], \"line_widths_px\": [";
  for (std::size_t i = 0; i < t.block->lines.size(); ++i) {
    if (i) out += ", ";
    append_number(out, t.block->lines[i].width_px);
  }
  out += "]}";
}

void append_shape(std::string& out, const FillItem& f) {
  out += "{\"kind\": ";
  append_string(out, shape_kind(f));
  out += ", \"rect\": ";
  Rect r = f.rect;
  if (f.clipped) {  // what is drawn: the shape inside its clip
    const float x0 = std::max(r.x, f.clip.x), y0 = std::max(r.y, f.clip.y);
    const float x1 = std::min(r.right(), f.clip.right()), y1 = std::min(r.bottom(), f.clip.bottom());
    r = {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
  }
  append_rect(out, r);
  out += ", \"radius_px\": ";
  append_number(out, f.corner_radius_px);
  char color[16];
  std::snprintf(color, sizeof color, "#%02x%02x%02x%02x", f.color.r, f.color.g, f.color.b, f.color.a);
  out += ", \"color\": ";
  append_string(out, color);
  out += '}';
}

template <typename Item, typename Append>
void append_items(std::string& out, const Scene& scene, const char* key, Append append) {
  out += ",\n  \"";
  out += key;
  out += "\": [";
  bool first = true;
  for (const auto& item : scene.items) {
    const auto* x = std::get_if<Item>(&item);
    if (!x) continue;
    out += first ? "\n    " : ",\n    ";
    first = false;
    append(out, *x);
  }
  out += first ? "]" : "\n  ]";
}

}  // namespace

std::string scene_json(const std::vector<PageForJson>& pages) {
  std::string out = "[";
  for (std::size_t k = 0; k < pages.size(); ++k) {
    const auto& p = pages[k];
    out += k ? ",\n{" : "\n{";
    out += "\n  \"slide\": ";
    append_string(out, p.slide_id);
    out += ", \"page\": " + std::to_string(p.page + 1) + ", \"pages\": " + std::to_string(p.pages);
    out += ", \"size\": [" + std::to_string(p.scene->width_px) + ", " + std::to_string(p.scene->height_px) + "]";
    out += ",\n  \"safe_area\": ";
    append_rect(out, p.safe_area);
    out += ", \"content_area\": ";
    append_rect(out, p.content_area);
    append_items<TextItem>(out, *p.scene, "texts", append_text);
    append_items<FillItem>(out, *p.scene, "shapes", append_shape);
    append_items<ImageItem>(out, *p.scene, "images", [](std::string& o, const ImageItem& img) {
      o += "{\"kind\": \"image\", \"rect\": ";
      append_rect(o, img.rect);
      o += ", \"file\": ";
      append_string(o, img.relative);
      o += '}';
    });
    out += "\n}";
  }
  out += "\n]\n";
  return out;
}

}  // namespace annae::slides
