#include "diag/location.hpp"

#include "util/empty.hpp"
#include "util/symbol.hpp"

namespace edgegen::diag {

FileName::FileName(const std::string& name)
{
  if (!name.empty()) {
    m_name = &util::Symbol(name).str(); // held for the whole process
  }
}

const std::string& FileName::str() const
{
  return m_name ? *m_name : util::empty<std::string>();
}

std::string pointer_token(const std::string& token)
{
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace edgegen::diag
