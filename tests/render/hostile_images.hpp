#pragma once
// Images staff might copy into a show folder, made at test time: good ones
// written oddly, damaged ones and crafted ones. Bytes, not files.
#include <SDL_image.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <jpeglib.h>

namespace annae::test {

// A w×h PNG with a colour gradient, as IMG_SavePNG writes it.
inline std::string png_bytes(int w, int h) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
  for (int y = 0; y < h; ++y) {
    auto* row = reinterpret_cast<Uint32*>(static_cast<Uint8*>(s->pixels) + y * s->pitch);
    for (int x = 0; x < w; ++x) row[x] = 0xFF000000u | (static_cast<Uint32>(x * 255 / w) << 16) | (static_cast<Uint32>(y * 255 / h) << 8) | 0x40;
  }
  static int serial = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("annae-test-png-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".png");
  IMG_SavePNG(s, path.c_str());
  SDL_FreeSurface(s);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

// The PNG with the CRC of its first IDAT chunk changed.
inline std::string with_bad_crc(std::string png) {
  const std::size_t type = png.find("IDAT");
  const std::size_t length = (static_cast<unsigned char>(png[type - 4]) << 24) | (static_cast<unsigned char>(png[type - 3]) << 16) |
                             (static_cast<unsigned char>(png[type - 2]) << 8) | static_cast<unsigned char>(png[type - 1]);
  png[type + 4 + length] ^= 0x5A;
  return png;
}

// A w×h JPEG (colour, or grey with components = 1) with fine detail, so
// every scan carries data, or `flat` grey.
inline std::string jpeg_bytes(int w, int h, bool progressive, int components = 3, bool flat = false) {
  jpeg_compress_struct c{};
  jpeg_error_mgr errors{};
  c.err = jpeg_std_error(&errors);
  jpeg_create_compress(&c);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &out, &size);
  c.image_width = static_cast<JDIMENSION>(w);
  c.image_height = static_cast<JDIMENSION>(h);
  c.input_components = components;
  c.in_color_space = components == 3 ? JCS_RGB : JCS_GRAYSCALE;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 90, TRUE);
  if (progressive) jpeg_simple_progression(&c);
  jpeg_start_compress(&c, TRUE);
  std::vector<JSAMPLE> row(static_cast<std::size_t>(w * components));
  unsigned seed = 12345;
  while (c.next_scanline < c.image_height) {
    for (auto& v : row) v = flat ? JSAMPLE{100} : static_cast<JSAMPLE>((seed = seed * 1103515245u + 12345u) >> 24);
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  std::string bytes(reinterpret_cast<const char*>(out), size);
  std::free(out);
  jpeg_destroy_compress(&c);
  return bytes;
}

// The end of the entropy-coded data that starts at `from`: the next marker
// that is not a stuffed zero or a restart.
inline std::size_t end_of_scan(const std::string& j, std::size_t from) {
  for (std::size_t k = from; k + 1 < j.size(); ++k) {
    const auto next = static_cast<unsigned char>(j[k + 1]);
    if (static_cast<unsigned char>(j[k]) == 0xFF && next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) return k;
  }
  return j.size();
}

// A "scan bomb": a progressive JPEG of a flat picture whose smallest scan
// (an AC band where every block is zero: a few bytes of end-of-band runs) is
// repeated `times` times. libjpeg only warns about a repeated scan and
// decodes each again over every block, so the file stays small and decoding
// it takes as long as the attacker likes.
inline std::string scan_bomb(int w, int h, int times) {
  const std::string j = jpeg_bytes(w, h, true, 3, /*flat=*/true);
  std::size_t best = 0, best_end = 0;
  for (std::size_t sos = j.find("\xFF\xDA"); sos != std::string::npos; sos = j.find("\xFF\xDA", sos + 2)) {
    const std::size_t header_length = (static_cast<unsigned char>(j[sos + 2]) << 8) | static_cast<unsigned char>(j[sos + 3]);
    const std::size_t end = end_of_scan(j, sos + 2 + header_length);
    if (best_end == 0 || end - sos < best_end - best) best = sos, best_end = end;
    sos = end - 2;
  }
  std::string out = j.substr(0, best_end);
  for (int k = 0; k < times; ++k) out += j.substr(best, best_end - best);
  return out + j.substr(best_end);
}

// A valid JPEG with `count` comment segments between SOI and everything else.
inline std::string with_comments(const std::string& jpeg, int count) {
  std::string comments;
  for (int k = 0; k < count; ++k) comments += std::string("\xFF\xFE\x00\x0C", 4) + "comment #" + std::to_string(k % 10);
  return jpeg.substr(0, 2) + comments + jpeg.substr(2);
}

inline std::string svg_bytes(const std::string& size_attributes, const std::string& before = "") {
  return before + "<svg xmlns=\"http://www.w3.org/2000/svg\" " + size_attributes +
         " viewBox=\"0 0 100 100\"><rect x=\"10\" y=\"10\" width=\"80\" height=\"80\" fill=\"#e03020\"/></svg>\n";
}

// An SVG of `bytes` bytes or more, made of many small paths (a traced drawing).
inline std::string huge_svg(std::size_t bytes) {
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"1000\">\n";
  for (unsigned k = 0; s.size() < bytes; ++k) {
    const unsigned x = (k * 37) % 1000, y = (k * 91) % 1000;
    s += "<path d=\"M" + std::to_string(x) + " " + std::to_string(y) + " l5 0 l0 5 z\" fill=\"#123456\"/>\n";
  }
  return s + "</svg>\n";
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The process's peak resident memory so far, in KiB (VmHWM).
inline long peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

// Starts measuring the peak again from the current resident size (Linux ≥ 4.0).
inline void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

}  // namespace annae::test
