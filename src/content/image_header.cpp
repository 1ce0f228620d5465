#include "content/image_header.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace annae::content {
namespace {

std::uint32_t big_endian_32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

unsigned big_endian_16(const unsigned char* p) { return (unsigned{p[0]} << 8) | unsigned{p[1]}; }

ImageHeader problem(std::string text) {
  ImageHeader h;
  h.problem = std::move(text);
  return h;
}

ImageHeader read_png(ByteSource& source) {
  unsigned char ihdr[24];
  if (source.read_at(0, ihdr, sizeof ihdr) != sizeof ihdr || std::memcmp(ihdr + 12, "IHDR", 4) != 0)
    return problem("is a damaged PNG image (its header is incomplete)");
  const std::uint32_t w = big_endian_32(ihdr + 16), h = big_endian_32(ihdr + 20);
  if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) return problem("is a damaged PNG image (its size is invalid)");
  ImageHeader out;
  out.format = ImageFormat::png;
  out.width_px = static_cast<int>(w);
  out.height_px = static_cast<int>(h);
  return out;
}

bool is_start_of_frame(unsigned marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageHeader read_jpeg(ByteSource& source) {
  std::uint64_t at = 2;  // after FF D8
  // Each step advances by at least 2 bytes, so a file ends the loop; the cap
  // bounds the work on a file of fill bytes.
  for (int steps = 0; steps < 100000; ++steps) {
    unsigned char b[2];
    if (source.read_at(at, b, 2) != 2) break;
    if (b[0] != 0xFF) return problem("is a damaged JPEG image (unexpected data before the picture size)");
    if (b[1] == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    const unsigned marker = b[1];
    at += 2;
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
    if (marker == 0xD9 || marker == 0xDA) break;  // end of image or start of scan: no size found
    unsigned char segment[7];
    const std::size_t got = source.read_at(at, segment, is_start_of_frame(marker) ? 7 : 2);
    if (got < 2) break;
    const unsigned length = big_endian_16(segment);
    if (length < 2) return problem("is a damaged JPEG image (a segment has an invalid length)");
    if (is_start_of_frame(marker)) {
      if (got < 7) break;
      const unsigned h = big_endian_16(segment + 3), w = big_endian_16(segment + 5);
      if (w == 0 || h == 0) return problem("is a JPEG image without a stated size, which is not supported");
      ImageHeader out;
      out.format = ImageFormat::jpeg;
      out.width_px = static_cast<int>(w);
      out.height_px = static_cast<int>(h);
      return out;
    }
    at += length;
  }
  return problem("is a damaged JPEG image (no picture size found)");
}

bool looks_like_svg(std::string_view head) {
  std::string lower(head);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::size_t start = lower.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || lower[start] != '<') {
    if (!lower.starts_with("\xEF\xBB\xBF<")) return false;
  }
  return lower.find("<svg") != std::string::npos;
}

}  // namespace

std::size_t MemoryByteSource::read_at(std::uint64_t offset, unsigned char* out, std::size_t count) {
  if (offset >= bytes_.size()) return 0;
  const std::size_t n = std::min<std::uint64_t>(count, bytes_.size() - offset);
  std::memcpy(out, bytes_.data() + offset, n);
  return n;
}

ImageHeader read_image_header(ByteSource& source) {
  unsigned char head_bytes[4096];
  const std::size_t n = source.read_at(0, head_bytes, sizeof head_bytes);
  const std::string_view head(reinterpret_cast<const char*>(head_bytes), n);
  if (head.starts_with("\x89PNG\r\n\x1A\n")) return read_png(source);
  if (head.starts_with("\xFF\xD8\xFF")) return read_jpeg(source);
  if (looks_like_svg(head)) {
    ImageHeader out;
    out.format = ImageFormat::svg;
    return out;
  }
  if (head.starts_with("GIF8")) return problem("is a GIF image; save it as PNG instead");
  if (head.size() >= 12 && head.starts_with("RIFF") && head.substr(8, 4) == "WEBP")
    return problem("is a WebP image; save it as PNG or JPEG instead");
  if (head.size() >= 12 && head.substr(4, 4) == "ftyp")
    return problem("is a HEIC/AVIF photo (as phones save them); save it as JPEG instead");
  if (head.starts_with("BM")) return problem("is a BMP image; save it as PNG instead");
  if (head.starts_with(std::string_view("II*\0", 4)) || head.starts_with(std::string_view("MM\0*", 4)))
    return problem("is a TIFF image; save it as PNG or JPEG instead");
  if (n == 0) return problem("is an empty file");
  return problem("is not a PNG, JPEG or SVG image (it may be damaged, or another kind of file renamed)");
}

}  // namespace annae::content
