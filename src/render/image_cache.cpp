#include "render/image_cache.hpp"

#include <SDL_image.h>

#include "core/log.hpp"

namespace annae::render {
namespace {

bool is_svg(const std::string& path) {
  return path.size() > 4 && (path.ends_with(".svg") || path.ends_with(".SVG"));
}

}  // namespace

ImageCache::~ImageCache() { clear(); }

void ImageCache::clear() {
  for (auto& [_, t] : textures_) {
    if (t) SDL_DestroyTexture(t);
  }
  textures_.clear();
}

SDL_Texture* ImageCache::get(const std::string& path, int want_w, int want_h) {
  const bool svg = is_svg(path);
  const std::string key = svg ? path + "@" + std::to_string(want_w) + "x" + std::to_string(want_h) : path;
  if (auto it = textures_.find(key); it != textures_.end()) return it->second;
  SDL_Surface* surface = nullptr;
  if (svg) {
    if (SDL_RWops* rw = SDL_RWFromFile(path.c_str(), "rb")) {
      surface = IMG_LoadSizedSVG_RW(rw, want_w, want_h);
      SDL_RWclose(rw);
    }
  } else {
    surface = IMG_Load(path.c_str());
  }
  SDL_Texture* texture = nullptr;
  if (surface) {
    texture = SDL_CreateTextureFromSurface(renderer_, surface);
    SDL_FreeSurface(surface);
  }
  if (!texture) log::once(log::Level::warning, "cannot load image " + path + ": " + IMG_GetError());
  textures_[key] = texture;
  return texture;
}

}  // namespace annae::render
