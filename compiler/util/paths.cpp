#include "util/paths.hpp"

namespace edgegen::util {

std::string path_problem(std::string_view path, PathKind kind)
{
  if (path.empty()) {
    return "it is empty";
  }
  for (char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return "it holds a control character";
    }
    if (c == '\\') {
      return "it holds a backslash";
    }
  }
  if (kind == PathKind::host) {
    return {};
  }
  bool absolute = path.front() == '/';
  if (absolute && kind == PathKind::relative) {
    return "it is absolute";
  }
  if (!absolute && kind == PathKind::absolute) {
    return "it is not absolute";
  }
  std::string_view rest = absolute ? path.substr(1) : path;
  for (size_t start = 0; start <= rest.size();) {
    size_t end = rest.find('/', start);
    end = end == std::string_view::npos ? rest.size() : end;
    std::string_view segment = rest.substr(start, end - start);
    if (segment == "..") {
      return "it has a \"..\" segment";
    }
    if (segment == ".") {
      return "it has a \".\" segment";
    }
    if (segment.empty()) {
      return "it has an empty segment (\"//\", or \"/\" at the end)";
    }
    start = end + 1;
  }
  return {};
}

} // namespace edgegen::util
