// Hostile files in a show folder: each decodes bounded in memory and time,
// into a surface no larger than it is shown, or is refused with a reason.
#include <doctest/doctest.h>

#include <SDL_image.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>

#include "hostile_images.hpp"
#include "render/decoded_images.hpp"
#include "render/image_decoder.hpp"

namespace fs = std::filesystem;
using namespace annae;
using namespace annae::render;
using namespace annae::test;
using steady = std::chrono::steady_clock;

namespace {

struct Folder {
  fs::path path = fs::temp_directory_path() / ("annae-test-images-" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
  files::ConfinedDir open() const { return files::ConfinedDir::open(path); }
};

long ms_since(steady::time_point t) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(steady::now() - t).count());
}

}  // namespace

TEST_CASE("a 20000×20000 SVG is rasterized at the size it is shown, in little memory") {
  IMG_Init(IMG_INIT_PNG);
  const std::string svg = svg_bytes("width=\"20000\" height=\"20000\"");
  reset_peak_rss();
  const long before = peak_rss_kib();
  const auto start = steady::now();
  const Decoded d = decode_image(svg, {1920, 1080, false});
  const long took = ms_since(start);
  const long peak_growth_mib = (peak_rss_kib() - before) / 1024;
  MESSAGE("20000x20000 SVG: " << took << " ms, peak RSS +" << peak_growth_mib << " MiB");
  REQUIRE(d.surface);
  CHECK(d.surface->w == 1080);  // square, fitted inside 1920×1080
  CHECK(d.surface->h == 1080);
  CHECK(peak_growth_mib < 64);  // a 20000×20000 raster would be 1.5 GiB
  CHECK(took < 2000);
}

TEST_CASE("the format comes from the bytes, not the name: an SVG saved as .png") {
  Folder folder;
  write_file(folder.path / "logo.png", svg_bytes("width=\"20000\" height=\"20000\""));
  const Decoded d = load_image(folder.open(), "logo.png", {400, 100, false});
  REQUIRE(d.surface);
  CHECK(d.surface->w == 100);
  CHECK(d.surface->h == 100);
}

TEST_CASE("what used to be false errors decodes") {
  struct Case {
    std::string bytes;
    int width, height;  // the decoded surface, for a 640×480 box
    const char* what;
  };
  const std::string comment = "<?xml version=\"1.0\"?>\n<!--" + std::string(5000, '#') + "-->\n";
  const Case cases[] = {
      {svg_bytes("width=\"64\" height=\"64\"", comment), 480, 480, "SVG after a 5 KB comment"},
      {svg_bytes("", "<!DOCTYPE svg [ <!ENTITY x \"y\"> ]>\n"), 480, 480, "SVG after a DOCTYPE, size from viewBox"},
      {with_comments(jpeg_bytes(320, 240, false), 500), 320, 240, "JPEG with 500 COM segments before SOF"},
      {with_comments(jpeg_bytes(320, 240, true), 2000), 320, 240, "progressive JPEG with 2000 COM segments"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const Decoded d = decode_image(c.bytes, {640, 480, false});
    CHECK(d.problem == "");
    REQUIRE(d.surface);
    CHECK(d.surface->w == c.width);
    CHECK(d.surface->h == c.height);
  }
}

TEST_CASE("damaged and crafted files are refused with a reason staff can act on") {
  IMG_Init(IMG_INIT_PNG);
  const std::string png = png_bytes(300, 200);
  const std::string jpeg = jpeg_bytes(300, 200, false);
  struct Case {
    std::string bytes;
    const char* problem_starts;
    long max_ms;
    const char* what;
  };
  const Case cases[] = {
      {png.substr(0, png.size() / 2), "is a damaged PNG image", 500, "PNG cut in half"},
      {with_bad_crc(png), "is a damaged PNG image", 500, "PNG with a bad CRC"},
      {jpeg.substr(0, jpeg.size() / 2), "is a damaged JPEG image (the file ends too early)", 500, "JPEG cut in half"},
      {scan_bomb(1024, 1024, 3000), "is a JPEG image made of more than 100 progressive scans", 2000, "scan bomb: 3000 scans"},
      {huge_svg(31u << 20), "is an SVG file of 31.0 MiB; the limit for SVG is 2.0 MiB", 500, "31 MiB SVG"},
      {"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "is an SVG image that cannot be drawn", 500, "SVG with no size and nothing in it"},
      {"GIF89a\x01\x00\x01\x00", "is a GIF image", 100, "GIF"},
      {"", "is an empty file", 100, "empty"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto start = steady::now();
    const Decoded d = decode_image(c.bytes, {1920, 1080, false});
    const long took = ms_since(start);
    MESSAGE(c.what << ": " << took << " ms: " << d.problem);
    CHECK_FALSE(d.surface);
    CHECK(d.problem.rfind(c.problem_starts, 0) == 0);
    CHECK(took < c.max_ms);
  }
}

TEST_CASE("a scan bomb that gets past the scan limit is stopped by the time budget") {
  DecodeLimits limits;
  limits.max_jpeg_scans = 1'000'000;
  limits.time_budget = std::chrono::milliseconds(300);
  const std::string bomb = scan_bomb(4096, 4096, 5000);
  MESSAGE("scan bomb: " << bomb.size() / 1024 << " KiB");
  const auto start = steady::now();
  const Decoded d = decode_image(bomb, {1920, 1080, false}, limits);
  const long took = ms_since(start);
  MESSAGE("scan bomb without a scan limit: " << took << " ms: " << d.problem);
  CHECK_FALSE(d.surface);
  CHECK(d.problem.rfind("took too long to decode", 0) == 0);
  CHECK(took < 1500);
}

TEST_CASE("an SVG just under the SVG limit decodes within the time budget") {
  const std::string svg = huge_svg((2u << 20) - 4096);
  const auto start = steady::now();
  const Decoded d = decode_image(svg, {1920, 1080, false});
  const long took = ms_since(start);
  MESSAGE("2 MiB SVG of " << svg.size() / 60 << " paths: " << took << " ms");
  CHECK(d.surface);
  CHECK(took < 5000);  // the budget is 10 s; a slower box has room
}

TEST_CASE("photos decode scaled down in libjpeg, to no more than the box needs") {
  struct Case {
    int source_w, source_h;
    DecodeTarget target;
    int width, height;
    const char* what;
  };
  const Case cases[] = {
      {4000, 3000, {640, 480, false}, 640, 480, "4000×3000 into 640×480: 1/6 of the pixels, then exact"},
      {4000, 3000, {640, 640, true}, 854, 640, "cover: the picture covers the box"},
      {300, 200, {1920, 1080, false}, 300, 200, "small pictures are not enlarged in memory"},
      {2000, 1000, {0, 0, false}, 2000, 1000, "no box: the picture's own size"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const Decoded d = decode_image(jpeg_bytes(c.source_w, c.source_h, false), c.target);
    REQUIRE(d.surface);
    CHECK(d.surface->w == c.width);
    CHECK(d.surface->h == c.height);
  }
  const Decoded png = decode_image(png_bytes(1600, 1200), {400, 300, false});
  REQUIRE(png.surface);
  CHECK(png.surface->w == 400);
  CHECK(png.surface->h == 300);
}

TEST_CASE("decode sizes stay within the pixel budget, whatever the shape") {
  struct Case {
    double w, h;
    DecodeTarget target;
    bool may_enlarge;
    int width, height;
    const char* what;
  };
  const Case cases[] = {
      {20000, 20000, {1920, 1080, false}, true, 1080, 1080, "contain"},
      {100, 50, {1920, 1080, true}, true, 2160, 1080, "cover enlarges an SVG"},
      {100, 50, {1920, 1080, true}, false, 100, 50, "but not a raster"},
      {100000, 1, {1920, 1080, true}, true, 65535, 10, "a hair-thin SVG covering a box is capped"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const PixelSize s = decode_size(c.w, c.h, c.target, c.may_enlarge, 3840LL * 2160);
    CHECK(static_cast<long long>(s.width_px) * s.height_px <= 3840LL * 2160);
    CHECK(s.width_px == c.width);
    CHECK(s.height_px == c.height);
  }
}

TEST_CASE("in the background, a slow picture never blocks the page; it arrives later, once") {
  Folder folder;
  write_file(folder.path / "bomb.jpg", scan_bomb(1024, 1024, 3000));
  write_file(folder.path / "logo.svg", svg_bytes("width=\"20000\" height=\"20000\""));
  const files::ConfinedDir dir = folder.open();
  const auto item = [&](const std::string& name) {
    slides::ImageItem i;
    i.path = (folder.path / name).string();
    i.rect = {0, 0, 200, 100};
    i.folder = dir;
    i.relative = name;
    return i;
  };
  std::mutex m;
  std::condition_variable cv;
  int decoded = 0;
  DecodedImages images(Decoding::in_background);
  images.on_decoded([&] {
    std::lock_guard lock(m);
    ++decoded;
    cv.notify_all();
  });
  const auto wait_for = [&](int n) {
    std::unique_lock lock(m);
    return cv.wait_for(lock, std::chrono::seconds(10), [&] { return decoded >= n; });
  };
  const auto start = steady::now();
  CHECK(images.get(item("bomb.jpg")) == nullptr);  // queued, not decoded here
  CHECK(images.get(item("logo.svg")) == nullptr);
  CHECK(ms_since(start) < 50);
  REQUIRE(wait_for(2));
  CHECK(images.collect());                          // a page was composed without them
  const SDL_Surface* logo = images.get(item("logo.svg"));
  REQUIRE(logo != nullptr);
  CHECK(logo->w == 100);
  CHECK(images.get(item("bomb.jpg")) == nullptr);  // refused, drawn as nothing ...
  CHECK(images.get(item("bomb.jpg")) == nullptr);
  CHECK_FALSE(images.collect());                    // ... and not decoded again
  CHECK(decoded == 2);

  slides::ImageItem next = item("logo.svg");
  next.rect = {0, 0, 300, 300};
  images.prefetch(next);                            // the next slide's picture, before it is shown
  REQUIRE(wait_for(3));
  CHECK_FALSE(images.collect());                    // nobody is waiting for it: no redraw
  const SDL_Surface* ready = images.get(next);
  REQUIRE(ready != nullptr);
  CHECK(ready->w == 300);
}

TEST_CASE("libjpeg's working memory is capped: a progressive JPEG over the cap is refused") {
  DecodeLimits limits;
  limits.max_jpeg_memory_bytes = 1L << 20;  // a 1024×1024 progressive JPEG keeps 3 MiB of coefficients
  const Decoded d = decode_image(jpeg_bytes(1024, 1024, true), {640, 480, false}, limits);
  CHECK_FALSE(d.surface);
  CHECK(d.problem == "needs more memory to decode than the player allows for one picture; save it smaller");
  CHECK(decode_image(jpeg_bytes(1024, 1024, true), {640, 480, false}).surface);  // within the real cap
}
