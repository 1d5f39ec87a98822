#pragma once

#include "util/empty.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace edgegen::util {

// A short string that is held once per process and shared by every copy:
// one pointer (8 bytes, where a std::string takes 32 and a heap block of its
// own past 15 characters). For the names a large edge repeats by the hundred
// thousand: the names references are written with and resolve to, a route's
// name and path. Equal texts are the same Symbol, so == compares pointers.
// The table never shrinks: a process sees a bounded set of names, and every
// Symbol points into it. Made from several threads at once safely.
class Symbol
{
public:
  Symbol() = default;
  Symbol(std::string_view text); // interns (one lookup)
  Symbol(const std::string& text) : Symbol(std::string_view(text)) {}
  Symbol(const char* text) : Symbol(std::string_view(text)) {}

  const std::string& str() const { return m_text ? *m_text : util::empty<std::string>(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  bool empty() const { return m_text == nullptr; }
  size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }

  friend bool operator==(const Symbol& a, const Symbol& b) { return a.m_text == b.m_text; }
  friend bool operator!=(const Symbol& a, const Symbol& b) { return a.m_text != b.m_text; }
  friend bool operator<(const Symbol& a, const Symbol& b) { return a.str() < b.str(); }
  friend bool operator==(const Symbol& a, std::string_view b) { return a.str() == b; }
  friend bool operator!=(const Symbol& a, std::string_view b) { return a.str() != b; }
  friend bool operator==(const Symbol& a, const std::string& b) { return a.str() == b; }
  friend bool operator!=(const Symbol& a, const std::string& b) { return a.str() != b; }
  friend bool operator==(const Symbol& a, const char* b) { return a.str() == b; }
  friend bool operator!=(const Symbol& a, const char* b) { return a.str() != b; }
  // The other way round too, so that comparing a string never interns it.
  friend bool operator==(std::string_view a, const Symbol& b) { return b == a; }
  friend bool operator!=(std::string_view a, const Symbol& b) { return b != a; }
  friend bool operator==(const std::string& a, const Symbol& b) { return b == a; }
  friend bool operator!=(const std::string& a, const Symbol& b) { return b != a; }
  friend bool operator==(const char* a, const Symbol& b) { return b == a; }
  friend bool operator!=(const char* a, const Symbol& b) { return b != a; }
  friend bool operator<(const Symbol& a, const std::string& b) { return a.str() < b; }
  friend bool operator<(const std::string& a, const Symbol& b) { return a < b.str(); }
  friend std::string operator+(const Symbol& a, std::string_view b) { return a.str() + std::string(b); }
  friend std::string operator+(std::string_view a, const Symbol& b) { return std::string(a) + b.str(); }
  friend std::string operator+(const Symbol& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const Symbol& b) { return a + b.str(); }

private:
  const std::string* m_text = nullptr; // null: the empty string
};

} // namespace edgegen::util
