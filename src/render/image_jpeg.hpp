#pragma once
// JPEG decoding with libjpeg-turbo, scaled in the decoder and bounded in
// scans, memory and time (internal to image_decoder.cpp).
#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "render/image_decoder.hpp"

namespace annae::render {

// Decodes a JPEG to ARGB8888 at the smallest libjpeg scale (M/8) that is at
// least `want` (never above full size). Sets `problem` on failure.
Decoded decode_jpeg(std::string_view bytes, const DecodeTarget& target, const DecodeLimits& limits,
                    std::chrono::steady_clock::time_point deadline, const std::atomic<bool>* cancel);

}  // namespace annae::render
