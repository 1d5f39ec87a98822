#pragma once

#include <string>
#include <string_view>

namespace edgegen::diag {

// Where a value came from: a file of the source tree (relative, '/'-separated),
// a 1-based line and column, and the JSON pointer of the value inside its
// document. Every value from the loader onwards carries one.
struct Location
{
  std::string file;
  int line = 0;   // 0: the whole file
  int column = 0; // 0: the whole line
  std::string pointer;
};

// "file:line:col", "file:line" or "file", the one spelling used everywhere.
std::string format_location(const Location& location);

} // namespace edgegen::diag
