#pragma once

#include <string>
#include <string_view>

namespace edgegen::diag {

// A file name as locations hold it: interned, so that the hundreds of
// thousands of locations of a large edge share one copy of each name
// instead of a heap string each. Reads as a const std::string&.
class FileName
{
public:
  FileName() = default;
  FileName(const std::string& name); // interns (one lookup)
  FileName(const char* name) : FileName(std::string(name)) {}
  // Wraps a name that is already interned (from str() of another FileName).
  static FileName interned(const std::string* name)
  {
    FileName out;
    out.m_name = name;
    return out;
  }

  const std::string& str() const;
  operator const std::string&() const { return str(); }
  bool empty() const { return str().empty(); }

  friend bool operator==(const FileName& a, const FileName& b) { return a.str() == b.str(); }
  friend bool operator!=(const FileName& a, const FileName& b) { return !(a == b); }
  friend bool operator<(const FileName& a, const FileName& b) { return a.str() < b.str(); }

private:
  const std::string* m_name = nullptr;
};

// Where a value came from: a file of the source tree (relative, '/'-separated),
// a 1-based line and column, and the JSON pointer of the value inside its
// document. Every value from the loader onwards carries one.
struct Location
{
  FileName file;
  int line = 0;   // 0: the whole file
  int column = 0; // 0: the whole line
  std::string pointer;
};

// "file:line:col", "file:line" or "file", the one spelling used everywhere.
std::string format_location(const Location& location);

} // namespace edgegen::diag
