#include "diag/location.hpp"

#include <mutex>
#include <unordered_set>

namespace edgegen::diag {
namespace {

// Never shrinks: a process sees a bounded set of input files, and every
// FileName points into it.
struct Table
{
  std::mutex mutex;
  std::unordered_set<std::string> names;
};

Table& table()
{
  static Table* instance = new Table; // outlives every static FileName
  return *instance;
}

const std::string k_empty;

} // namespace

FileName::FileName(const std::string& name)
{
  if (name.empty()) {
    return;
  }
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  m_name = &*t.names.insert(name).first;
}

const std::string& FileName::str() const
{
  return m_name ? *m_name : k_empty;
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
