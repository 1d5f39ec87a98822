#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace edgegen::util {

// Texts appended one after the other into blocks that never move: the view
// keep() returns stays valid as long as the store. For the paths of a
// render's tens of thousands of files, held to its end, where a std::string
// each took its 32 bytes and a heap block of its own.
class TextStore
{
public:
  std::string_view keep(std::string_view text);

private:
  static constexpr size_t k_block = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> m_blocks;
  char* m_next = nullptr;
  size_t m_left = 0;
};

} // namespace edgegen::util
