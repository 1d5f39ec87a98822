#include "source/source.hpp"

#include <cstring>

namespace edgegen::source {

void pack(SourceTree& tree)
{
  size_t total = 0;
  for (const auto& file : tree.files) {
    total += file.text().size();
  }
  auto block = std::make_shared<util::Pages>(total);
  size_t at = 0;
  for (auto& file : tree.files) {
    std::string_view text = file.text();
    if (!text.empty()) {
      std::memcpy(block->data() + at, text.data(), text.size());
    }
    file.packed = std::string_view(block->data() + at, text.size());
    std::string().swap(file.bytes);
    at += text.size();
  }
  tree.block = std::move(block);
}

} // namespace edgegen::source
