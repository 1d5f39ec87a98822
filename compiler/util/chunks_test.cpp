#include "util/chunks.hpp"

#include "util/compact_vector.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace edgegen::util {
namespace {

constexpr size_t k_chunk = size_t{1} << 20;

// On a thread of its own, so that the chunk it carves from is let go when
// it ends, as the loader's threads let theirs go.
template <typename F> void on_a_thread(F&& work)
{
  std::thread thread(std::forward<F>(work));
  thread.join();
}

TEST(ChunkMemory, ChunksGoBackWhenTheirLastBlockIsFreed)
{
  const ChunkUse before = chunk_use();
  std::vector<void*> blocks;
  on_a_thread([&] {
    for (size_t i = 0; i < 5000; ++i) { // 5000 × 464 bytes: three chunks
      auto* block = static_cast<unsigned char*>(ChunkMemory::allocate(460));
      std::memset(block, static_cast<int>(i & 0xff), 460);
      blocks.push_back(block);
    }
  });
  // Every block is aligned for any type, and holds what was written into it.
  for (size_t i = 0; i < blocks.size(); ++i) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(blocks[i]) % alignof(std::max_align_t), 0u);
    EXPECT_EQ(static_cast<unsigned char*>(blocks[i])[459], i & 0xff);
  }
  if constexpr (!ChunkMemory::carves) {
    EXPECT_EQ(chunk_use().chunks, before.chunks); // AddressSanitizer's build: from the heap
  } else {
    EXPECT_EQ(chunk_use().chunks, before.chunks + 3);
    EXPECT_EQ(chunk_use().bytes, before.bytes + 3 * k_chunk);
  }
  // Freed from another thread, in another order: the first chunk goes back
  // with its last block, not before.
  auto chunk_of = [](void* block) { return reinterpret_cast<uintptr_t>(block) & ~(k_chunk - 1); };
  size_t per_chunk = 0;
  while (per_chunk < blocks.size() && chunk_of(blocks[per_chunk]) == chunk_of(blocks[0])) {
    ++per_chunk;
  }
  if constexpr (ChunkMemory::carves) {
    EXPECT_EQ(per_chunk, (k_chunk - 16) / 464); // the chunk's first 16 bytes count its blocks
  }
  for (size_t i = per_chunk - 1; i > 0; --i) {
    ChunkMemory::deallocate(blocks[i]);
  }
  if constexpr (ChunkMemory::carves) {
    EXPECT_EQ(chunk_use().chunks, before.chunks + 3);
  }
  ChunkMemory::deallocate(blocks[0]);
  if constexpr (ChunkMemory::carves) {
    EXPECT_EQ(chunk_use().chunks, before.chunks + 2);
  }
  for (size_t i = per_chunk; i < blocks.size(); ++i) {
    ChunkMemory::deallocate(blocks[i]);
  }
  EXPECT_EQ(chunk_use().chunks, before.chunks);
  EXPECT_EQ(chunk_use().bytes, before.bytes);
}

TEST(ChunkMemory, ALargeBlockHasAChunkOfItsOwn)
{
  const ChunkUse before = chunk_use();
  const size_t size = 3 * k_chunk + 100;
  auto* block = static_cast<char*>(ChunkMemory::allocate(size));
  block[0] = 'a';
  block[size - 1] = 'z';
  if constexpr (ChunkMemory::carves) {
    EXPECT_EQ(chunk_use().chunks, before.chunks + 1);
    EXPECT_GE(chunk_use().bytes, before.bytes + size);
  }
  EXPECT_EQ(block[size - 1], 'z');
  ChunkMemory::deallocate(block);
  EXPECT_EQ(chunk_use().chunks, before.chunks);
  EXPECT_EQ(chunk_use().bytes, before.bytes);
}

TEST(ChunkMemory, AThreadCarvesAgainFromTheStartOnceEveryBlockIsFreed)
{
  if constexpr (!ChunkMemory::carves) {
    GTEST_SKIP() << "AddressSanitizer's build takes the blocks from the heap";
  }
  const ChunkUse before = chunk_use();
  on_a_thread([] {
    void* first = ChunkMemory::allocate(64);
    void* second = ChunkMemory::allocate(64);
    EXPECT_EQ(static_cast<char*>(second) - static_cast<char*>(first), 64);
    ChunkMemory::deallocate(first);
    void* third = ChunkMemory::allocate(64); // `second` is not freed: carved after it
    EXPECT_EQ(static_cast<char*>(third) - static_cast<char*>(second), 64);
    ChunkMemory::deallocate(second);
    ChunkMemory::deallocate(third);
    void* again = ChunkMemory::allocate(64); // none left: from the start
    EXPECT_EQ(again, first);
    ChunkMemory::deallocate(again);
  });
  EXPECT_EQ(chunk_use().chunks, before.chunks);
}

TEST(ChunkMemory, ThreadsFreeEachOthersBlocks)
{
  const ChunkUse before = chunk_use();
  std::vector<void*> made[2];
  auto make = [&](int which) {
    for (size_t i = 0; i < 20000; ++i) {
      size_t size = 8 + (i * 37) % 300;
      auto* block = static_cast<unsigned char*>(ChunkMemory::allocate(size));
      block[0] = static_cast<unsigned char>(which);
      block[size - 1] = static_cast<unsigned char>(i);
      made[which].push_back(block);
    }
  };
  on_a_thread([&] {
    std::thread other(make, 1);
    make(0);
    other.join();
  });
  for (int which = 0; which < 2; ++which) {
    for (size_t i = 0; i < made[which].size(); ++i) {
      auto* block = static_cast<unsigned char*>(made[which][i]);
      ASSERT_EQ(block[0], which);
      ASSERT_EQ(block[8 + (i * 37) % 300 - 1], static_cast<unsigned char>(i));
    }
  }
  // Each thread frees the other's blocks, at once.
  std::thread first([&] {
    for (void* block : made[1]) {
      ChunkMemory::deallocate(block);
    }
  });
  for (void* block : made[0]) {
    ChunkMemory::deallocate(block);
  }
  first.join();
  EXPECT_EQ(chunk_use().chunks, before.chunks);
  EXPECT_EQ(chunk_use().bytes, before.bytes);
}

TEST(ChunkMemory, HoldsTheListsOfACompactVector)
{
  const ChunkUse before = chunk_use();
  on_a_thread([] {
    CompactVector<std::string, ChunkMemory> names;
    for (int i = 0; i < 1000; ++i) {
      names.push_back("name-" + std::to_string(i) + "-long-enough-for-the-heap");
    }
    CompactVector<std::string, ChunkMemory> copy = names;
    names.shrink_to_fit();
    EXPECT_EQ(copy.size(), 1000u);
    EXPECT_EQ(copy[999], "name-999-long-enough-for-the-heap");
    EXPECT_TRUE(copy == names);
  });
  EXPECT_EQ(chunk_use().chunks, before.chunks);
}

} // namespace
} // namespace edgegen::util
