// A recogniser for Go's regexp/syntax (Perl flags), following the structure
// of Go's parser: alternation of concatenations of repeated atoms. It builds
// nothing; it only finds the first error Go would report.
#include "rules/regexp_checker.hpp"

#include <algorithm>

namespace edgegen::rules {

namespace detail {

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool is_word(char c)
{
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

} // namespace

std::optional<RegexpError> RegexpChecker::run()
{
  int repeat = 1;
  if (parse_alternation(0, repeat) && m_pos < m_s.size()) {
    fail(m_pos, "unexpected ): no group is open"); // parse_alternation stops only at ')'
  }
  return m_error;
}

bool RegexpChecker::parse_alternation(int depth, int& repeat)
{
  if (depth > k_max_depth) {
    return fail(m_pos, "expression nests too deeply");
  }
  repeat = 1;
  while (true) {
    int inner = 1;
    if (!parse_concatenation(depth, inner)) {
      return false;
    }
    repeat = std::max(repeat, inner);
    if (!at('|')) {
      return true;
    }
    ++m_pos;
  }
}

bool RegexpChecker::parse_concatenation(int depth, int& repeat)
{
  repeat = 1;
  while (m_pos < m_s.size() && !at('|') && !at(')')) {
    // An operator here has nothing to repeat: the atoms below consume theirs.
    size_t start = m_pos;
    int count = 0;
    if (parse_repetition(count)) {
      return fail(start,
                  "missing argument to repetition operator: `" + std::string(m_s.substr(start, m_pos - start)) + "`");
    }
    if (m_error) {
      return false;
    }
    int inner = 1;
    if (!parse_atom(depth, inner)) {
      return false;
    }
    // Go checks the product of nested counts: (a{100}){100} is too big.
    size_t after = m_pos;
    int outer = 0;
    bool repeated = parse_repetition(outer);
    if (m_error) {
      return false;
    }
    if (repeated && outer > 0 && static_cast<long>(inner) * outer > k_max_repeat) {
      return fail(after, "invalid repeat count: nested repetitions exceed 1000");
    }
    repeat = std::max(repeat, repeated && outer > 0 ? inner * outer : inner);
    if (repeated) {
      // Perl, and so Go, forbids stacking: a** or a{2}{3} is an error, not a doubled star.
      size_t second = m_pos;
      int ignored = 0;
      if (parse_repetition(ignored)) {
        return fail(after,
                    "invalid nested repetition operator: `" + std::string(m_s.substr(after, m_pos - after)) + "`");
      }
      if (m_error) {
        return false;
      }
      m_pos = second;
    }
  }
  return true;
}

bool RegexpChecker::parse_repetition(int& count)
{
  count = 0;
  if (at('*') || at('+') || at('?')) {
    ++m_pos;
  } else if (at('{')) {
    size_t start = m_pos;
    int low = 0, high = 0;
    if (!parse_count(low, high)) {
      m_pos = start;
      return false;
    }
    if (low > k_max_repeat || high > k_max_repeat || (high >= 0 && high < low)) {
      return fail(start, "invalid repeat count: `" + std::string(m_s.substr(start, m_pos - start)) + "`");
    }
    count = high >= 0 ? high : low;
  } else {
    return false;
  }
  if (at('?')) {
    ++m_pos;
  }
  return true;
}

bool RegexpChecker::parse_count(int& low, int& high)
{
  ++m_pos; // '{'
  auto number = [&](int& out) {
    size_t start = m_pos;
    long value = 0;
    while (m_pos < m_s.size() && is_digit(m_s[m_pos])) {
      value = std::min(value * 10 + (m_s[m_pos++] - '0'), 100000L);
    }
    out = static_cast<int>(value);
    return m_pos > start;
  };
  if (!number(low)) {
    return false;
  }
  high = low;
  if (at(',')) {
    ++m_pos;
    high = -1;
    if (!at('}') && !number(high)) {
      return false;
    }
  }
  if (!at('}')) {
    return false;
  }
  ++m_pos;
  return true;
}

bool RegexpChecker::parse_atom(int depth, int& repeat)
{
  repeat = 1;
  char c = m_s[m_pos];
  switch (c) {
  case '(':
    return parse_group(depth, repeat);
  case '[':
    return parse_class();
  case '\\':
    return parse_escape(false);
  case '.':
  case '^':
  case '$':
    ++m_pos;
    return true;
  default: {
    uint32_t rune = 0;
    return next_rune(rune);
  }
  }
}

bool RegexpChecker::parse_group(int depth, int& repeat)
{
  size_t open = m_pos++;
  if (at('?')) {
    if (ahead("?P<") || ahead("?<")) {
      if (ahead("?<=") || ahead("?<!")) {
        return fail(open, "lookbehind `(" + std::string(m_s.substr(m_pos, 3)) +
                              "` is not supported by Go regular expressions (RE2)");
      }
      m_pos += ahead("?P<") ? 3 : 2;
      size_t name_start = m_pos;
      while (m_pos < m_s.size() && is_word(m_s[m_pos])) {
        ++m_pos;
      }
      std::string name(m_s.substr(name_start, m_pos - name_start));
      if (name.empty() || !at('>')) {
        return fail(open, "invalid named capture: names are letters, digits and '_' in (?P<name>...)");
      }
      if (!m_names.insert(name).second) {
        return fail(open, "duplicate capture group name \"" + name + "\"");
      }
      ++m_pos;
    } else if (!parse_flags(open)) {
      return false;
    } else if (m_s[m_pos - 1] == ')') {
      return true; // (?i) changes flags, no group
    }
  }
  if (!parse_alternation(depth + 1, repeat)) {
    return false;
  }
  if (!at(')')) {
    return fail(open, "missing closing ): the group opened here is never closed");
  }
  ++m_pos;
  return true;
}

bool RegexpChecker::parse_flags(size_t open)
{
  ++m_pos; // '?'
  static const std::string_view k_unsupported[][2] = {
      {"=", "lookahead"}, {"!", "negative lookahead"},   {">", "atomic group"},
      {"#", "comment"},   {"P=", "named backreference"}, {"P>", "subroutine call"},
      {"R", "recursion"}, {"|", "branch reset"}};
  for (const auto& [prefix, what] : k_unsupported) {
    if (ahead(prefix)) {
      return fail(open, std::string(what) + " `(?" + std::string(prefix) +
                            "` is not supported by Go regular expressions (RE2)");
    }
  }
  bool negated = false, any = false, any_after_minus = false;
  while (m_pos < m_s.size()) {
    char c = m_s[m_pos++];
    if (c == 'i' || c == 'm' || c == 's' || c == 'U') {
      any = true;
      any_after_minus = negated;
    } else if (c == '-' && !negated) {
      negated = true;
    } else if ((c == ':' || c == ')') && any && (!negated || any_after_minus)) {
      return true;
    } else if (c == ':' && !any && !negated) {
      return true; // (?:...)
    } else {
      break;
    }
  }
  return fail(open, "invalid or unsupported Perl syntax: `" + std::string(m_s.substr(open, m_pos - open)) +
                        "` (flags are i, m, s and U)");
}

} // namespace detail

std::optional<RegexpError> check_go_regexp(std::string_view pattern)
{
  return detail::RegexpChecker(pattern).run();
}

} // namespace edgegen::rules
