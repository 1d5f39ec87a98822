#pragma once

#include "util/text_store.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace edgegen::write {

// Relative paths, each once: an edgegen.sum of a large edge lists tens of
// thousands, and a render writes as many. add() keeps a copy of a path (in
// blocks that never move, so the view it returns stays valid as long as the
// list) and appends it; seal() sorts them and drops repeats, after which
// contains() may be asked and iteration is in order.
class SortedPaths
{
public:
  std::string_view add(std::string_view path)
  {
    std::string_view kept = m_texts.keep(path);
    m_paths.push_back(kept);
    m_sealed = false;
    return kept;
  }
  // Appends a view of bytes the caller keeps valid as long as the list
  // (another sealed list's, from its find()), without copying them.
  void add_kept(std::string_view kept)
  {
    m_paths.push_back(kept);
    m_sealed = false;
  }
  void reserve(size_t paths) { m_paths.reserve(paths); }
  void seal();
  bool sealed() const { return m_sealed; }
  // Throws std::logic_error if paths were added since the last seal().
  bool contains(std::string_view path) const;
  // The list's own view of `path`; a view with no data when it is not
  // listed. Throws as contains() does.
  std::string_view find(std::string_view path) const;
  size_t size() const { return m_paths.size(); }
  bool empty() const { return m_paths.empty(); }
  std::string_view operator[](size_t i) const { return m_paths[i]; }
  std::vector<std::string_view>::const_iterator begin() const { return m_paths.begin(); }
  std::vector<std::string_view>::const_iterator end() const { return m_paths.end(); }

private:
  util::TextStore m_texts;
  std::vector<std::string_view> m_paths;
  bool m_sealed = true;
};

} // namespace edgegen::write
