#include "render/image_decoder.hpp"

#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "content/image_header.hpp"
#include "render/image_jpeg.hpp"

namespace annae::render {
namespace {

using steady = std::chrono::steady_clock;

std::string mebibytes(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

Decoded refused(std::string problem) {
  Decoded d;
  d.problem = std::move(problem);
  return d;
}

// `s` in ARGB8888 at `size`: converted and scaled down (bilinear) when it differs.
Surface to_argb(SDL_Surface* s, PixelSize size) {
  Surface in(s);
  if (!in) return nullptr;
  if (in->format->format != SDL_PIXELFORMAT_ARGB8888) in.reset(SDL_ConvertSurfaceFormat(in.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  if (!in || (in->w == size.width_px && in->h == size.height_px)) return in;
  Surface out(SDL_CreateRGBSurfaceWithFormat(0, size.width_px, size.height_px, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!out || SDL_SoftStretchLinear(in.get(), nullptr, out.get(), nullptr) != 0) return nullptr;
  return out;
}

Decoded decode_png(std::string_view bytes, const content::ImageHeader& header, const DecodeTarget& target,
                   const DecodeLimits& limits) {
  if (static_cast<long long>(header.width_px) * header.height_px > limits.max_source_pixels)
    return refused("is " + std::to_string(header.width_px) + "×" + std::to_string(header.height_px) +
                   " pixels, more than the player decodes; make it smaller");
  SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
  SDL_Surface* raw = rw ? IMG_LoadPNG_RW(rw) : nullptr;
  if (rw) SDL_RWclose(rw);
  if (!raw) return refused(std::string("is a damaged PNG image (") + IMG_GetError() + "); save or copy it again");
  const PixelSize size = decode_size(raw->w, raw->h, target, false, limits.max_output_pixels);
  Decoded d;
  d.surface = to_argb(raw, size);
  if (!d.surface) d.problem = "could not be decoded: not enough memory";
  return d;
}

// Whether an SVG has any element nanosvg draws.
bool has_shapes(std::string_view svg) {
  for (std::string_view tag : {"<path", "<rect", "<circle", "<ellipse", "<line", "<polyline", "<polygon"})
    if (svg.find(tag) != std::string_view::npos) return true;
  return false;
}

Decoded decode_svg(std::string_view bytes, const content::ImageHeader& header, const DecodeTarget& target,
                   const DecodeLimits& limits) {
  if (bytes.size() > limits.max_svg_file_bytes)
    return refused("is an SVG file of " + mebibytes(bytes.size()) + "; the limit for SVG is " +
                   mebibytes(limits.max_svg_file_bytes) +
                   " (logos and diagrams are far smaller), so simplify it or save it as PNG");
  // Rasterized at the size drawn: the declared size only sets the shape.
  // Unknown shape: the box itself (SDL_image fits the picture inside it).
  DecodeTarget box = target;
  if (box.width_px <= 0 || box.height_px <= 0) {
    box.width_px = header.svg_width > 0 ? static_cast<int>(std::min(header.svg_width, 3840.0)) : 512;
    box.height_px = header.svg_height > 0 ? static_cast<int>(std::min(header.svg_height, 3840.0)) : 512;
    box.cover = false;
  }
  PixelSize size{box.width_px, box.height_px};
  if (header.svg_width > 0 && header.svg_height > 0)
    size = decode_size(header.svg_width, header.svg_height, box, true, limits.max_output_pixels);
  else
    size = decode_size(box.width_px, box.height_px, {box.width_px, box.height_px, false}, true, limits.max_output_pixels);
  // An SVG with no size and no shapes has nothing to show, and SDL_image 2.6
  // would leak nanosvg's parsed image on it (IMG_LoadSizedSVG_RW returns
  // without freeing it when the size comes out 0): refused here.
  if (header.svg_width <= 0 && header.svg_height <= 0 && !has_shapes(bytes))
    return refused("is an SVG image that cannot be drawn (it has no size and no shapes); save it again or as PNG");
  SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
  SDL_Surface* raw = rw ? IMG_LoadSizedSVG_RW(rw, size.width_px, size.height_px) : nullptr;
  if (rw) SDL_RWclose(rw);
  if (!raw) return refused(std::string("is an SVG image that cannot be drawn (") + IMG_GetError() + "); save it again or as PNG");
  // SDL_image fits the picture inside the size asked for, give or take a
  // pixel of float rounding: never more.
  Decoded d;
  d.surface = to_argb(raw, {std::min(raw->w, size.width_px), std::min(raw->h, size.height_px)});
  if (!d.surface) d.problem = "could not be decoded: not enough memory";
  return d;
}

}  // namespace

PixelSize decode_size(double w, double h, const DecodeTarget& target, bool may_enlarge, long long max_pixels) {
  if (!(w > 0) || !(h > 0)) return {1, 1};
  double scale = 1;
  if (target.width_px > 0 && target.height_px > 0) {
    const double sx = target.width_px / w, sy = target.height_px / h;
    scale = target.cover ? std::max(sx, sy) : std::min(sx, sy);
  }
  if (!may_enlarge) scale = std::min(scale, 1.0);
  // Within the pixel budget (a thin picture covering a box could be huge).
  const double pixels = w * scale * h * scale;
  if (pixels > static_cast<double>(max_pixels)) scale *= std::sqrt(static_cast<double>(max_pixels) / pixels);
  const auto side = [](double v) { return static_cast<int>(std::clamp(std::ceil(v - 1e-6), 1.0, 65'535.0)); };
  PixelSize size{side(w * scale), side(h * scale)};
  while (static_cast<long long>(size.width_px) * size.height_px > max_pixels && size.width_px > 1 && size.height_px > 1) {
    (size.width_px > size.height_px ? size.width_px : size.height_px) -= 1;  // rounding up went over
  }
  return size;
}

Decoded decode_image(std::string_view bytes, const DecodeTarget& target, const DecodeLimits& limits,
                     const std::atomic<bool>* cancel) {
  const auto start = steady::now();
  content::MemoryByteSource source(bytes);
  const content::ImageHeader header = content::read_image_header(source);
  Decoded d;
  if (!header.format) {
    d.problem = header.problem;
  } else if (*header.format != content::ImageFormat::svg && bytes.size() > limits.max_raster_file_bytes) {
    d.problem = "is " + mebibytes(bytes.size()) + "; the limit is " + mebibytes(limits.max_raster_file_bytes) + ", so save it smaller";
  } else {
    switch (*header.format) {
      case content::ImageFormat::png: d = decode_png(bytes, header, target, limits); break;
      case content::ImageFormat::jpeg:
        d = decode_jpeg(bytes, target, limits, start + limits.time_budget, cancel);
        // libjpeg scaled by M/8, to at least the size drawn: now exactly that.
        if (d.surface) {
          const PixelSize size = decode_size(header.width_px, header.height_px, target, false, limits.max_output_pixels);
          d.surface = to_argb(d.surface.release(), size);
          if (!d.surface) d.problem = "could not be decoded: not enough memory";
        }
        break;
      case content::ImageFormat::svg: d = decode_svg(bytes, header, target, limits); break;
    }
  }
  d.took = std::chrono::duration_cast<std::chrono::milliseconds>(steady::now() - start);
  if (d.surface && d.took > limits.time_budget) {  // PNG and SVG cannot be stopped midway: the result is dropped
    d.surface.reset();
    d.problem = "took " + std::to_string(d.took.count() / 1000) + " s to decode (the limit is " +
                std::to_string(limits.time_budget.count() / 1000) + " s); save it smaller or simpler";
  }
  return d;
}

Decoded load_image(const files::ConfinedDir& folder, std::string_view relative, const DecodeTarget& target,
                   const DecodeLimits& limits, const std::atomic<bool>* cancel) {
  const files::ReadResult read = folder.read(relative, std::max(limits.max_raster_file_bytes, limits.max_svg_file_bytes));
  if (!read.bytes) {
    if (read.too_large) return refused("is larger than " + mebibytes(limits.max_raster_file_bytes) + ", so save it smaller");
    return refused("cannot be read: " + read.error);
  }
  return decode_image(*read.bytes, target, limits, cancel);
}

std::string verify_image(const content::ImageRef& image) {
  IMG_Init(IMG_INIT_PNG);
  const Decoded d = load_image(image.folder, image.relative, {1920, 1080, false});
  return d.surface ? std::string() : d.problem;
}

}  // namespace annae::render
