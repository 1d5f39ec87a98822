#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace edgegen::diag {

// A file name as locations hold it: interned (util::Symbol's table), so that
// the hundreds of thousands of locations of a large edge share one copy of
// each name instead of a heap string each. Reads as a const std::string&.
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

// Where a value came from: a file of the source tree (relative, '/'-separated)
// and a 1-based line and column. The model keeps one for each of its values
// (16 bytes), and becomes a Location wherever a diagnostic needs one.
struct Position
{
  Position() = default;
  Position(FileName file_, int line_ = 0, int column_ = 0) : file(file_), line(line_), column(column_) {}

  FileName file;
  int line = 0;   // 0: the whole file
  int column = 0; // 0: the whole line
};

// A Position and the JSON pointer of the value inside its document. Every
// value from the loader up to the model carries one, and so does every
// diagnostic. Converts to its Position by dropping the pointer.
struct Location : Position
{
  Location() = default;
  Location(FileName file_, int line_ = 0, int column_ = 0, std::string pointer_ = {})
      : Position(file_, line_, column_), pointer(std::move(pointer_))
  {
  }
  Location(const Position& position) : Position(position) {}

  std::string pointer;
};

// "file:line:col", "file:line" or "file", the one spelling used everywhere.
std::string format_location(const Location& location);

// Escapes one JSON pointer token ("~" -> "~0", "/" -> "~1").
std::string pointer_token(const std::string& token);

} // namespace edgegen::diag
