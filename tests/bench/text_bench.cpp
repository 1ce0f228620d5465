// Text engine benchmark: layout of a 600-character Korean slide text, cold
// (nothing cached: decode, normalize, segment, itemize, shape, fill) and
// warm (prepared paragraph cached: fill and place only), fitting it into a
// box, the same with whole-paragraph breaking (wrap pretty and balance), and
// rasterizing its glyphs with the glyph-cache hit rate over frames.
//
//   build/tests/bench/text_bench [ITERATIONS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "bench_util.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"

namespace {

// Seed 000, 참고 2 (strategies ①-③): 600 characters of slide text.
std::string slide_text() {
  const std::string source =
      "① (초광역권 계획) 단위별 행정구역을 넘어선 기능과 연계 중심의 초광역 단위의 지역발전 전략구상\n"
      "- (국토계획 패러다임 전환) 행정구역 중심의 경직적 국토계획을 전환하여 기능별 연계, 유연한 연합, "
      "초연결을 지향하는 국토계획 마련\n"
      "- (초광역 계획 수립지원) 부울경·충청권·남해안 등 행정구역 단위를 넘어서는 자생적 경쟁력 강화방안 마련 지원\n"
      "② (Compact & Network 구축) 권역별로 경제적·사회적·문화적 기회를 창조 및 연결하는 성장거점 육성 및 교통망 지원\n"
      "- (기회의 창조) 도심융합특구, 국가 산단, 기업혁신파크 등 권역 거점과 캠퍼스혁신파크·지역활력타운 등 "
      "지역 거점을 통한 청년 일자리 창출\n"
      "- (기회의 연결) 어디서나 공정한 접근을 확보하기 위해 권역별 5대 광역철도 및 방사순환형 도로 지원, "
      "거점공항 및 연결교통망 건설\n"
      "③ (맞춤형 규제혁신) 기업 성장의 걸림돌을 적기·적소에 해소하기 위한 지역·기업 맞춤형 규제개선 추진\n"
      "- (기회의 확대) 기업성장 걸림돌 해소 및 지역경쟁력 강화를 위해 개발제한구역 규제 유연화, 토지이용규제 개선, "
      "3종 공간혁신구역 등 추진\n"
      "④ (과학 및 실증 기반 국토정책) 데이터와 AI 등 객관적 근거를 토대로 한 과학적 공간정책 기반 마련";
  // Cut at exactly 600 code points (each Hangul syllable is 3 bytes in UTF-8).
  std::string out;
  int count = 0;
  for (std::size_t i = 0; i < source.size() && count < 600; ++count) {
    std::size_t len = 1;
    const auto b = static_cast<unsigned char>(source[i]);
    if (b >= 0xF0) len = 4; else if (b >= 0xE0) len = 3; else if (b >= 0xC0) len = 2;
    out.append(source, i, len);
    i += len;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace annae;
  const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  const std::string text = slide_text();

  const auto t0 = std::chrono::steady_clock::now();
  text::TextEngine engine({});
  if (!engine.has_fonts()) {
    std::fprintf(stderr, "no usable font\n");
    return 2;
  }
  const double startup_us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();

  text::TextStyle style;
  style.size_px = 44;  // body text on a 1080p slide
  const float width = 1600;

  std::printf("Text engine, %d iterations, 600-character Korean slide text, 44 px in 1600 px\n\n", iterations);
  std::printf("| %-46s | %10s | %10s |\n", "what", "p50 (µs)", "p90 (µs)");
  std::printf("|%s|%s|%s|\n", std::string(48, '-').c_str(), std::string(12, '-').c_str(), std::string(12, '-').c_str());
  std::printf("| %-46s | %10.1f | %10s |\n", "font discovery (first chain, once)", startup_us, "-");

  bench::print_row("layout, cold (decode to placed glyphs)", bench::time_us(iterations, [&] {
                     engine.clear_cache();
                     (void)engine.layout(text, style, width);
                   }));
  (void)engine.layout(text, style, width);
  bench::print_row("layout, warm (paragraph cached)", bench::time_us(iterations, [&] {
                     (void)engine.layout(text, style, width);
                   }));
  bench::print_row("fit into 1600x700 from 72 px, warm", bench::time_us(iterations, [&] {
                     text::TextStyle big = style;
                     big.size_px = 72;
                     (void)engine.fit(text, big, width, 700, {24, true});
                   }));
  // Whole-paragraph breaking (text::Wrap): the same text and box, warm.
  for (const auto& [wrap, name] : {std::pair{text::Wrap::pretty, "pretty"}, std::pair{text::Wrap::balance, "balance"}}) {
    text::TextStyle s = style;
    s.wrap = wrap;
    const std::string layout_row = std::string("layout, warm, ") + name;
    bench::print_row(layout_row.c_str(), bench::time_us(iterations, [&] { (void)engine.layout(text, s, width); }));
    const std::string narrow_row = std::string("layout, warm, ") + name + ", 600 px wide (40 lines)";
    bench::print_row(narrow_row.c_str(), bench::time_us(iterations, [&] { (void)engine.layout(text, s, 600); }));
    const std::string fit_row = std::string("fit into 1600x700 from 72 px, warm, ") + name;
    bench::print_row(fit_row.c_str(), bench::time_us(iterations, [&] {
                       text::TextStyle big = s;
                       big.size_px = 72;
                       (void)engine.fit(text, big, width, 700, {24, true});
                     }));
  }

  const auto block = engine.layout(text, style, width);
  const auto draw_once = [&](text::GlyphCache& cache) {
    for (const auto& g : block.glyphs) {
      const auto pen = text::snap_pen(g.x_px);
      (void)cache.get({g.face, g.glyph, static_cast<std::uint16_t>(block.size_px), pen.bin});
    }
  };
  bench::print_row("rasterize all glyphs, cold cache", bench::time_us(std::max(1, iterations / 10), [&] {
                     text::GlyphCache cache(engine.fonts());
                     draw_once(cache);
                   }));
  text::GlyphCache cache(engine.fonts());
  const int frames = 60;
  for (int f = 0; f < frames; ++f) draw_once(cache);
  std::printf("\nglyphs placed: %zu in %zu lines; glyph cache over %d frames: %zu misses, %zu hits, hit rate %.2f%%\n",
              block.glyphs.size(), block.lines.size(), frames, cache.stats().misses, cache.stats().hits,
              100.0 * cache.stats().hit_rate());
  const double first_frame_rate =
      1.0 - static_cast<double>(cache.stats().misses) / static_cast<double>(block.glyphs.size());
  std::printf("hit rate within the first frame alone (repeated syllables): %.2f%%\n", 100.0 * first_frame_rate);
  return 0;
}
