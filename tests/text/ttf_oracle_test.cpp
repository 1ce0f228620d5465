// An independent oracle for advance widths: SDL2_ttf measures the same
// strings with the same font (one without OpenType layout tables, so there
// is nothing to shape differently), hinting and kerning off. Our line widths
// must agree within 1 px.
#include <doctest/doctest.h>

#include <SDL_ttf.h>

#include <cmath>
#include <filesystem>

#include "text_fixture.hpp"

namespace {

constexpr const char* oracle_font = "/usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf";

}  // namespace

TEST_CASE("line widths agree with SDL2_ttf's TTF_SizeUTF8 within 1 px") {
  REQUIRE_MESSAGE(std::filesystem::exists(oracle_font), "install fonts-nanum (deploy/setup.sh does)");
  REQUIRE(TTF_Init() == 0);
  auto& engine = annae::test::engine();
  annae::text::TextStyle style;
  style.font.file = oracle_font;
  REQUIRE(engine.fonts().info(engine.fonts().chain(style.font)->primary()).has_layout_tables == false);

  const char* strings[] = {
      "국토교통부",                          // Hangul only
      "지역균형발전포럼 개최",                // Hangul with a space
      "LHI 토지주택연구원",                   // Latin then Hangul
      "Compact & Network 구축",              // Latin words and an ampersand
      "044-201-3646",                        // a phone number
      "14:00-14:05 참석자 소개",              // an agenda time
      "(장관 원희룡) 9월 26일",               // brackets and digits
  };
  const int sizes[] = {24, 40, 64};
  for (int size : sizes) {
    TTF_Font* font = TTF_OpenFont(oracle_font, size);
    REQUIRE(font != nullptr);
    TTF_SetFontHinting(font, TTF_HINTING_NONE);
    TTF_SetFontKerning(font, 0);
    style.size_px = size;
    for (const char* s : strings) {
      CAPTURE(size);
      CAPTURE(s);
      int w = 0, h = 0;
      REQUIRE(TTF_SizeUTF8(font, s, &w, &h) == 0);
      REQUIRE(w > 2 * size);  // a real measurement, several characters wide
      const auto block = engine.layout(s, style, 100000);
      REQUIRE(block.lines.size() == 1);
      CHECK(std::abs(block.lines[0].width_px - static_cast<float>(w)) <= 1.0f);
    }
    TTF_CloseFont(font);
  }
  TTF_Quit();
}
