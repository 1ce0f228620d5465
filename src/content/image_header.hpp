#pragma once
// Image format and pixel size from the first bytes of a file, without
// decoding it (the content layer knows nothing of SDL): enough to refuse an
// image that would not fit in a player's memory before anyone loads it.
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
  int width_px = 0;                   // 0 for SVG
  int height_px = 0;
  std::string problem;                // why format is empty, in staff's words
};

// Reads the header of a PNG, JPEG (any SOF marker, after EXIF and other
// segments) or SVG. Names other formats (GIF, WebP, HEIC, ...) in `problem`.
ImageHeader read_image_header(ByteSource& source);

}  // namespace annae::content
