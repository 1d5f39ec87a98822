#include "util/glob.hpp"

namespace edgegen::util {

namespace {

bool match(std::string_view p, std::string_view s)
{
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      p.remove_prefix(2);
      if (!p.empty() && p[0] == '/') {
        p.remove_prefix(1); // "a/**/b" also matches "a/b"
      }
      for (size_t i = 0; i <= s.size(); ++i) {
        if (match(p, s.substr(i))) {
          return true;
        }
      }
      return false;
    }
    if (p[0] == '*') {
      p.remove_prefix(1);
      for (size_t i = 0; i <= s.size(); ++i) {
        if (match(p, s.substr(i))) {
          return true;
        }
        if (i < s.size() && s[i] == '/') {
          break;
        }
      }
      return false;
    }
    if (s.empty() || (p[0] == '?' ? s[0] == '/' : p[0] != s[0])) {
      return false;
    }
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view path)
{
  while (!pattern.empty() && pattern.back() == '/') {
    pattern.remove_suffix(1);
  }
  if (match(pattern, path)) {
    return true;
  }
  for (size_t i = path.find('/'); i != std::string_view::npos; i = path.find('/', i + 1)) {
    if (match(pattern, path.substr(0, i))) {
      return true;
    }
  }
  return false;
}

} // namespace edgegen::util
