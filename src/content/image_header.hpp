#pragma once
// Image format and pixel size from the bytes of a file, without decoding it
// (the content layer knows nothing of SDL): enough to refuse an image that
// would not fit in a player's memory before anyone loads it, and to send the
// bytes to the right decoder whatever the file is called.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "content/model.hpp"

namespace annae::content {

// Random access to a file's bytes; returns how many bytes were read.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual std::size_t read_at(std::uint64_t offset, unsigned char* out, std::size_t count) = 0;
};

class MemoryByteSource final : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read_at(std::uint64_t offset, unsigned char* out, std::size_t count) override;

 private:
  std::string_view bytes_;
};

struct ImageHeader {
  std::optional<ImageFormat> format;  // empty: not a PNG, JPEG or SVG we can use
  int width_px = 0;                   // PNG, JPEG; 0 for SVG (scalable: see svg_width)
  int height_px = 0;
  // An SVG's declared size in CSS px (width/height in px, unitless or an
  // absolute unit at 96 per inch, else the viewBox's), 0 when it says none
  // or only a percentage. Not a pixel count to refuse: an SVG is rasterized
  // at the size it is shown, but a renderer must know it before it parses
  // the file (20000×20000 must not become 1.6 GB of pixels).
  double svg_width = 0;
  double svg_height = 0;
  std::string problem;                // why format is empty, in staff's words
};

// Reads the header of a PNG, JPEG (any SOF marker, after EXIF, ICC and any
// number of other segments) or SVG (the first element is <svg>, after an
// XML declaration, comments, a DOCTYPE and processing instructions of any
// length). Names other formats (GIF, WebP, HEIC, ...) in `problem`. Reads
// only as far as it must: the work is bounded by the bytes it is given.
ImageHeader read_image_header(ByteSource& source);

}  // namespace annae::content
