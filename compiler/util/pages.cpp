#include "util/pages.hpp"

#include "util/chunks.hpp" // EDGEGEN_ADDRESS_SANITIZER

#include <sys/mman.h>
#include <unistd.h>

#include <new>

namespace edgegen::util {

namespace {

size_t whole_pages(size_t bytes)
{
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  return (bytes + page - 1) / page * page;
}

char* map_pages(size_t size)
{
  void* mapped = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) {
    throw std::bad_alloc();
  }
  return static_cast<char*>(mapped);
}

class MappedPages : public std::pmr::memory_resource
{
  void* do_allocate(size_t bytes, size_t alignment) override
  {
    if (alignment > whole_pages(1)) {
      throw std::bad_alloc();
    }
    return map_pages(whole_pages(bytes));
  }

  void do_deallocate(void* block, size_t bytes, size_t) override { ::munmap(block, whole_pages(bytes)); }

  bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override { return this == &other; }
};

} // namespace

Pages::Pages(size_t size) : m_size(size)
{
  if (size != 0) {
    m_data = map_pages(size);
  }
}

Pages::~Pages()
{
  if (m_data) {
    ::munmap(m_data, m_size);
  }
}

std::pmr::memory_resource* mapped_pages()
{
#ifdef EDGEGEN_ADDRESS_SANITIZER
  return std::pmr::new_delete_resource();
#else
  static MappedPages resource;
  return &resource;
#endif
}

} // namespace edgegen::util
