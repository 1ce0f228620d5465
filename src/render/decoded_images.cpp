#include "render/decoded_images.hpp"

#include <SDL_image.h>

#include "core/log.hpp"

namespace annae::render {
namespace {

bool is_svg(const std::string& path) { return path.ends_with(".svg") || path.ends_with(".SVG"); }

std::size_t size_of(const SDL_Surface* s) { return s ? static_cast<std::size_t>(s->pitch) * static_cast<std::size_t>(s->h) : 0; }

}  // namespace

DecodedImages::~DecodedImages() {
  for (auto& [_, s] : lru_) SDL_FreeSurface(s);
}

const SDL_Surface* DecodedImages::get(const std::string& path, int want_w, int want_h) {
  const bool svg = is_svg(path);
  const std::string key = svg ? path + "@" + std::to_string(want_w) + "x" + std::to_string(want_h) : path;
  for (auto it = lru_.begin(); it != lru_.end(); ++it) {
    if (it->first == key) {
      lru_.splice(lru_.begin(), lru_, it);
      return lru_.front().second;
    }
  }
  SDL_Surface* surface = nullptr;
  if (svg) {
    if (SDL_RWops* rw = SDL_RWFromFile(path.c_str(), "rb")) {
      surface = IMG_LoadSizedSVG_RW(rw, want_w, want_h);
      SDL_RWclose(rw);
    }
  } else {
    surface = IMG_Load(path.c_str());
  }
  if (!surface) log::once(log::Level::warning, "cannot load image " + path + ": " + IMG_GetError());
  lru_.emplace_front(key, surface);
  bytes_ += size_of(surface);
  while (bytes_ > budget_bytes_ && lru_.size() > 1) {
    bytes_ -= size_of(lru_.back().second);
    SDL_FreeSurface(lru_.back().second);
    lru_.pop_back();
  }
  return surface;
}

}  // namespace annae::render
