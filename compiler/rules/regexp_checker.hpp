#pragma once

// The recogniser behind check_go_regexp, shared by regexp.cpp (structure:
// alternation, concatenation, repetition, groups) and regexp_escapes.cpp
// (escapes, character classes, UTF-8). Not part of the rules interface.

#include "rules/regexp.hpp"

#include <cstdint>
#include <set>

namespace edgegen::rules::detail {

constexpr int k_max_repeat = 1000; // Go: "invalid repeat count" above this
constexpr int k_max_depth = 1000;  // Go: "expression nests too deeply"

class RegexpChecker
{
public:
  explicit RegexpChecker(std::string_view pattern) : m_s(pattern) {}

  std::optional<RegexpError> run();

private:
  bool fail(size_t offset, std::string message)
  {
    if (!m_error) {
      m_error = RegexpError{offset, std::move(message)};
    }
    return false;
  }

  bool at(char c) const { return m_pos < m_s.size() && m_s[m_pos] == c; }

  bool ahead(std::string_view text) const { return m_s.substr(m_pos, text.size()) == text; }

  // One code point at m_pos; false (and an error) on invalid UTF-8.
  bool next_rune(uint32_t& rune);

  // `depth` bounds nesting; `repeat` returns the largest product of nested
  // {n,m} counts inside, which Go also limits to 1000.
  bool parse_alternation(int depth, int& repeat);

  bool parse_concatenation(int depth, int& repeat);

  // *, +, ?, {n}, {n,}, {n,m}, each optionally followed by ? (non-greedy).
  // Returns false without an error when there is no operator here (a `{`
  // that starts no repetition is a literal). `count` is the maximum of a
  // counted repetition (its minimum when unbounded), 0 for *, +, ?.
  bool parse_repetition(int& count);

  // {n}, {n,} or {n,m}; high is -1 for {n,}.
  bool parse_count(int& low, int& high);

  bool parse_atom(int depth, int& repeat);

  bool parse_group(int depth, int& repeat);

  // After "(?": flags [imsU]*, optionally '-' and more flags, then ':' or ')'.
  bool parse_flags(size_t open);

  // After '\\' outside or inside a class. Inside a class only literals and
  // class escapes are allowed; assertions like \b are not.
  bool parse_escape(bool in_class, uint32_t* literal = nullptr);

  bool parse_hex_escape(size_t start, uint32_t* literal);

  // \pL, \p{Greek}, \p{^Greek}, \PL.
  bool parse_unicode_class(size_t start);

  bool parse_class();

  // One member of a class: a literal rune, or an escape. `single` is false
  // for escapes that stand for a set (\d, \pL), which cannot bound a range.
  bool class_item(uint32_t& rune, bool& single);

  std::string_view m_s;
  size_t m_pos = 0;
  std::optional<RegexpError> m_error;
  std::set<std::string> m_names;
};

} // namespace edgegen::rules::detail
