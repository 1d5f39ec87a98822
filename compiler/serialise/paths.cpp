#include "serialise/paths.hpp"

#include <algorithm>
#include <stdexcept>

namespace edgegen::serialise {

bool is_valid_output_path(std::string_view path)
{
  if (path.empty() || path.front() == '/' || path == k_pending_path || path == k_flock_path) {
    return false;
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      end = path.size();
    }
    std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") {
      return false;
    }
    start = end + 1;
  }
  for (char c : path) {
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return false;
    }
  }
  return true;
}

void check_output_paths(std::vector<std::string_view> paths)
{
  for (std::string_view path : paths) {
    if (!is_valid_output_path(path)) {
      throw std::logic_error("invalid output path \"" + std::string(path) + "\"");
    }
  }
  std::sort(paths.begin(), paths.end());
  for (size_t i = 0; i + 1 < paths.size(); ++i) {
    if (paths[i] == paths[i + 1]) {
      throw std::logic_error("output path \"" + std::string(paths[i]) + "\" is emitted twice");
    }
  }
  // "a/b" sorts after "a" and before any "a<c>" with c > '/', but "a-x" and
  // "a.x" (c < '/') can sit between them, so look each prefix up instead.
  for (std::string_view path : paths) {
    for (size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
      if (std::binary_search(paths.begin(), paths.end(), path.substr(0, slash))) {
        throw std::logic_error("output path \"" + std::string(path.substr(0, slash)) + "\" is also a directory of \"" +
                               std::string(path) + "\"");
      }
    }
  }
}

} // namespace edgegen::serialise
