// read_image_header on the files staff really copy: long SVG prologs, JPEGs
// with many segments, and an SVG's declared size read before anything
// rasterizes it.
#include <doctest/doctest.h>

#include <string>

#include "content/image_header.hpp"

using namespace annae::content;

namespace {

std::string u16(unsigned v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }

// One JPEG segment: marker, length (which counts itself), payload.
std::string segment(unsigned marker, const std::string& payload) {
  return std::string{'\xFF', static_cast<char>(marker)} + u16(static_cast<unsigned>(payload.size()) + 2) + payload;
}

// A JPEG's bytes up to its frame header: SOI, `before`, SOF2 w×h, then a scan start.
std::string jpeg(const std::string& before, unsigned w = 640, unsigned h = 480) {
  return std::string("\xFF\xD8", 2) + before + segment(0xC2, std::string("\x08", 1) + u16(h) + u16(w) + std::string("\x01\x01\x11\x00", 4)) +
         segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

const std::string svg_open = "<svg xmlns=\"http://www.w3.org/2000/svg\"";

}  // namespace

TEST_CASE("the format is found in the bytes, after any amount of what may come first") {
  struct Case {
    std::string bytes;
    std::optional<ImageFormat> format;
    int width, height;
  };
  const std::string comment_5k = "<!--" + std::string(5000, 'x') + "-->\n";
  const Case cases[] = {
      {svg_open + "/>", ImageFormat::svg, 0, 0},                                            // bare SVG
      {"\xEF\xBB\xBF" + svg_open + "/>", ImageFormat::svg, 0, 0},                          // UTF-8 BOM first
      {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg_open + "/>", ImageFormat::svg, 0, 0},  // XML declaration
      {comment_5k + svg_open + "/>", ImageFormat::svg, 0, 0},                               // 5 KB comment (Illustrator's)
      {"<!--" + repeat("a-b->c--d >", 200'000) + "-->" + svg_open + "/>", ImageFormat::svg, 0, 0},  // 2 MB comment, '-' and '>' inside
      {"<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + svg_open + "/>",
       ImageFormat::svg, 0, 0},                                                             // DOCTYPE with a public id
      {"<!DOCTYPE svg [ <!ENTITY a \"x>y\"> <!-- ] > --> ]>" + svg_open + "/>", ImageFormat::svg, 0, 0},  // internal subset with '>' in quotes and a comment
      {"<?xml-stylesheet href=\"a.css\"?>" + comment_5k + "<?pi?>\r\n\t" + svg_open + "/>", ImageFormat::svg, 0, 0},  // processing instructions between comments
      {"<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>", ImageFormat::svg, 0, 0},   // namespace prefix
      {"<SVG/>", ImageFormat::svg, 0, 0},                                                   // capitals (browsers show it)
      {"<html><svg/></html>", std::nullopt, 0, 0},                                          // an HTML page with an SVG inside is not an SVG file
      {"<svgfoo/>", std::nullopt, 0, 0},                                                    // another element whose name starts with svg
      {"<!-- never closed <svg/>", std::nullopt, 0, 0},                                     // an unclosed comment hides everything
      {"hello <svg/>", std::nullopt, 0, 0},                                                 // text before the first element
      {jpeg(""), ImageFormat::jpeg, 640, 480},                                              // JPEG, frame right after SOI
      {jpeg(repeat(segment(0xFE, "made by a camera"), 500)), ImageFormat::jpeg, 640, 480},  // 500 COM segments before SOF
      {jpeg(repeat(segment(0xE2, std::string(60'000, 'i')), 20)), ImageFormat::jpeg, 640, 480},  // 1.2 MB of ICC profile segments
      {jpeg(repeat(segment(0xE1, "Exif") + segment(0xED, "Photoshop 3.0") + segment(0xEE, "Adobe"), 300)), ImageFormat::jpeg, 640,
       480},                                                                                // 900 APPn segments
      {jpeg(segment(0xFE, "") + std::string(20, '\xFF')), ImageFormat::jpeg, 640, 480},     // an empty COM, then fill bytes
      // The cause of the false "damaged JPEG": a cap of 100 000 steps, each segment and each fill byte one step.
      {jpeg(repeat(segment(0xFE, ""), 100'001)), ImageFormat::jpeg, 640, 480},               // 100 001 empty COM segments
      {jpeg(segment(0xE0, "JFIF") + std::string(200'000, '\xFF')), ImageFormat::jpeg, 640, 480},  // 200 000 fill bytes of padding
      {jpeg(segment(0xFE, "x")).substr(0, 9), std::nullopt, 0, 0},                          // cut off before the frame header
  };
  for (const auto& c : cases) {
    CAPTURE(c.bytes.substr(0, 80));
    MemoryByteSource source(c.bytes);
    const ImageHeader h = read_image_header(source);
    CHECK(h.format == c.format);
    CHECK(h.width_px == c.width);
    CHECK(h.height_px == c.height);
    CHECK(h.problem.empty() == c.format.has_value());
  }
}

TEST_CASE("an SVG's declared size is read from width and height, else the viewBox") {
  struct Case {
    std::string attributes;
    double width, height;
  };
  const Case cases[] = {
      {" width=\"20000\" height=\"20000\"", 20000, 20000},                       // the hostile one: known before any rasterizing
      {" width=\"120px\" height='80px'", 120, 80},                               // px, either quote
      {" width = \"1in\"\n height=\"72pt\"", 96, 96},                             // absolute units at 96 px per inch
      {" width=\"25.4mm\" height=\"2.54cm\"", 96, 96},                            // metric units
      {" viewBox=\"0 0 300 150\"", 300, 150},                                    // no width/height: the viewBox
      {" viewBox=\"-10,-10,300,150\" width=\"600\"", 600, 300},                  // width only: height from the viewBox's shape
      {" height=\"75\" viewBox=\"0 0 300 150\"", 150, 75},                       // height only
      {" width=\"100%\" height=\"100%\" viewBox=\"0 0 40 30\"", 40, 30},          // percentages: the viewBox
      {" width=\"100%\" height=\"100%\"", 0, 0},                                 // nothing absolute: unknown
      {" width=\"10em\" height=\"5\"", 0, 0},                                    // a relative unit and no viewBox: unknown
      {" viewBox=\"0 0 0 10\"", 0, 0},                                           // an empty viewBox: unknown
      {" width=\"-5\" height=\"nan\"", 0, 0},                                    // nonsense: unknown
      {" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"64\" height=\"32\"", 64, 32},  // other attributes first
      {"", 0, 0},                                                                // no size at all
  };
  for (const auto& c : cases) {
    CAPTURE(c.attributes);
    const std::string bytes = "<?xml version=\"1.0\"?>\n<!-- logo -->\n" + svg_open + c.attributes + "><rect/></svg>";
    MemoryByteSource source(bytes);
    const ImageHeader h = read_image_header(source);
    REQUIRE(h.format == ImageFormat::svg);
    CHECK(h.width_px == 0);  // scalable: never refused by pixel count
    CHECK(h.svg_width == doctest::Approx(c.width));
    CHECK(h.svg_height == doctest::Approx(c.height));
  }
}
