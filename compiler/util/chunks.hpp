#pragma once

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__) // GCC
#define EDGEGEN_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) // clang
#define EDGEGEN_ADDRESS_SANITIZER 1
#endif
#endif

namespace edgegen::util {

// Memory for what is built together and let go together: the loaded YAML
// trees' lists and keys. Blocks are carved in turn from chunks of pages of
// their own (1 MiB, or a block's own size when it is larger), and a chunk
// goes back to the system as soon as the last of its blocks is freed; a
// freed block's space is not reused before that. In malloc's heap, the
// model, built while the trees are held, would fill the spaces between
// their blocks, and the trees' freed pages would stay resident around it.
// Each thread carves from a chunk of its own; any thread may free a block.
// Under AddressSanitizer the blocks come from operator new, so that it
// checks their bounds.
struct ChunkMemory
{
#ifdef EDGEGEN_ADDRESS_SANITIZER
  static constexpr bool carves = false;
#else
  static constexpr bool carves = true;
#endif
  static void* allocate(size_t bytes);
  static void deallocate(void* block) noexcept;
};

// The chunks mapped now, and their bytes: for tests.
struct ChunkUse
{
  size_t chunks = 0;
  size_t bytes = 0;
};
ChunkUse chunk_use();

} // namespace edgegen::util
