// Lexer and recursive-descent parser of the rule language, with Go's
// precedence (&& binds tighter than ||) and Go's string literals, because
// Traefik hands the rule to Go's expression parser.
#include "rules/rule.hpp"

#include <optional>

namespace edgegen::rules {

namespace {

struct Token
{
  enum class Kind { end, and_, or_, not_, open, close, comma, identifier, string, other };
  Kind kind = Kind::end;
  size_t offset = 0;
  std::string text;  // identifier, or the character of `other`
  Argument argument; // for strings
};

bool is_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}
bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct SyntaxError
{
  size_t offset;
  std::string message;
  std::string hint;
};

class Lexer
{
public:
  explicit Lexer(std::string_view text) : m_s(text) {}

  // The next token; throws SyntaxError on text that is no token at all.
  Token next()
  {
    while (m_pos < m_s.size() && is_space(m_s[m_pos])) {
      ++m_pos;
    }
    Token t;
    t.offset = m_pos;
    if (m_pos >= m_s.size()) {
      return t;
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
    switch (c) {
    case '!':
      t.kind = Token::Kind::not_;
      ++m_pos;
      return t;
    case '(':
      t.kind = Token::Kind::open;
      ++m_pos;
      return t;
    case ')':
      t.kind = Token::Kind::close;
      ++m_pos;
      return t;
    case ',':
      t.kind = Token::Kind::comma;
      ++m_pos;
      return t;
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
    t.kind = Token::Kind::other;
    t.text = std::string(1, c);
    ++m_pos;
    return t;
  }

private:
  Argument raw_string()
  {
    Argument a;
    a.offset = m_pos;
    size_t close = m_s.find('`', m_pos + 1);
    if (close == std::string_view::npos) {
      throw SyntaxError{m_pos, "string is not terminated: the backtick opened here has no closing one", ""};
    }
    for (char c : m_s.substr(m_pos + 1, close - m_pos - 1)) {
      if (c != '\r') { // Go drops carriage returns from raw strings
        a.value += c;
      }
    }
    a.literal = std::string(m_s.substr(m_pos, close + 1 - m_pos));
    m_pos = close + 1;
    return a;
  }

  // Go's interpreted string: \a \b \f \n \r \t \v \\ \" \ooo \xhh \uhhhh \Uhhhhhhhh.
  Argument interpreted_string()
  {
    Argument a;
    a.offset = m_pos++;
    while (true) {
      if (m_pos >= m_s.size() || m_s[m_pos] == '\n') {
        throw SyntaxError{a.offset, "string is not terminated: the double quote opened here has no closing one", ""};
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
    a.literal = std::string(m_s.substr(a.offset, m_pos - a.offset));
    return a;
  }

  void escape(std::string& out)
  {
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
          throw SyntaxError{start, "invalid escape sequence in a string",
                            "write a backslash as \\\\, or quote with backticks"};
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
      throw SyntaxError{start, "invalid escape sequence in a string",
                        "write a backslash as \\\\, or quote with backticks"};
    }
    rune = digits(c == 'u' ? 4 : 8, 16);
    if (rune > 0x10FFFF || (rune >= 0xD800 && rune < 0xE000)) {
      throw SyntaxError{start, "escape sequence is not a valid Unicode code point", ""};
    }
    append_utf8(out, rune);
  }

  static void append_utf8(std::string& out, uint32_t rune)
  {
    if (rune < 0x80) {
      out += static_cast<char>(rune);
    } else if (rune < 0x800) {
      out += static_cast<char>(0xC0 | (rune >> 6));
      out += static_cast<char>(0x80 | (rune & 0x3F));
    } else if (rune < 0x10000) {
      out += static_cast<char>(0xE0 | (rune >> 12));
      out += static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (rune & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (rune >> 18));
      out += static_cast<char>(0x80 | ((rune >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (rune & 0x3F));
    }
  }

  std::string_view m_s;
  size_t m_pos = 0;
};

std::string describe(const Token& t)
{
  switch (t.kind) {
  case Token::Kind::end:
    return "the end of the rule";
  case Token::Kind::and_:
    return "'&&'";
  case Token::Kind::or_:
    return "'||'";
  case Token::Kind::not_:
    return "'!'";
  case Token::Kind::open:
    return "'('";
  case Token::Kind::close:
    return "')'";
  case Token::Kind::comma:
    return "','";
  case Token::Kind::identifier:
    return "'" + t.text + "'";
  case Token::Kind::string:
    return "the string " + t.argument.literal;
  case Token::Kind::other:
    return "'" + t.text + "'";
  }
  return "?";
}

class Parser
{
public:
  Parser(std::string_view text, Rule& rule) : m_lexer(text), m_rule(rule) { advance(); }

  void parse()
  {
    if (m_token.kind == Token::Kind::end) {
      throw SyntaxError{0, "the rule is empty", "write a matcher such as Host(`example.com`)"};
    }
    m_rule.conjunction = true;
    expression(false);
    if (m_token.kind == Token::Kind::close) {
      throw SyntaxError{m_token.offset, "unexpected ')': no parenthesis is open", "remove it"};
    }
    if (m_token.kind != Token::Kind::end) {
      throw SyntaxError{m_token.offset, "expected && or || before " + describe(m_token), "join matchers with && or ||"};
    }
  }

private:
  void advance() { m_token = m_lexer.next(); }

  uint32_t node(Node::Kind kind, uint32_t first, uint32_t second = 0)
  {
    m_rule.nodes.push_back({kind, first, second});
    return static_cast<uint32_t>(m_rule.nodes.size() - 1);
  }

  uint32_t expression(bool negated)
  {
    uint32_t left = conjunction(negated);
    while (m_token.kind == Token::Kind::or_) {
      m_rule.conjunction = false;
      advance();
      left = node(Node::Kind::any, left, conjunction(negated));
    }
    return left;
  }

  uint32_t conjunction(bool negated)
  {
    uint32_t left = unary(negated);
    while (m_token.kind == Token::Kind::and_) {
      advance();
      left = node(Node::Kind::all, left, unary(negated));
    }
    return left;
  }

  uint32_t unary(bool negated)
  {
    switch (m_token.kind) {
    case Token::Kind::not_: {
      m_rule.conjunction = false;
      advance();
      return node(Node::Kind::negation, unary(!negated));
    }
    case Token::Kind::open: {
      size_t open = m_token.offset;
      advance();
      uint32_t inner = expression(negated);
      if (m_token.kind != Token::Kind::close) {
        throw SyntaxError{open, "'(' is never closed (found " + describe(m_token) + ")", "add the missing ')'"};
      }
      advance();
      return inner;
    }
    case Token::Kind::identifier:
      return call(negated);
    case Token::Kind::string:
      throw SyntaxError{m_token.offset, "a string must be the argument of a matcher",
                        "write a matcher such as Host(" + m_token.argument.literal + ")"};
    default:
      throw SyntaxError{m_token.offset, "expected a matcher, found " + describe(m_token), ""};
    }
  }

  uint32_t call(bool negated)
  {
    Matcher matcher;
    matcher.written = matcher.name = m_token.text;
    matcher.offset = m_token.offset;
    matcher.negated = negated;
    advance();
    if (m_token.kind != Token::Kind::open) {
      throw SyntaxError{matcher.offset, "'" + matcher.written + "' is not followed by its arguments in parentheses",
                        "write " + matcher.written + "(`...`)"};
    }
    size_t open = m_token.offset;
    advance();
    while (m_token.kind != Token::Kind::close) {
      if (m_token.kind != Token::Kind::string) {
        if (m_token.kind == Token::Kind::identifier || m_token.kind == Token::Kind::other) {
          throw SyntaxError{m_token.offset, "matcher arguments are quoted strings, found " + describe(m_token),
                            "quote it with backticks"};
        }
        throw SyntaxError{m_token.kind == Token::Kind::end ? open : m_token.offset,
                          m_token.kind == Token::Kind::end ? "'(' is never closed"
                                                           : "expected a string, found " + describe(m_token),
                          m_token.kind == Token::Kind::end ? "add the missing ')'" : ""};
      }
      matcher.arguments.push_back(m_token.argument);
      advance();
      if (m_token.kind == Token::Kind::comma) {
        advance();
        if (m_token.kind == Token::Kind::close) {
          throw SyntaxError{m_token.offset, "expected a string after ',', found ')'", "remove the trailing comma"};
        }
      } else if (m_token.kind != Token::Kind::close) {
        throw SyntaxError{m_token.kind == Token::Kind::end ? open : m_token.offset,
                          m_token.kind == Token::Kind::end ? "'(' is never closed"
                                                           : "expected ',' or ')', found " + describe(m_token),
                          m_token.kind == Token::Kind::end ? "add the missing ')'" : ""};
      }
    }
    advance();
    m_rule.matchers.push_back(std::move(matcher));
    return node(Node::Kind::matcher, static_cast<uint32_t>(m_rule.matchers.size() - 1));
  }

  Lexer m_lexer;
  Rule& m_rule;
  Token m_token;
};

} // namespace

size_t Argument::offset_of(size_t index) const
{
  if (literal.empty() || literal[0] == '`') {
    return offset + 1 + index;
  }
  // Walk the escapes of "..." until `index` bytes of value are behind.
  size_t i = 1, produced = 0;
  while (i < literal.size() - 1 && produced < index) {
    if (literal[i] != '\\') {
      ++i, ++produced;
      continue;
    }
    char c = literal[i + 1];
    size_t length = c == 'x' ? 4 : c == 'u' ? 6 : c == 'U' ? 10 : (c >= '0' && c <= '7') ? 4 : 2;
    i += length;
    ++produced; // a \u escape can stand for several bytes; pointing at it is close enough
  }
  return offset + i;
}

Rule parse_rule(std::string_view text, Protocol protocol)
{
  Rule rule;
  try {
    Parser(text, rule).parse();
  } catch (const SyntaxError& e) {
    rule.problems.push_back({"E0501", e.offset, e.message, e.hint});
    rule.conjunction = false;
    rule.nodes.clear();
    return rule;
  }
  for (auto& matcher : rule.matchers) {
    detail::check_matcher(matcher, protocol, rule.problems);
  }
  return rule;
}

} // namespace edgegen::rules
