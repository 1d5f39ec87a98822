#pragma once

// The tokens of a rule as Go's scanner (go/scanner) cuts them, for the parser
// in parser.cpp. Not part of the rules interface.

#include "rules/rule.hpp"

namespace edgegen::rules::detail {

struct Token
{
  enum class Kind { end, line_break, and_, or_, not_, open, close, comma, ellipsis, identifier, string, other };
  Kind kind = Kind::end;
  size_t offset = 0;
  std::string text;  // identifier, or the character of `other`
  Argument argument; // for strings
};

// Why the rule does not parse; becomes an E0501 problem.
struct SyntaxError
{
  size_t offset;
  std::string message;
  std::string hint;
};

class Lexer
{
public:
  // `text` must be valid UTF-8 without NUL (parse_rule checks first); a
  // leading byte-order mark is skipped, as Go's scanner does.
  explicit Lexer(std::string_view text);

  // The next token; throws SyntaxError on text that is no token at all.
  //
  // Go's scanner ends a statement at a line break that follows a name, a
  // string or ')' (it inserts a semicolon there), and a comment holding a
  // line break, or a // comment, counts as one. Such a line break is a
  // `line_break` token; one at the very end of the text is not (Go's
  // ParseExpr accepts a single semicolon there, so a rule may end with a
  // newline), and neither is a line break after an operator, '(' or ','.
  // Its offset is that of the last character of the line's last token.
  Token next();

private:
  // Skips blanks and comments; true when a line break ends the statement
  // at m_pos (left there for next()).
  bool skip_blanks();
  // Whether the comments and blanks from m_pos run into a line break or the
  // end before the next token (go/scanner's findLineEnd).
  bool comment_ends_line() const;
  void skip_comment();
  Token symbol(Token t);
  Argument raw_string();
  Argument interpreted_string();
  void escape(std::string& out);

  std::string_view m_s;
  size_t m_pos = 0;
  bool m_line_ends_statement = false; // after a name, a string or ')'
  size_t m_statement_end = 0;         // past the last token
};

} // namespace edgegen::rules::detail
