#include "util/pages.hpp"

#include <sys/mman.h>

#include <new>

namespace edgegen::util {

Pages::Pages(size_t size) : m_size(size)
{
  if (size == 0) {
    return;
  }
  void* mapped = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) {
    throw std::bad_alloc();
  }
  m_data = static_cast<char*>(mapped);
}

Pages::~Pages()
{
  if (m_data) {
    ::munmap(m_data, m_size);
  }
}

} // namespace edgegen::util
