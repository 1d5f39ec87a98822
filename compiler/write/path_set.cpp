#include "write/write.hpp"

#include <algorithm>
#include <stdexcept>

namespace edgegen::write {

void PathSet::seal()
{
  if (!m_sealed) {
    std::sort(m_paths.begin(), m_paths.end());
    m_paths.erase(std::unique(m_paths.begin(), m_paths.end()), m_paths.end());
    m_sealed = true;
  }
}

const std::vector<std::string_view>& PathSet::sealed() const
{
  if (!m_sealed) {
    throw std::logic_error("a path set read before it was sealed");
  }
  return m_paths;
}

size_t PathSet::count(std::string_view path) const
{
  return std::binary_search(sealed().begin(), sealed().end(), path) ? 1 : 0;
}

} // namespace edgegen::write
