#include "util/pages.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace edgegen::util {
namespace {

// How many of the pages from `address` on for `size` bytes are resident;
// -1 when they are not mapped at all.
long resident_pages(const void* address, size_t size)
{
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> resident((size + page - 1) / page);
  if (::mincore(const_cast<void*>(address), size, resident.data()) != 0) {
    return errno == ENOMEM ? -1 : -2;
  }
  long count = 0;
  for (unsigned char r : resident) {
    count += r & 1;
  }
  return count;
}

TEST(Pages, AreAMappingOfTheirOwnThatGoesAwayWithThem)
{
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t size = 3 * page + 1;
  const void* address = nullptr;
  {
    Pages pages(size);
    ASSERT_NE(pages.data(), nullptr);
    EXPECT_EQ(pages.size(), size);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(pages.data()) % page, 0u); // pages of their own
    EXPECT_EQ(pages.data()[size - 1], '\0');
    std::memset(pages.data(), 'x', size);
    address = pages.data();
    EXPECT_EQ(resident_pages(address, size), 4);
  }
  EXPECT_EQ(resident_pages(address, size), -1); // unmapped: given back
  Pages none(0);
  EXPECT_EQ(none.data(), nullptr);
  EXPECT_EQ(none.size(), 0u);
}

TEST(MappedPages, ABlockIsPagesOfItsOwnNotTheHeapsAndGoesBackWhenFreed)
{
  if (mapped_pages() == std::pmr::new_delete_resource()) {
    GTEST_SKIP() << "under AddressSanitizer the blocks are operator new's";
  }
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t heap_before = mallinfo2().uordblks + mallinfo2().hblkhd;
  const size_t size = 3 * 1024 * 1024 + 5;
  auto* block = static_cast<char*>(mapped_pages()->allocate(size, 16));
  std::memset(block, 'x', size);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(block) % page, 0u);
  EXPECT_EQ(mallinfo2().uordblks + mallinfo2().hblkhd, heap_before); // not malloc's
  EXPECT_EQ(resident_pages(block, size), static_cast<long>((size + page - 1) / page));
  mapped_pages()->deallocate(block, size, 16);
  EXPECT_EQ(resident_pages(block, size), -1); // unmapped: given back
}

} // namespace
} // namespace edgegen::util
