#include "util/arena.hpp"

#include <gtest/gtest.h>

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace edgegen::util {
namespace {

// Whether the page holding `address` is mapped: msync fails with ENOMEM
// for pages that are not.
bool mapped(const void* address)
{
  const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  void* start = reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(address) / page * page);
  if (::msync(start, page, MS_ASYNC) == 0) {
    return true;
  }
  EXPECT_EQ(errno, ENOMEM);
  return false;
}

TEST(Arena, HoldsContainersAndItsRegionsGoBackWithIt)
{
  if (mapped_pages() == std::pmr::new_delete_resource()) {
    GTEST_SKIP() << "under AddressSanitizer the regions are operator new's";
  }
  std::vector<const void*> seen;
  {
    Arena arena;
    std::pmr::vector<std::pmr::string> texts(&arena);
    for (int i = 0; i < 20000; ++i) { // grows past several regions
      texts.emplace_back("a text long enough to need a block of its own, number " + std::to_string(i));
    }
    EXPECT_EQ(texts[12345], "a text long enough to need a block of its own, number 12345");
    EXPECT_EQ(texts.get_allocator().resource(), &arena);
    EXPECT_EQ(texts[0].get_allocator().resource(), &arena);
    seen = {texts.data(), texts.front().data(), texts.back().data()};
    for (const void* address : seen) {
      EXPECT_TRUE(mapped(address));
    }
  }
  for (const void* address : seen) {
    EXPECT_FALSE(mapped(address));
  }
}

} // namespace
} // namespace edgegen::util
