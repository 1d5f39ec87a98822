// A recogniser for Go's regexp/syntax (Perl flags), following the structure
// of Go's parser: alternation of concatenations of repeated atoms. It builds
// nothing; it only finds the first error Go would report.
#include "check/rules/regexp.hpp"

#include "check/rules/unicode_names.hpp"

#include <cstdint>
#include <set>

namespace edgegen::check::rules {

namespace {

constexpr int k_max_repeat = 1000; // Go: "invalid repeat count" above this
constexpr int k_max_depth = 1000;  // Go: "expression nests too deeply"

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_alnum(c) || c == '_'; }

int hex_value(char c)
{
  return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}

class Checker
{
public:
  explicit Checker(std::string_view pattern) : m_s(pattern) {}

  std::optional<RegexpError> run()
  {
    int repeat = 1;
    if (parse_alternation(0, repeat) && m_pos < m_s.size()) {
      fail(m_pos, "unexpected ): no group is open"); // parse_alternation stops only at ')'
    }
    return m_error;
  }

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
  bool next_rune(uint32_t& rune)
  {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(m_s[i]); };
    unsigned char c = byte(m_pos);
    int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || m_pos + length > m_s.size()) {
      return fail(m_pos, "invalid UTF-8");
    }
    rune = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
      if ((byte(m_pos + i) & 0xC0) != 0x80) {
        return fail(m_pos, "invalid UTF-8");
      }
      rune = (rune << 6) | (byte(m_pos + i) & 0x3F);
    }
    m_pos += length;
    return true;
  }

  // `depth` bounds nesting; `repeat` returns the largest product of nested
  // {n,m} counts inside, which Go also limits to 1000.
  bool parse_alternation(int depth, int& repeat)
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

  bool parse_concatenation(int depth, int& repeat)
  {
    repeat = 1;
    while (m_pos < m_s.size() && !at('|') && !at(')')) {
      // An operator here has nothing to repeat: the atoms below consume theirs.
      size_t start = m_pos;
      int count = 0;
      if (parse_repetition(count)) {
        return fail(start, "missing argument to repetition operator: `" +
                             std::string(m_s.substr(start, m_pos - start)) + "`");
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
          return fail(after, "invalid nested repetition operator: `" +
                               std::string(m_s.substr(after, m_pos - after)) + "`");
        }
        if (m_error) {
          return false;
        }
        m_pos = second;
      }
    }
    return true;
  }

  // *, +, ?, {n}, {n,}, {n,m}, each optionally followed by ? (non-greedy).
  // Returns false without an error when there is no operator here (a `{`
  // that starts no repetition is a literal). `count` is the maximum of a
  // counted repetition (its minimum when unbounded), 0 for *, +, ?.
  bool parse_repetition(int& count)
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

  // {n}, {n,} or {n,m}; high is -1 for {n,}.
  bool parse_count(int& low, int& high)
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

  bool parse_atom(int depth, int& repeat)
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

  bool parse_group(int depth, int& repeat)
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

  // After "(?": flags [imsU]*, optionally '-' and more flags, then ':' or ')'.
  bool parse_flags(size_t open)
  {
    ++m_pos; // '?'
    static const std::string_view k_unsupported[][2] = {
      {"=", "lookahead"}, {"!", "negative lookahead"}, {">", "atomic group"}, {"#", "comment"},
      {"P=", "named backreference"}, {"P>", "subroutine call"}, {"R", "recursion"}, {"|", "branch reset"}};
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

  // After '\\' outside or inside a class. Inside a class only literals and
  // class escapes are allowed; assertions like \b are not.
  bool parse_escape(bool in_class, uint32_t* literal = nullptr)
  {
    size_t start = m_pos++;
    if (m_pos >= m_s.size()) {
      return fail(start, "trailing backslash at end of expression");
    }
    char c = m_s[m_pos++];
    auto literal_rune = [&](uint32_t rune) {
      if (literal) {
        *literal = rune;
      }
      return true;
    };
    auto bad = [&] {
      return fail(start, "invalid escape sequence: `" + std::string(m_s.substr(start, m_pos - start)) + "`" +
                           (is_digit(c) ? " (Go regular expressions have no backreferences)" : ""));
    };
    if (c >= '1' && c <= '7' && !(m_pos < m_s.size() && is_octal(m_s[m_pos]))) {
      return bad(); // \1 alone is a backreference
    }
    if (c >= '0' && c <= '7') {
      uint32_t value = c - '0';
      for (int i = 0; i < 2 && m_pos < m_s.size() && is_octal(m_s[m_pos]); ++i) {
        value = value * 8 + (m_s[m_pos++] - '0');
      }
      return literal_rune(value);
    }
    switch (c) {
    case 'a': return literal_rune(7);
    case 'f': return literal_rune(12);
    case 'n': return literal_rune(10);
    case 'r': return literal_rune(13);
    case 't': return literal_rune(9);
    case 'v': return literal_rune(11);
    case 'x': return parse_hex_escape(start, literal);
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
      return true;
    case 'p': case 'P':
      return parse_unicode_class(start);
    case 'A': case 'z': case 'b': case 'B':
      return in_class ? bad() : true;
    case 'Q':
      if (in_class) {
        return bad();
      }
      // \Q...\E: literal text up to \E or the end.
      if (size_t end = m_s.find("\\E", m_pos); end != std::string_view::npos) {
        m_pos = end + 2;
      } else {
        m_pos = m_s.size();
      }
      return true;
    default:
      if (static_cast<unsigned char>(c) < 0x80 && !is_alnum(c)) {
        return literal_rune(static_cast<unsigned char>(c)); // escaped punctuation
      }
      return bad();
    }
  }

  bool parse_hex_escape(size_t start, uint32_t* literal)
  {
    uint32_t value = 0;
    if (at('{')) {
      size_t digits = ++m_pos;
      while (m_pos < m_s.size() && is_hex(m_s[m_pos]) && value <= 0x10FFFF) {
        value = value * 16 + hex_value(m_s[m_pos++]);
      }
      if (m_pos == digits || !at('}') || value > 0x10FFFF) {
        return fail(start, "invalid escape sequence: `\\x{` needs hex digits of a code point and `}`");
      }
      ++m_pos;
    } else {
      if (m_pos + 2 > m_s.size() || !is_hex(m_s[m_pos]) || !is_hex(m_s[m_pos + 1])) {
        return fail(start, "invalid escape sequence: `\\x` needs two hex digits");
      }
      value = hex_value(m_s[m_pos]) * 16 + hex_value(m_s[m_pos + 1]);
      m_pos += 2;
    }
    if (literal) {
      *literal = value;
    }
    return true;
  }

  // \pL, \p{Greek}, \p{^Greek}, \PL.
  bool parse_unicode_class(size_t start)
  {
    std::string name;
    if (at('{')) {
      size_t close = m_s.find('}', m_pos);
      if (close == std::string_view::npos) {
        return fail(start, "invalid character class range: `\\p{` is not closed");
      }
      name = std::string(m_s.substr(m_pos + 1, close - m_pos - 1));
      m_pos = close + 1;
      if (!name.empty() && name[0] == '^') {
        name.erase(0, 1);
      }
    } else if (m_pos < m_s.size()) {
      uint32_t rune = 0;
      size_t at_name = m_pos;
      if (!next_rune(rune)) {
        return false;
      }
      name = std::string(m_s.substr(at_name, m_pos - at_name));
    }
    if (!is_unicode_class_name(name)) {
      return fail(start, "invalid character class range: `" + std::string(m_s.substr(start, m_pos - start)) +
                           "` (unknown Unicode class \"" + name + "\")");
    }
    return true;
  }

  bool parse_class()
  {
    size_t open = m_pos++;
    if (at('^')) {
      ++m_pos;
    }
    bool first = true;
    while (m_pos < m_s.size() && (first || !at(']'))) {
      first = false;
      if (ahead("[:")) {
        size_t close = m_s.find(":]", m_pos + 2);
        if (close != std::string_view::npos) {
          std::string name(m_s.substr(m_pos + 2, close - m_pos - 2));
          static const std::set<std::string> k_posix = {"alnum", "alpha", "ascii", "blank", "cntrl",
                                                        "digit", "graph", "lower", "print", "punct",
                                                        "space", "upper", "word",  "xdigit"};
          if (!k_posix.count(!name.empty() && name[0] == '^' ? name.substr(1) : name)) {
            return fail(m_pos, "invalid character class range: `[:" + name + ":]` is not a POSIX class");
          }
          m_pos = close + 2;
          continue;
        }
      }
      size_t low_at = m_pos;
      uint32_t low = 0;
      bool single = true;
      if (!class_item(low, single)) {
        return false;
      }
      if (single && at('-') && m_pos + 1 < m_s.size() && m_s[m_pos + 1] != ']') {
        ++m_pos;
        uint32_t high = 0;
        bool high_single = true;
        if (!class_item(high, high_single)) {
          return false;
        }
        if (!high_single || high < low) {
          return fail(low_at, "invalid character class range: `" +
                                std::string(m_s.substr(low_at, m_pos - low_at)) + "`");
        }
      }
    }
    if (!at(']')) {
      return fail(open, "missing closing ]: the character class opened here is never closed");
    }
    ++m_pos;
    return true;
  }

  // One member of a class: a literal rune, or an escape. `single` is false
  // for escapes that stand for a set (\d, \pL), which cannot bound a range.
  bool class_item(uint32_t& rune, bool& single)
  {
    if (at('\\')) {
      single = false;
      uint32_t literal = 0;
      bool is_literal = false;
      size_t before = m_pos;
      if (!parse_escape(true, &literal)) {
        return false;
      }
      char kind = m_s[before + 1];
      is_literal = !(kind == 'd' || kind == 'D' || kind == 's' || kind == 'S' || kind == 'w' || kind == 'W' ||
                     kind == 'p' || kind == 'P');
      single = is_literal;
      rune = literal;
      return true;
    }
    return next_rune(rune);
  }

  std::string_view m_s;
  size_t m_pos = 0;
  std::optional<RegexpError> m_error;
  std::set<std::string> m_names;
};

} // namespace

std::optional<RegexpError> check_go_regexp(std::string_view pattern)
{
  return Checker(pattern).run();
}

} // namespace edgegen::check::rules
