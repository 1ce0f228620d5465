#include "render/shape_painter.hpp"

#include <algorithm>
#include <cmath>

namespace annae::render {
namespace {

constexpr int max_corner_px = 1024;  // a 4K screen's largest disc is far smaller

SDL_Rect snapped(const slides::Rect& r) {
  const int x0 = static_cast<int>(std::lround(r.x)), y0 = static_cast<int>(std::lround(r.y));
  const int x1 = static_cast<int>(std::lround(r.right())), y1 = static_cast<int>(std::lround(r.bottom()));
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

bool intersect(const SDL_Rect& a, const SDL_Rect& b, SDL_Rect& out) { return SDL_IntersectRect(&a, &b, &out); }

}  // namespace

std::vector<std::uint8_t> corner_coverage(int radius_px) {
  const int r = std::clamp(radius_px, 0, max_corner_px);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(r) * static_cast<std::size_t>(r));
  const float rr = static_cast<float>(r) * static_cast<float>(r);
  for (int y = 0; y < r; ++y) {
    for (int x = 0; x < r; ++x) {
      int inside = 0;
      for (int sy = 0; sy < 4; ++sy) {
        for (int sx = 0; sx < 4; ++sx) {
          const float dx = static_cast<float>(r) - (static_cast<float>(x) + (static_cast<float>(sx) + 0.5f) / 4);
          const float dy = static_cast<float>(r) - (static_cast<float>(y) + (static_cast<float>(sy) + 0.5f) / 4);
          inside += dx * dx + dy * dy <= rr;
        }
      }
      out[static_cast<std::size_t>(y * r + x)] = static_cast<std::uint8_t>((inside * 255 + 8) / 16);
    }
  }
  return out;
}

ShapePainter::ShapePainter(SDL_Renderer* renderer) : renderer_(renderer) {}

ShapePainter::~ShapePainter() {
  for (auto& [_, t] : corners_) {
    if (t) SDL_DestroyTexture(t);
  }
}

SDL_Texture* ShapePainter::corner(int radius_px, Corner which) {
  auto& texture = corners_[{radius_px, which}];
  if (texture) return texture;
  const auto coverage = corner_coverage(radius_px);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, radius_px, radius_px, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!surface) return nullptr;
  for (int y = 0; y < radius_px; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(surface->pixels) + y * surface->pitch);
    for (int x = 0; x < radius_px; ++x) {
      // Mirror the top-left quarter into the corner asked for.
      const int sx = (which == top_right || which == bottom_right) ? radius_px - 1 - x : x;
      const int sy = (which == bottom_left || which == bottom_right) ? radius_px - 1 - y : y;
      const std::uint32_t a = coverage[static_cast<std::size_t>(sy * radius_px + sx)];
      row[x] = (a << 24) | 0x00FFFFFFu;
    }
  }
  texture = SDL_CreateTextureFromSurface(renderer_, surface);
  SDL_FreeSurface(surface);
  if (texture) {
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeNearest);
  }
  return texture;
}

void ShapePainter::fill_rect(SDL_Rect rect, const SDL_Rect& clip, slides::Color color) {
  SDL_Rect shown;
  if (!intersect(rect, clip, shown)) return;
  SDL_SetRenderDrawBlendMode(renderer_, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer_, color.r, color.g, color.b, color.a);
  SDL_RenderFillRect(renderer_, &shown);
}

void ShapePainter::copy_corner(int radius_px, Corner which, SDL_Rect dst, const SDL_Rect& clip, slides::Color color) {
  SDL_Rect shown;
  if (!intersect(dst, clip, shown)) return;
  SDL_Texture* texture = corner(radius_px, which);
  if (!texture) return;
  const SDL_Rect src{shown.x - dst.x, shown.y - dst.y, shown.w, shown.h};
  SDL_SetTextureColorMod(texture, color.r, color.g, color.b);
  SDL_SetTextureAlphaMod(texture, color.a);
  SDL_RenderCopy(renderer_, texture, &src, &shown);
}

void ShapePainter::fill(const slides::FillItem& item) {
  const SDL_Rect box = snapped(item.rect);
  if (box.w <= 0 || box.h <= 0) return;
  const SDL_Rect clip = item.clipped ? snapped(item.clip) : box;
  const int r = std::min({static_cast<int>(std::lround(item.corner_radius_px)), box.w / 2, box.h / 2, max_corner_px});
  const auto color = item.color;
  if (r < 1) {
    fill_rect(box, clip, color);
    return;
  }
  const int x1 = box.x + box.w, y1 = box.y + box.h;
  fill_rect({box.x, box.y + r, box.w, box.h - 2 * r}, clip, color);  // the middle band, full width
  fill_rect({box.x + r, box.y, box.w - 2 * r, r}, clip, color);      // between the top corners
  fill_rect({box.x + r, y1 - r, box.w - 2 * r, r}, clip, color);     // between the bottom corners
  copy_corner(r, top_left, {box.x, box.y, r, r}, clip, color);
  copy_corner(r, top_right, {x1 - r, box.y, r, r}, clip, color);
  copy_corner(r, bottom_right, {x1 - r, y1 - r, r, r}, clip, color);
  copy_corner(r, bottom_left, {box.x, y1 - r, r, r}, clip, color);
}

}  // namespace annae::render
