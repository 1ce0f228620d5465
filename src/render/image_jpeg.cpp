#include "render/image_jpeg.hpp"

#include <csetjmp>
#include <cstdio>
#include <memory>
#include <vector>

#include <jpeglib.h>
#include <jerror.h>

namespace annae::render {
namespace {

using steady = std::chrono::steady_clock;

// libjpeg reports fatal errors through error_exit, which must not return:
// it jumps back to decode_jpeg. Everything that needs freeing after the jump
// lives in this heap object, never in locals of a frame that is jumped over.
struct Session {
  jpeg_decompress_struct cinfo{};
  jpeg_error_mgr errors{};
  jpeg_progress_mgr progress{};
  std::jmp_buf jump{};
  std::string problem;  // set before jumping
  bool cut_short = false;
  int max_scans = 0;
  steady::time_point deadline;
  const std::atomic<bool>* cancel = nullptr;
  SDL_Surface* surface = nullptr;
  std::vector<JSAMPLE> row;  // CMYK rows before conversion
};

Session& session_of(j_common_ptr cinfo) { return *reinterpret_cast<Session*>(cinfo->client_data); }

[[noreturn]] void on_error(j_common_ptr cinfo) {
  Session& s = session_of(cinfo);
  const int code = cinfo->err->msg_code;
  if (s.problem.empty() && (code == JERR_NO_BACKING_STORE || code == JERR_OUT_OF_MEMORY)) {
    s.problem = "needs more memory to decode than the player allows for one picture; save it smaller";
  } else if (s.problem.empty()) {
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    s.problem = std::string("is a damaged JPEG image (") + text + "); save or copy it again";
  }
  std::longjmp(s.jump, 1);
}

void on_message(j_common_ptr cinfo, int level) {
  // Warnings (level -1): libjpeg goes on with grey where data is missing.
  // A file that ends early is damaged; other warnings (extra bytes before a
  // marker, a repeated scan) are common in real files and harmless.
  if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) session_of(cinfo).cut_short = true;
}

// Called for each row and scan: stops scan bombs, slow decodes and cancelled ones.
void on_progress(j_common_ptr cinfo) {
  Session& s = session_of(cinfo);
  const auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (d->input_scan_number > s.max_scans) {
    s.problem = "is a JPEG image made of more than " + std::to_string(s.max_scans) +
                " progressive scans (an ordinary one has about 10), which would take too long to show; "
                "open it and save it again as an ordinary JPEG";
  } else if (steady::now() > s.deadline) {
    s.problem = "took too long to decode; save it smaller or as an ordinary (baseline) JPEG";
  } else if (s.cancel && s.cancel->load(std::memory_order_relaxed)) {
    s.problem = "was not decoded (the player is stopping)";
  } else {
    return;
  }
  std::longjmp(s.jump, 1);
}

void cmyk_to_argb(const JSAMPLE* in, Uint32* out, JDIMENSION width, bool inverted) {
  for (JDIMENSION x = 0; x < width; ++x, in += 4) {
    unsigned c = in[0], m = in[1], y = in[2], k = in[3];
    if (!inverted) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;  // Adobe writes them inverted
    out[x] = 0xFF000000u | ((c * k / 255) << 16) | ((m * k / 255) << 8) | (y * k / 255);
  }
}

// The session's limits and its error, message and progress hooks; before anything can jump.
void prepare(Session& s, const DecodeLimits& limits, steady::time_point deadline, const std::atomic<bool>* cancel) {
  s.max_scans = limits.max_jpeg_scans;
  s.deadline = deadline;
  s.cancel = cancel;
  s.cinfo.err = jpeg_std_error(&s.errors);
  s.errors.error_exit = on_error;
  s.errors.emit_message = on_message;
  s.cinfo.client_data = &s;
}

// The smallest M of an M/8 scale whose result still covers `want`.
unsigned covering_eighths(const jpeg_decompress_struct& cinfo, const PixelSize& want) {
  unsigned m = 1;
  while (m < 8 && ((cinfo.image_width * m + 7) / 8 < static_cast<unsigned>(want.width_px) ||
                   (cinfo.image_height * m + 7) / 8 < static_cast<unsigned>(want.height_px)))
    ++m;
  return m;
}

// Reads the started decompression's rows into s.surface, converting CMYK;
// libjpeg may jump out of here (no local needs freeing).
void read_rows(Session& s, bool cmyk) {
  const JDIMENSION w = s.cinfo.output_width, h = s.cinfo.output_height;
  if (cmyk) s.row.resize(static_cast<std::size_t>(w) * 4);
  while (s.cinfo.output_scanline < h) {
    auto* line = static_cast<Uint8*>(s.surface->pixels) + static_cast<std::ptrdiff_t>(s.cinfo.output_scanline) * s.surface->pitch;
    JSAMPROW rows[1] = {cmyk ? s.row.data() : line};
    if (jpeg_read_scanlines(&s.cinfo, rows, 1) != 1) break;
    if (cmyk) cmyk_to_argb(s.row.data(), reinterpret_cast<Uint32*>(line), w, s.cinfo.saw_Adobe_marker);
  }
}

}  // namespace

Decoded decode_jpeg(std::string_view bytes, const DecodeTarget& target, const DecodeLimits& limits,
                    steady::time_point deadline, const std::atomic<bool>* cancel) {
  auto session = std::make_unique<Session>();
  Session& s = *session;
  prepare(s, limits, deadline, cancel);
  Decoded out;
  if (setjmp(s.jump)) {
    jpeg_destroy_decompress(&s.cinfo);
    if (s.surface) SDL_FreeSurface(s.surface);
    out.problem = s.problem;
    return out;
  }
  jpeg_create_decompress(&s.cinfo);
  s.progress.progress_monitor = on_progress;
  s.cinfo.progress = &s.progress;
  s.cinfo.mem->max_memory_to_use = limits.max_jpeg_memory_bytes;
  jpeg_mem_src(&s.cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&s.cinfo, TRUE);
  const long long source_pixels = static_cast<long long>(s.cinfo.image_width) * s.cinfo.image_height;
  if (source_pixels > limits.max_source_pixels) {
    s.problem = "is " + std::to_string(s.cinfo.image_width) + "×" + std::to_string(s.cinfo.image_height) +
                " pixels, more than the player decodes; make it smaller";
    std::longjmp(s.jump, 1);
  }
  // The smallest M/8 scale whose result still covers the size to be drawn.
  const PixelSize want = decode_size(s.cinfo.image_width, s.cinfo.image_height, target, false, limits.max_output_pixels);
  s.cinfo.scale_num = covering_eighths(s.cinfo, want);
  s.cinfo.scale_denom = 8;
  const bool cmyk = s.cinfo.jpeg_color_space == JCS_CMYK || s.cinfo.jpeg_color_space == JCS_YCCK;
  s.cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRA;  // BGRA bytes are ARGB8888 on little-endian machines
  jpeg_start_decompress(&s.cinfo);  // a progressive file's scans are all read here
  const JDIMENSION w = s.cinfo.output_width, h = s.cinfo.output_height;
  if (static_cast<long long>(w) * h > limits.max_output_pixels * 4) {  // M/8 may overshoot; then scaled down below
    s.problem = "is too large to show";
    std::longjmp(s.jump, 1);
  }
  s.surface = SDL_CreateRGBSurfaceWithFormat(0, static_cast<int>(w), static_cast<int>(h), 32, SDL_PIXELFORMAT_ARGB8888);
  if (!s.surface) {
    s.problem = "could not be decoded: not enough memory";
    std::longjmp(s.jump, 1);
  }
  read_rows(s, cmyk);
  jpeg_finish_decompress(&s.cinfo);
  jpeg_destroy_decompress(&s.cinfo);
  if (s.cut_short) {
    SDL_FreeSurface(s.surface);
    out.problem = "is a damaged JPEG image (the file ends too early); copy it again";
    return out;
  }
  out.surface.reset(s.surface);
  return out;
}

}  // namespace annae::render
