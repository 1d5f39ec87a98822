#pragma once

#include <cstddef>
#include <memory_resource>

namespace edgegen::util {

// Bytes in pages of their own, mapped for them alone (mmap(2)), never in the
// allocator's heap: letting them go gives every page back to the system at
// once, where bytes freed inside the heap leave holes that stay resident.
class Pages
{
public:
  explicit Pages(size_t size); // zeroed; throws std::bad_alloc when the system refuses
  ~Pages();
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;
  char* data() { return m_data; }
  const char* data() const { return m_data; }
  size_t size() const { return m_size; }

private:
  char* m_data = nullptr;
  size_t m_size = 0;
};

// The same as a memory resource: each block pages mapped for it alone,
// unmapped as soon as it is given back, so that it never stays resident in
// the heap after it is freed, nor leaves a hole there between blocks that
// stay. Under AddressSanitizer, operator new's, so that it sees the blocks.
std::pmr::memory_resource* mapped_pages();

} // namespace edgegen::util
