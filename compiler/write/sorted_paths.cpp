#include "write/sorted_paths.hpp"

#include <algorithm>
#include <stdexcept>

namespace edgegen::write {

void SortedPaths::seal()
{
  if (!m_sealed) {
    std::sort(m_paths.begin(), m_paths.end());
    m_paths.erase(std::unique(m_paths.begin(), m_paths.end()), m_paths.end());
    m_paths.shrink_to_fit();
    m_sealed = true;
  }
}

bool SortedPaths::contains(std::string_view path) const
{
  return find(path).data() != nullptr;
}

std::string_view SortedPaths::find(std::string_view path) const
{
  if (!m_sealed) {
    throw std::logic_error("SortedPaths read before seal()");
  }
  auto found = std::lower_bound(m_paths.begin(), m_paths.end(), path);
  return found != m_paths.end() && *found == path ? *found : std::string_view();
}

} // namespace edgegen::write
