// Turning pages for screens mounted on their side, and which way a push moves.
#include <doctest/doctest.h>

#include "render/blend.hpp"
#include "render/rotate.hpp"

using annae::render::make_surface;

namespace {

// A 3x2 page whose pixels are numbered 1..6 row by row.
annae::render::Surface numbered() {
  auto s = make_surface(3, 2);
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 3; ++x) {
      reinterpret_cast<Uint32*>(static_cast<Uint8*>(s->pixels) + y * s->pitch)[x] = static_cast<Uint32>(y * 3 + x + 1);
    }
  }
  return s;
}

std::vector<Uint32> pixels(const SDL_Surface& s) {
  std::vector<Uint32> out;
  for (int y = 0; y < s.h; ++y) {
    for (int x = 0; x < s.w; ++x) out.push_back(reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch)[x]);
  }
  return out;
}

}  // namespace

TEST_CASE("pages turn clockwise") {
  struct Case {
    int degrees;
    int w, h;
    std::vector<Uint32> expected;
  };
  // 1 2 3
  // 4 5 6
  const Case cases[] = {
      {0, 3, 2, {1, 2, 3, 4, 5, 6}},      // as is
      {90, 2, 3, {4, 1, 5, 2, 6, 3}},     // the top row ends up on the right
      {180, 3, 2, {6, 5, 4, 3, 2, 1}},    // upside down
      {270, 2, 3, {3, 6, 2, 5, 1, 4}},    // the top row ends up on the left
  };
  const auto page = numbered();
  for (const auto& c : cases) {
    CAPTURE(c.degrees);
    const auto out = annae::render::rotated(*page, c.degrees);
    REQUIRE(out);
    CHECK(out->w == c.w);
    CHECK(out->h == c.h);
    CHECK(pixels(*out) == c.expected);
  }
}

TEST_CASE("a push follows the slide's horizontal on a turned screen") {
  using annae::render::motion_for_rotation;
  CHECK_FALSE(motion_for_rotation(0).vertical);  // upright: sideways, as the finger goes
  CHECK(motion_for_rotation(0).sign == 1);
  CHECK(motion_for_rotation(90).vertical);        // turned: the slide's left is the output's top
  CHECK(motion_for_rotation(90).sign == 1);
  CHECK(motion_for_rotation(180).sign == -1);     // upside down: reversed
  CHECK(motion_for_rotation(270).vertical);
  CHECK(motion_for_rotation(270).sign == -1);
}

TEST_CASE("a vertical push halfway shows the bottom half of the old page over the top half of the new") {
  auto from = make_surface(1, 4), to = make_surface(1, 4), dst = make_surface(1, 4);
  for (int y = 0; y < 4; ++y) {
    reinterpret_cast<Uint32*>(static_cast<Uint8*>(from->pixels) + y * from->pitch)[0] = 10 + static_cast<Uint32>(y);
    reinterpret_cast<Uint32*>(static_cast<Uint8*>(to->pixels) + y * to->pitch)[0] = 20 + static_cast<Uint32>(y);
  }
  annae::render::push_vertical({static_cast<const std::uint8_t*>(from->pixels), from->pitch},
                               {static_cast<const std::uint8_t*>(to->pixels), to->pitch},
                               {static_cast<std::uint8_t*>(dst->pixels), dst->pitch}, 1, 4, 2, +1);
  CHECK(pixels(*dst) == std::vector<Uint32>{12, 13, 20, 21});
}

TEST_CASE("a cross-fade halfway is the average of both pages") {
  auto a = make_surface(1, 1), b = make_surface(1, 1), d = make_surface(1, 1);
  *static_cast<Uint32*>(a->pixels) = 0xFF000000u;  // black
  *static_cast<Uint32*>(b->pixels) = 0xFFFFFFFFu;  // white
  annae::render::cross_fade({static_cast<const std::uint8_t*>(a->pixels), a->pitch},
                            {static_cast<const std::uint8_t*>(b->pixels), b->pitch},
                            {static_cast<std::uint8_t*>(d->pixels), d->pitch}, 1, 0, 1, 128);
  CHECK((*static_cast<Uint32*>(d->pixels) & 0xFFFFFFu) == 0x7F7F7Fu);
}
