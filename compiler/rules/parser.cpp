// Recursive-descent parser of the rule language, with Go's precedence (&&
// binds tighter than ||), because Traefik hands the rule to Go's expression
// parser (the tokens are lexer.cpp's).
#include "rules/characters.hpp"
#include "rules/lexer.hpp"
#include "rules/rule.hpp"

#include "util/strings.hpp"

#include <iterator>
#include <optional>
#include <vector>

namespace edgegen::rules {

namespace {

using detail::Lexer;
using detail::SyntaxError;
using detail::Token;

std::string describe(const Token& t, std::string_view rule)
{
  switch (t.kind) {
  case Token::Kind::end:
    return "the end of the rule";
  case Token::Kind::line_break:
    return "a line break";
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
  case Token::Kind::ellipsis:
    return "'...'";
  case Token::Kind::identifier:
    return "'" + t.text + "'";
  case Token::Kind::string:
    return "the string " + detail::printable(t.argument.literal(rule));
  case Token::Kind::other:
    return "'" + t.text + "'";
  }
  return "?";
}

// Go ends the expression at a line break after a name, a string or ')', so
// whatever follows it is a syntax error for Traefik. `hint` says where the
// line could break instead.
SyntaxError line_break_error(const Token& t, std::string hint)
{
  return SyntaxError{t.offset,
                     "Traefik ends the rule at the end of this line: Go ends an expression at a line break after ')', "
                     "a string or a name",
                     std::move(hint)};
}

// What a parse builds, before the rule takes it at its exact size: the
// model keeps the parsed rule of every route, and lists grown one element
// at a time would keep their slack (and cost an allocation per doubling).
struct Scratch
{
  std::vector<Matcher> matchers;
  std::vector<Node> nodes;
  std::vector<Argument> arguments; // of the matcher being read
};

Scratch& scratch()
{
  thread_local Scratch instance;
  return instance;
}

// The elements of `from`, moved into a list of their exact size; `from` is
// left empty, its capacity kept for the next rule.
template <typename T> util::CompactVector<T> exact(std::vector<T>& from)
{
  util::CompactVector<T> out(std::move(from));
  from.clear();
  return out;
}

class Parser
{
public:
  // Reads into `built` (empty), and sets `rule`'s conjunction.
  Parser(std::string_view text, Rule& rule, Scratch& built) : m_text(text), m_lexer(text), m_rule(rule), m_built(built)
  {
    advance();
  }

  void parse()
  {
    if (m_token.kind == Token::Kind::end) {
      throw SyntaxError{m_token.offset, "the rule is empty", "start with a matcher, such as Host(`example.com`)"};
    }
    m_rule.conjunction = true;
    expression(false);
    if (m_token.kind == Token::Kind::line_break) {
      // Go's ParseExpr takes one line break after the expression, so a rule
      // may end with a newline (a YAML `|` block does).
      Token line_break = m_token;
      advance();
      if (m_token.kind != Token::Kind::end) {
        throw line_break_error(line_break, "break the line after && or || instead");
      }
    }
    if (m_token.kind == Token::Kind::close) {
      throw SyntaxError{m_token.offset, "unexpected ')': no parenthesis is open", "remove it"};
    }
    if (m_token.kind != Token::Kind::end) {
      throw SyntaxError{m_token.offset, "expected && or || before " + describe(m_token, m_text),
                        "join matchers with && or ||"};
    }
  }

private:
  void advance() { m_token = m_lexer.next(); }

  uint32_t node(Node::Kind kind, uint32_t first, uint32_t second = 0)
  {
    m_built.nodes.push_back({kind, first, second});
    return static_cast<uint32_t>(m_built.nodes.size() - 1);
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
      if (m_token.kind == Token::Kind::line_break) {
        throw line_break_error(m_token, "break the line after && or || instead");
      }
      if (m_token.kind != Token::Kind::close) {
        throw SyntaxError{open, "'(' is never closed (found " + describe(m_token, m_text) + ")", "add the missing ')'"};
      }
      advance();
      return inner;
    }
    case Token::Kind::identifier:
      return call(negated);
    case Token::Kind::string:
      throw SyntaxError{m_token.offset, "a string must be the argument of a matcher",
                        "put it in a matcher, such as Host(" + detail::printable(m_token.argument.literal(m_text)) +
                            ")"};
    default:
      throw SyntaxError{m_token.offset, "expected a matcher, found " + describe(m_token, m_text), ""};
    }
  }

  uint32_t call(bool negated)
  {
    Matcher matcher;
    matcher.name = intern_name(m_token.text);
    matcher.offset = static_cast<uint32_t>(m_token.offset);
    matcher.negated = negated;
    advance();
    if (m_token.kind == Token::Kind::line_break) {
      throw line_break_error(m_token, "keep '(' on the line of " + std::string(matcher.name));
    }
    if (m_token.kind != Token::Kind::open) {
      throw SyntaxError{matcher.offset,
                        "'" + std::string(matcher.name) + "' is not followed by its arguments in parentheses",
                        "a matcher takes its arguments in parentheses: " + std::string(matcher.name) + "(`...`)"};
    }
    size_t open = m_token.offset;
    advance();
    // Go's argument list: strings separated by commas, a trailing comma
    // allowed, and '...' after the last one (which Traefik ignores).
    bool ellipsis = false;
    while (m_token.kind != Token::Kind::close) {
      if (ellipsis || m_token.kind != Token::Kind::string) {
        unexpected_in_call(open, ellipsis);
      }
      m_built.arguments.push_back(std::move(m_token.argument)); // advance() replaces the token
      advance();
      if (m_token.kind == Token::Kind::ellipsis) {
        ellipsis = true;
        advance();
      }
      if (m_token.kind == Token::Kind::comma) {
        advance();
      } else if (m_token.kind != Token::Kind::close) {
        unexpected_in_call(open, true);
      }
    }
    advance();
    matcher.arguments = exact(m_built.arguments);
    m_built.matchers.push_back(std::move(matcher));
    return node(Node::Kind::matcher, static_cast<uint32_t>(m_built.matchers.size() - 1));
  }

  [[noreturn]] void unexpected_in_call(size_t open, bool after_argument)
  {
    switch (m_token.kind) {
    case Token::Kind::line_break:
      throw line_break_error(m_token, "break the line after '(' or ',' instead");
    case Token::Kind::end:
      throw SyntaxError{open, "'(' is never closed", "add the missing ')'"};
    case Token::Kind::identifier:
    case Token::Kind::other:
      throw SyntaxError{m_token.offset, "matcher arguments are quoted strings, found " + describe(m_token, m_text),
                        "quote it with backticks"};
    default:
      break;
    }
    throw SyntaxError{
        m_token.offset,
        (after_argument ? "expected ',' or ')', found " : "expected a string, found ") + describe(m_token, m_text), ""};
  }

  std::string_view m_text;
  Lexer m_lexer;
  Rule& m_rule;
  Scratch& m_built;
  Token m_token;
};

// Go's scanner rejects these anywhere in the text, strings and comments
// included. The message spells the bytes out: they cannot be shown as text.
std::optional<SyntaxError> encoding_error(std::string_view text)
{
  if (size_t at = util::find_invalid_utf8(text); at != std::string_view::npos) {
    return SyntaxError{at, "the rule is not valid UTF-8: byte " + detail::printable(text.substr(at, 1)),
                       "save the file as UTF-8"};
  }
  if (size_t at = text.find('\0'); at != std::string_view::npos) {
    return SyntaxError{at, "the rule holds a NUL character", "remove it"};
  }
  // A byte-order mark at the very start is skipped (the lexer does it).
  if (size_t at = text.find("\xEF\xBB\xBF", 1); at != std::string_view::npos) {
    return SyntaxError{at, "the rule holds a byte order mark (U+FEFF), which is invisible",
                       "delete it: Go accepts one only at the very start"};
  }
  return std::nullopt;
}

} // namespace

size_t Argument::offset_of(size_t index, std::string_view rule) const
{
  std::string_view literal = this->literal(rule);
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
    size_t escape = c == 'x' ? 4 : c == 'u' ? 6 : c == 'U' ? 10 : (c >= '0' && c <= '7') ? 4 : 2;
    i += escape;
    ++produced; // a \u escape can stand for several bytes; pointing at it is close enough
  }
  return offset + i;
}

Rule parse_rule(std::string_view text, Protocol protocol)
{
  Rule rule;
  Scratch& built = scratch();
  // What the last parse on this thread left: after an error, its tree and
  // the arguments of the matcher it stopped in.
  built.matchers.clear();
  built.nodes.clear();
  built.arguments.clear();
  try {
    if (auto error = encoding_error(text)) {
      throw *error;
    }
    Parser(text, rule, built).parse();
  } catch (const SyntaxError& e) {
    rule.matchers = exact(built.matchers); // those read before the error
    rule.problems = RuleProblems({{"E0501", e.offset, e.message, e.hint}});
    rule.conjunction = false;
    return rule;
  }
  rule.matchers = exact(built.matchers);
  rule.nodes = exact(built.nodes);
  std::vector<RuleProblem> problems;
  for (auto& matcher : rule.matchers) {
    detail::check_matcher(matcher, text, protocol, problems);
  }
  rule.problems = RuleProblems(std::move(problems));
  return rule;
}

} // namespace edgegen::rules
