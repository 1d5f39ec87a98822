#include "util/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

namespace edgegen::util {
namespace {

// How many bodies ran at once at most, over 16 that each take 50 ms, with
// eight workers (a machine of eight cores or more).
size_t most_at_once(size_t most)
{
  std::atomic<size_t> running{0};
  std::atomic<size_t> seen{0};
  parallel_for(
      16,
      [&](size_t) {
        size_t now = ++running;
        size_t before = seen.load();
        while (now > before && !seen.compare_exchange_weak(before, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        --running;
      },
      1, most);
  return seen.load();
}

TEST(ParallelFor, RunsNoMoreThanItsMostAtOnceWhateverTheWorkers)
{
  struct Restore
  {
    size_t saved = max_workers().load();
    ~Restore() { max_workers() = saved; }
  } restore;
  max_workers() = 8;
  EXPECT_EQ(most_at_once(k_most_large_tasks), 2u);
  EXPECT_GT(most_at_once(std::numeric_limits<size_t>::max()), 2u);
  max_workers() = 1;
  EXPECT_EQ(most_at_once(k_most_large_tasks), 1u);
}

} // namespace
} // namespace edgegen::util
