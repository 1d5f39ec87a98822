// Escapes, character classes and UTF-8 of Go's regexp syntax: \d, \pL,
// \x{...}, octal, [[:alpha:]], ranges. Go refuses \1 (no backreferences),
// \Z and other Perl escapes it lacks; so does this.
#include "rules/regexp_checker.hpp"

#include "rules/unicode_names.hpp"

namespace edgegen::rules::detail {

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}
bool is_octal(char c)
{
  return c >= '0' && c <= '7';
}
bool is_hex(char c)
{
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_alnum(char c)
{
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
int hex_value(char c)
{
  return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}

} // namespace

bool RegexpChecker::next_rune(uint32_t& rune)
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

bool RegexpChecker::parse_escape(bool in_class, uint32_t* literal)
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
  case 'a':
    return literal_rune(7);
  case 'f':
    return literal_rune(12);
  case 'n':
    return literal_rune(10);
  case 'r':
    return literal_rune(13);
  case 't':
    return literal_rune(9);
  case 'v':
    return literal_rune(11);
  case 'x':
    return parse_hex_escape(start, literal);
  case 'd':
  case 'D':
  case 's':
  case 'S':
  case 'w':
  case 'W':
    return true;
  case 'p':
  case 'P':
    return parse_unicode_class(start);
  case 'A':
  case 'z':
  case 'b':
  case 'B':
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

bool RegexpChecker::parse_hex_escape(size_t start, uint32_t* literal)
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

bool RegexpChecker::parse_unicode_class(size_t start)
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

bool RegexpChecker::parse_class()
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
        static const std::set<std::string> k_posix = {"alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph",
                                                      "lower", "print", "punct", "space", "upper", "word",  "xdigit"};
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
        return fail(low_at, "invalid character class range: `" + std::string(m_s.substr(low_at, m_pos - low_at)) + "`");
      }
    }
  }
  if (!at(']')) {
    return fail(open, "missing closing ]: the character class opened here is never closed");
  }
  ++m_pos;
  return true;
}

bool RegexpChecker::class_item(uint32_t& rune, bool& single)
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

} // namespace edgegen::rules::detail
