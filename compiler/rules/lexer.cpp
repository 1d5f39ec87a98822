// Go's scanner, for the little of Go a rule uses: names, the operators &&,
// || and !, parentheses, commas, string literals, comments, and the line
// breaks that end an expression.
#include "rules/lexer.hpp"

#include "rules/characters.hpp"

namespace edgegen::rules::detail {

namespace {

bool is_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}
// Go's white space; a line break only when it does not end the statement.
bool is_blank(char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

} // namespace

Lexer::Lexer(std::string_view text) : m_s(text)
{
  if (m_s.substr(0, 3) == "\xEF\xBB\xBF") {
    m_pos = 3;
  }
}

bool Lexer::comment_ends_line() const
{
  size_t i = m_pos;
  while (i + 1 < m_s.size() && m_s[i] == '/' && (m_s[i + 1] == '/' || m_s[i + 1] == '*')) {
    if (m_s[i + 1] == '/') {
      return true; // runs to the end of its line
    }
    size_t close = m_s.find("*/", i + 2);
    if (close == std::string_view::npos) {
      return false; // not terminated, which skip_comment reports
    }
    if (m_s.find('\n', i + 2) < close) {
      return true;
    }
    i = close + 2;
    while (i < m_s.size() && is_blank(m_s[i])) {
      ++i;
    }
    if (i >= m_s.size() || m_s[i] == '\n') {
      return true;
    }
  }
  return false;
}

void Lexer::skip_comment()
{
  if (m_s[m_pos + 1] == '/') {
    size_t newline = m_s.find('\n', m_pos);
    m_pos = newline == std::string_view::npos ? m_s.size() : newline;
    return;
  }
  size_t close = m_s.find("*/", m_pos + 2);
  if (close == std::string_view::npos) {
    throw SyntaxError{m_pos, "comment is not terminated: the /* opened here has no closing */", "add the missing */"};
  }
  m_pos = close + 2;
}

bool Lexer::skip_blanks()
{
  while (m_pos < m_s.size()) {
    char c = m_s[m_pos];
    if (is_blank(c)) {
      ++m_pos;
    } else if (c == '\n') {
      if (m_line_ends_statement) {
        return true;
      }
      ++m_pos;
    } else if (c == '/' && m_pos + 1 < m_s.size() && (m_s[m_pos + 1] == '/' || m_s[m_pos + 1] == '*')) {
      if (m_line_ends_statement && comment_ends_line()) {
        return true;
      }
      skip_comment();
      // Only a comment with no line break in it gets here with a name,
      // string or ')' before it, and a token follows on the same line.
      m_line_ends_statement = false;
    } else {
      break;
    }
  }
  return false;
}

Token Lexer::next()
{
  Token t;
  if (skip_blanks()) {
    // At the last character before it: the line break itself may be one of
    // several blank lines, or inside a comment, and is no place to point at.
    t.kind = Token::Kind::line_break;
    t.offset = m_statement_end - 1;
    // A comment holding the line break is skipped by the next call, as
    // any comment is.
    if (m_s[m_pos] == '\n') {
      ++m_pos;
    }
    m_line_ends_statement = false;
    return t;
  }
  t.offset = m_pos;
  t = symbol(std::move(t));
  m_line_ends_statement =
      t.kind == Token::Kind::identifier || t.kind == Token::Kind::string || t.kind == Token::Kind::close;
  m_statement_end = m_pos;
  return t;
}

Token Lexer::symbol(Token t)
{
  if (m_pos >= m_s.size()) {
    return t; // end: a statement ended by the end of the text needs no line break
  }
  char c = m_s[m_pos];
  auto pair = [&](char second, Token::Kind kind) {
    if (m_pos + 1 < m_s.size() && m_s[m_pos + 1] == second) {
      m_pos += 2;
      t.kind = kind;
      return true;
    }
    return false;
  };
  if ((c == '&' && pair('&', Token::Kind::and_)) || (c == '|' && pair('|', Token::Kind::or_))) {
    return t;
  }
  if (m_s.substr(m_pos, 3) == "...") {
    m_pos += 3;
    t.kind = Token::Kind::ellipsis;
    return t;
  }
  auto single = [&](Token::Kind kind) {
    ++m_pos;
    t.kind = kind;
    return t;
  };
  switch (c) {
  case '!':
    return single(Token::Kind::not_);
  case '(':
    return single(Token::Kind::open);
  case ')':
    return single(Token::Kind::close);
  case ',':
    return single(Token::Kind::comma);
  case '`':
    t.kind = Token::Kind::string;
    t.argument = raw_string();
    return t;
  case '"':
    t.kind = Token::Kind::string;
    t.argument = interpreted_string();
    return t;
  case '\'':
    throw SyntaxError{m_pos, "single quotes do not make a string in a Traefik rule",
                      "quote with backticks (`...`) or double quotes"};
  case '&':
  case '|':
    throw SyntaxError{m_pos, std::string("a single '") + c + "' is not an operator",
                      std::string("join matchers with ") + c + c};
  default:
    break;
  }
  if (is_letter(c)) {
    size_t start = m_pos;
    while (m_pos < m_s.size() && (is_letter(m_s[m_pos]) || is_digit(m_s[m_pos]))) {
      ++m_pos;
    }
    t.kind = Token::Kind::identifier;
    t.text = std::string(m_s.substr(start, m_pos - start));
    return t;
  }
  auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte >= 0x7F) {
    // Never a token; named whole, so that the message stays UTF-8.
    size_t length = 0;
    uint32_t rune = decode_utf8(m_s, m_pos, length);
    throw SyntaxError{m_pos, "unexpected character " + describe_character(rune), character_hint(rune)};
  }
  t.kind = Token::Kind::other;
  t.text = std::string(1, c);
  ++m_pos;
  return t;
}

Argument Lexer::raw_string()
{
  Argument a;
  a.offset = static_cast<uint32_t>(m_pos);
  size_t close = m_s.find('`', m_pos + 1);
  if (close == std::string_view::npos) {
    throw SyntaxError{m_pos, "string is not terminated: the backtick opened here has no closing one", ""};
  }
  a.value.reserve(close - m_pos - 1); // the parsed rule keeps it: no slack
  for (char c : m_s.substr(m_pos + 1, close - m_pos - 1)) {
    if (c != '\r') { // Go drops carriage returns from raw strings
      a.value += c;
    }
  }
  a.length = static_cast<uint32_t>(close + 1 - m_pos);
  m_pos = close + 1;
  return a;
}

// Go's interpreted string: \a \b \f \n \r \t \v \\ \" \ooo \xhh \uhhhh \Uhhhhhhhh.
Argument Lexer::interpreted_string()
{
  Argument a;
  a.offset = static_cast<uint32_t>(m_pos++);
  while (true) {
    if (m_pos >= m_s.size() || m_s[m_pos] == '\n') {
      throw SyntaxError{a.offset, "string is not terminated: the double quote opened here has no closing one",
                        m_pos < m_s.size() ? "a \"...\" string ends on its line; quote with backticks to span lines"
                                           : ""};
    }
    char c = m_s[m_pos];
    if (c == '"') {
      ++m_pos;
      break;
    }
    if (c != '\\') {
      a.value += c;
      ++m_pos;
      continue;
    }
    escape(a.value);
  }
  a.value.shrink_to_fit(); // the parsed rule keeps it: no slack
  a.length = static_cast<uint32_t>(m_pos - a.offset);
  return a;
}

void Lexer::escape(std::string& out)
{
  static const char* const k_backslash_hint = "in double quotes a backslash is written \\\\; or quote with backticks";
  size_t start = m_pos++;
  char c = m_pos < m_s.size() ? m_s[m_pos++] : '\0';
  static const std::string_view k_simple = "abfnrtv\\\"";
  static const char k_values[] = {'\a', '\b', '\f', '\n', '\r', '\t', '\v', '\\', '"'};
  if (size_t i = k_simple.find(c); c != '\0' && i != std::string_view::npos) {
    out += k_values[i];
    return;
  }
  auto digits = [&](int count, int base) {
    uint32_t value = 0;
    for (int i = 0; i < count; ++i) {
      char d = m_pos < m_s.size() ? m_s[m_pos] : '\0';
      int v = is_digit(d)              ? d - '0'
              : (d >= 'a' && d <= 'f') ? d - 'a' + 10
              : (d >= 'A' && d <= 'F') ? d - 'A' + 10
                                       : 99;
      if (v >= base) {
        throw SyntaxError{start, "invalid escape sequence in a string", k_backslash_hint};
      }
      value = value * base + v;
      ++m_pos;
    }
    return value;
  };
  uint32_t rune = 0;
  if (c >= '0' && c <= '7') {
    --m_pos;
    rune = digits(3, 8);
    if (rune > 255) {
      throw SyntaxError{start, "octal escape value above 255", ""};
    }
    out += static_cast<char>(rune);
    return;
  }
  if (c == 'x') {
    out += static_cast<char>(digits(2, 16));
    return;
  }
  if (c != 'u' && c != 'U') {
    throw SyntaxError{start, "invalid escape sequence in a string", k_backslash_hint};
  }
  rune = digits(c == 'u' ? 4 : 8, 16);
  if (rune > 0x10FFFF || (rune >= 0xD800 && rune < 0xE000)) {
    throw SyntaxError{start, "escape sequence is not a valid Unicode code point", ""};
  }
  append_utf8(out, rune);
}

} // namespace edgegen::rules::detail
