#include "util/chunks.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <new>

namespace edgegen::util {

namespace {

constexpr size_t k_chunk = size_t{1} << 20; // also the chunks' alignment
constexpr size_t k_align = alignof(std::max_align_t);
// Larger blocks get a chunk of their own.
constexpr size_t k_largest_carved = k_chunk / 8;

size_t round_up(size_t n, size_t to)
{
  return (n + to - 1) / to * to;
}

struct Chunk
{
  // The blocks not freed yet, plus one while a thread carves from it.
  std::atomic<size_t> live{1};
  size_t mapped = 0;
};
constexpr size_t k_header = (sizeof(Chunk) + k_align - 1) / k_align * k_align;

std::atomic<size_t> g_chunks{0};
std::atomic<size_t> g_bytes{0};

// At least `bytes`, at an address aligned to k_chunk: a block finds its
// chunk by rounding its address down.
Chunk* map_chunk(size_t bytes)
{
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t size = round_up(bytes, page);
  size_t span = size + k_chunk;
  void* mapped = ::mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) {
    throw std::bad_alloc();
  }
  auto start = reinterpret_cast<uintptr_t>(mapped);
  uintptr_t aligned = round_up(start, k_chunk);
  if (aligned > start) {
    ::munmap(mapped, aligned - start);
  }
  if (start + span > aligned + size) {
    ::munmap(reinterpret_cast<void*>(aligned + size), start + span - (aligned + size));
  }
  auto* chunk = new (reinterpret_cast<void*>(aligned)) Chunk;
  chunk->mapped = size;
  g_chunks.fetch_add(1, std::memory_order_relaxed);
  g_bytes.fetch_add(size, std::memory_order_relaxed);
  return chunk;
}

void release(Chunk* chunk) noexcept
{
  if (chunk->live.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    g_chunks.fetch_sub(1, std::memory_order_relaxed);
    g_bytes.fetch_sub(chunk->mapped, std::memory_order_relaxed);
    ::munmap(chunk, chunk->mapped);
  }
}

char* start_of(Chunk* chunk)
{
  return reinterpret_cast<char*>(chunk) + k_header;
}

// The chunk a thread carves from; let go when the thread ends.
struct Carver
{
  Chunk* chunk = nullptr;
  char* next = nullptr;
  char* end = nullptr;
  ~Carver()
  {
    if (chunk) {
      release(chunk);
    }
  }
};
thread_local Carver t_carver;

} // namespace

void* ChunkMemory::allocate(size_t bytes)
{
  if constexpr (!carves) {
    return ::operator new(bytes);
  }
  size_t size = round_up(bytes == 0 ? 1 : bytes, k_align);
  if (size > k_largest_carved) {
    Chunk* own = map_chunk(k_header + size);
    own->live.store(1, std::memory_order_relaxed); // the block alone
    return start_of(own);
  }
  Carver& carver = t_carver;
  if (carver.chunk && carver.chunk->live.load(std::memory_order_acquire) == 1) {
    carver.next = start_of(carver.chunk); // every block freed: carve again from the start
  }
  if (!carver.chunk || static_cast<size_t>(carver.end - carver.next) < size) {
    Chunk* fresh = map_chunk(k_chunk);
    if (carver.chunk) {
      release(carver.chunk);
    }
    carver.chunk = fresh;
    carver.next = start_of(fresh);
    carver.end = reinterpret_cast<char*>(fresh) + k_chunk;
  }
  carver.chunk->live.fetch_add(1, std::memory_order_relaxed);
  void* block = carver.next;
  carver.next += size;
  return block;
}

void ChunkMemory::deallocate(void* block) noexcept
{
  if constexpr (!carves) {
    ::operator delete(block);
  } else if (block) {
    release(reinterpret_cast<Chunk*>(reinterpret_cast<uintptr_t>(block) & ~(k_chunk - 1)));
  }
}

ChunkUse chunk_use()
{
  return {g_chunks.load(std::memory_order_relaxed), g_bytes.load(std::memory_order_relaxed)};
}

} // namespace edgegen::util
