#pragma once
// Image textures for one SDL_Renderer, loaded once per path (PNG, JPEG; SVG
// rasterized at the size it is drawn). A file that cannot be loaded is
// logged once and drawn as nothing.
//
// Thread: the renderer's thread. Does not own the renderer.
#include <SDL.h>

#include <map>
#include <string>

namespace annae::render {

class ImageCache {
 public:
  explicit ImageCache(SDL_Renderer* renderer) : renderer_(renderer) {}
  ~ImageCache();
  ImageCache(const ImageCache&) = delete;
  ImageCache& operator=(const ImageCache&) = delete;

  // The texture for `path` (null if it cannot be loaded). `want_w`/`want_h`
  // size the rasterization of SVGs; raster images ignore them.
  SDL_Texture* get(const std::string& path, int want_w, int want_h);
  void clear();

 private:
  SDL_Renderer* renderer_;
  std::map<std::string, SDL_Texture*> textures_;  // key includes the SVG size
};

}  // namespace annae::render
