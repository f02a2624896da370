// ParallelFor: runs f(i) for i in [0, n) on up to `threads` threads. Each
// index runs exactly once; f must only touch state owned by index i (or
// guard shared state). Results are deterministic when f writes slot i.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace mpx {

// Threads worth using for `n` items of blocking work (sysfs reads, SCSI
// commands): one per core, at least 2 so that I/O waits overlap, at most 16,
// and none beyond the caller's for small jobs.
inline size_t WorkerCount(size_t n) {
  if (n < 8) return 1;
  size_t hw = std::max<size_t>(2, std::thread::hardware_concurrency());
  return std::min<size_t>({n / 4 + 1, hw, 16});
}

template <typename F>
void ParallelFor(size_t n, size_t threads, F f) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) f(i);
  };
  std::vector<std::jthread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

}  // namespace mpx
