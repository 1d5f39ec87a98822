#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <limits>
#include <thread>
#include <vector>

namespace edgegen::util {

// The most workers parallel_for uses (at most 8, and no more than the
// hardware has). Setting it to 1 runs everything on the calling thread, in
// index order.
inline std::atomic<size_t>& max_workers()
{
  static std::atomic<size_t> limit{std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), 8)};
  return limit;
}

// How many tasks that each hold a whole environment's tables (a check of
// every route, a target's render) run at once, however many cores the
// machine has: each holds megabytes at 10,000 projects, so the peak memory
// of a run would otherwise grow with the cores (with eight workers, the
// checks of a render at 10,000 peaked 6 MiB higher).
inline constexpr size_t k_most_large_tasks = 2;

// Calls body(i) for every i in [0, n), spread over up to max_workers()
// workers, and no more than `most`, that take the next index as they go
// (with at least `grain` indices per worker: fewer workers for small n).
// Callers write results into slot i of a pre-sized vector and merge in
// index order afterwards, so the outcome never depends on scheduling. The
// first exception is rethrown here.
template <typename Body>
void parallel_for(size_t n, const Body& body, size_t grain = 16, size_t most = std::numeric_limits<size_t>::max())
{
  size_t workers = std::min<size_t>({max_workers(), n / grain + 1, most});
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) {
      body(i);
    }
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (size_t i = next++; i < n && !failed; i = next++) {
      try {
        body(i);
      } catch (...) {
        if (!failed.exchange(true)) {
          failure = std::current_exception();
        }
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < workers; ++t) {
    threads.emplace_back(work);
  }
  work();
  for (auto& thread : threads) {
    thread.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
}

} // namespace edgegen::util
