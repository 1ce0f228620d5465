#include "content/image_header.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>

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
  // Each step advances by at least one byte, so the end of the file ends the
  // loop: any number of segments (EXIF, ICC profiles, comments) before the
  // frame header is fine, and the work is bounded by the file's size.
  while (true) {
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

// Sequential reading of a ByteSource through a small buffer, for the SVG
// prolog: comments and a DOCTYPE may be long, and each byte is looked at once.
class Cursor {
 public:
  explicit Cursor(ByteSource& source) : source_(source) {}

  // The byte `ahead` bytes on (ahead < 64), or -1 past the end.
  int peek(std::size_t ahead = 0) {
    if (at_ < start_ || at_ + ahead >= start_ + size_) {  // not in the buffer: refill from here
      start_ = at_;
      size_ = source_.read_at(start_, buffer_, sizeof buffer_);
    }
    if (at_ + ahead >= start_ + size_) return -1;
    return buffer_[at_ + ahead - start_];
  }
  void skip(std::size_t n) { at_ += n; }
  bool at_end() { return peek() < 0; }

  // Whether the next bytes are `text` (ASCII letters compared without case when `fold`).
  bool next_is(std::string_view text, bool fold = false) {
    for (std::size_t k = 0; k < text.size(); ++k) {
      const int c = peek(k);
      if (c < 0) return false;
      const auto want = static_cast<unsigned char>(text[k]);
      if (fold ? std::tolower(c) != std::tolower(want) : c != want) return false;
    }
    return true;
  }
  // Moves past the next `end`; false (at the end) when there is none.
  bool skip_past(std::string_view end) {
    while (!at_end()) {
      if (next_is(end)) {
        skip(end.size());
        return true;
      }
      skip(1);
    }
    return false;
  }
  void skip_space() {
    for (int c = peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = peek()) skip(1);
  }

 private:
  ByteSource& source_;
  std::uint64_t at_ = 0;
  std::uint64_t start_ = 0;
  std::size_t size_ = 0;
  unsigned char buffer_[4096];
};

bool is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// <!DOCTYPE ...>, with an internal subset in [ ] that may hold quoted '>' and comments.
bool skip_doctype(Cursor& in) {
  int depth = 0;
  while (!in.at_end()) {
    const int c = in.peek();
    if (c == '"' || c == '\'') {
      in.skip(1);
      const char quote[2] = {static_cast<char>(c), 0};
      if (!in.skip_past(quote)) return false;
    } else if (in.next_is("<!--")) {
      if (!in.skip_past("-->")) return false;
    } else {
      in.skip(1);
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if (c == '>' && depth == 0) return true;
    }
  }
  return false;
}

// A length in CSS px: unitless or px, or an absolute unit at 96 px per inch.
// 0 for a percentage, a relative unit or anything unreadable.
double css_px(std::string_view v) {
  while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
  while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
  double number = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
  if (ec != std::errc() || !std::isfinite(number) || number <= 0) return 0;
  std::string unit(end, v.data() + v.size());
  std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return std::tolower(c); });
  if (unit.empty() || unit == "px") return number;
  if (unit == "pt") return number * 96 / 72;
  if (unit == "pc") return number * 16;
  if (unit == "in") return number * 96;
  if (unit == "cm") return number * 96 / 2.54;
  if (unit == "mm") return number * 96 / 25.4;
  return 0;
}

// The width and height of a viewBox "min-x min-y width height" (commas allowed); 0 when unreadable.
std::pair<double, double> view_box_size(std::string_view v) {
  double n[4] = {};
  int count = 0;
  const char* p = v.data();
  const char* const end = v.data() + v.size();
  while (count < 4 && p < end) {
    while (p < end && (is_space(*p) || *p == ',')) ++p;
    if (p == end) break;
    const auto [next, ec] = std::from_chars(p, end, n[count]);
    if (ec != std::errc() || !std::isfinite(n[count])) return {0, 0};
    p = next;
    ++count;
  }
  if (count != 4 || n[2] <= 0 || n[3] <= 0) return {0, 0};
  return {n[2], n[3]};
}

// The attributes of the <svg> start tag the cursor is inside (after its
// name): width, height and viewBox make the declared size.
void read_svg_size(Cursor& in, ImageHeader& out) {
  double width = 0, height = 0;
  std::pair<double, double> box{0, 0};
  while (true) {
    in.skip_space();
    const int c = in.peek();
    if (c < 0 || c == '>' || c == '/') break;
    std::string name;
    for (int d = in.peek(); d >= 0 && !is_space(d) && d != '=' && d != '>' && d != '/'; d = in.peek()) {
      if (name.size() < 64) name += static_cast<char>(d);
      in.skip(1);
    }
    in.skip_space();
    if (in.peek() != '=') {
      if (name.empty()) break;  // not well formed: stop reading attributes
      continue;                 // an attribute without a value (not XML, but harmless)
    }
    in.skip(1);
    in.skip_space();
    const int quote = in.peek();
    if (quote != '"' && quote != '\'') break;
    in.skip(1);
    std::string value;
    for (int d = in.peek(); d >= 0 && d != quote; d = in.peek()) {
      if (value.size() < 256) value += static_cast<char>(d);
      in.skip(1);
    }
    in.skip(1);
    if (name == "width") width = css_px(value);
    if (name == "height") height = css_px(value);
    if (name == "viewBox") box = view_box_size(value);
  }
  const auto [box_w, box_h] = box;
  if (width > 0 && height > 0) {
    out.svg_width = width;
    out.svg_height = height;
  } else if (box_w > 0) {
    out.svg_width = width > 0 ? width : height > 0 ? height * box_w / box_h : box_w;
    out.svg_height = height > 0 ? height : width > 0 ? width * box_h / box_w : box_h;
  }
}

// Whether the first element, after the prolog, is <svg> (or <prefix:svg>);
// if so, reads its declared size into `out`.
bool read_svg(ByteSource& source, ImageHeader& out) {
  Cursor in(source);
  if (in.next_is("\xEF\xBB\xBF")) in.skip(3);
  while (true) {
    in.skip_space();
    if (in.peek() != '<') return false;
    if (in.next_is("<?")) {
      if (!in.skip_past("?>")) return false;
    } else if (in.next_is("<!--")) {
      if (!in.skip_past("-->")) return false;
    } else if (in.next_is("<!DOCTYPE", true)) {
      if (!skip_doctype(in)) return false;
    } else if (in.next_is("<!")) {
      return false;  // CDATA or other markup before any element: not an SVG file
    } else {
      in.skip(1);
      std::string name;
      for (int c = in.peek(); c >= 0 && !is_space(c) && c != '>' && c != '/'; c = in.peek()) {
        if (name.size() > 64) return false;
        name += static_cast<char>(std::tolower(c));
        in.skip(1);
      }
      const std::size_t colon = name.rfind(':');
      if ((colon == std::string::npos ? name : name.substr(colon + 1)) != "svg") return false;
      read_svg_size(in, out);
      return true;
    }
  }
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
  if (ImageHeader svg; read_svg(source, svg)) {
    svg.format = ImageFormat::svg;
    return svg;
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
