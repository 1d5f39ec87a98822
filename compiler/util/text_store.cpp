#include "util/text_store.hpp"

#include <cstring>

namespace edgegen::util {

std::string_view TextStore::keep(std::string_view text)
{
  if (text.empty()) {
    return {};
  }
  if (text.size() > m_left) {
    if (text.size() > k_block / 4) { // a block of its own; the current one stays current
      m_blocks.push_back(std::unique_ptr<char[]>(new char[text.size()]));
      std::memcpy(m_blocks.back().get(), text.data(), text.size());
      return {m_blocks.back().get(), text.size()};
    }
    m_blocks.push_back(std::unique_ptr<char[]>(new char[k_block]));
    m_next = m_blocks.back().get();
    m_left = k_block;
  }
  std::memcpy(m_next, text.data(), text.size());
  std::string_view kept(m_next, text.size());
  m_next += text.size();
  m_left -= text.size();
  return kept;
}

} // namespace edgegen::util
