#pragma once
// Minimal timing for benchmarks: run a body N times, report percentiles.
// Benchmarks print figures; they never pass or fail on speed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace annae::bench {

struct Summary {
  double p50_us = 0, p90_us = 0, min_us = 0;
};

template <class F>
Summary time_us(int iterations, F&& body) {
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(iterations));
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    body();
    const auto t1 = std::chrono::steady_clock::now();
    samples.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(samples.begin(), samples.end());
  const auto at = [&](double q) { return samples[static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1))]; };
  return {at(0.5), at(0.9), samples.front()};
}

inline void print_row(const char* what, const Summary& s) {
  std::printf("| %-46s | %10.1f | %10.1f |\n", what, s.p50_us, s.p90_us);
}

}  // namespace annae::bench
