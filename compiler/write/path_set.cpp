#include "write/write.hpp"

#include <stdexcept>

namespace edgegen::write {

const SortedPaths& PathSet::sealed() const
{
  if (!m_paths.sealed()) {
    throw std::logic_error("a path set read before it was sealed");
  }
  return m_paths;
}

} // namespace edgegen::write
