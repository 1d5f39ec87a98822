#include "rules/regexp.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

std::string error_of(std::string_view pattern)
{
  auto error = check_go_regexp(pattern);
  return error ? std::to_string(error->offset) + ": " + error->message : "";
}

struct Case
{
  const char* pattern;
  const char* expected; // "offset: message", empty when Go compiles it
};

// What Go's regexp/syntax (Perl flags) accepts and the first error it finds.
const Case k_cases[] = {
    {R"r(^[a-z0-9-]+\.example\.com$)r", ""},
    {R"r(a{2})r", ""},
    {R"r(a{2,})r", ""},
    {R"r(a{2,5})r", ""},
    {R"r(a{,5})r", ""},
    {R"r(a{x})r", ""},
    {R"r(a{1001})r", R"r(1: invalid repeat count: `{1001}`)r"},
    {R"r(a{5,2})r", R"r(1: invalid repeat count: `{5,2}`)r"},
    {R"r((a{100}){100})r", R"r(8: invalid repeat count: `{100}`)r"},
    {R"r((a{10}){100})r", ""},
    {R"r(*a)r", R"r(0: missing argument to repetition operator: `*`)r"},
    {R"r(a|*b)r", R"r(2: missing argument to repetition operator: `*`)r"},
    {R"r((*))r", R"r(1: missing argument to repetition operator: `*`)r"},
    {R"r(a**)r", R"r(1: invalid nested repetition operator: `**`)r"},
    {R"r(a*?)r", ""},
    {R"r(a*??)r", R"r(1: invalid nested repetition operator: `*??`)r"},
    {R"r(a{2}{3})r", R"r(1: invalid nested repetition operator: `{2}{3}`)r"},
    {R"r(a{2}*)r", R"r(1: invalid nested repetition operator: `{2}*`)r"},
    {R"r((?i)abc)r", ""},
    {R"r((?i:abc))r", ""},
    {R"r((?-i)abc)r", ""},
    {R"r((?i-s:a))r", ""},
    {R"r((?x)a)r", R"r(0: invalid or unsupported Perl syntax: `(?x` (flags are i, m, s and U))r"},
    {R"r((?))r", ""},
    {R"r((?i-)a)r", R"r(0: invalid or unsupported Perl syntax: `(?i-)` (flags are i, m, s and U))r"},
    {R"r((?:a))r", ""},
    {R"r((?P<name>a)(?P<name>b))r", ""},
    {R"r((?P<name>a))r", ""},
    {R"r((?<name>a))r", ""},
    {R"r((?P<>a))r", R"r(0: invalid named capture: `(?P<>` (names are letters, digits and '_'))r"},
    {R"r((?<=a)b)r",
     R"r(0: invalid named capture: `(?<=a)b` (lookbehind is not supported by Go regular expressions))r"},
    {R"r((?<!a)b)r",
     R"r(0: invalid named capture: `(?<!a)b` (negative lookbehind is not supported by Go regular expressions))r"},
    {R"r((?!a))r",
     R"r(0: invalid or unsupported Perl syntax: `(?!` (negative lookahead is not supported by Go regular expressions))r"},
    {R"r((?>a))r",
     R"r(0: invalid or unsupported Perl syntax: `(?>` (an atomic group is not supported by Go regular expressions))r"},
    {R"r((?#c))r",
     R"r(0: invalid or unsupported Perl syntax: `(?#` (a comment is not supported by Go regular expressions))r"},
    {R"r((?P=name))r",
     R"r(0: invalid or unsupported Perl syntax: `(?P` (a named backreference is not supported by Go regular expressions))r"},
    {R"r(\d\D\s\S\w\W\b\B\A\z)r", ""},
    {R"r(\Z)r", R"r(0: invalid escape sequence: `\Z`)r"},
    {R"r(\1)r", R"r(0: invalid escape sequence: `\1` (Go regular expressions have no backreferences))r"},
    {R"r(\12)r", ""},
    {R"r(\0)r", ""},
    {R"r(\8)r", R"r(0: invalid escape sequence: `\8` (Go regular expressions have no backreferences))r"},
    {R"r(\x41\x{1F600})r", ""},
    {R"r(\x4)r", R"r(0: invalid escape sequence: `\x4`)r"},
    {R"r(\x{110000})r", R"r(0: invalid escape sequence: `\x{110000`)r"},
    {R"r(\x{1000000000})r", R"r(0: invalid escape sequence: `\x{1000000`)r"},
    {R"r(\pL\p{Greek}\p{^Latin}\PN)r", ""},
    {R"r(\p{Foo})r", R"r(0: invalid character class range: `\p{Foo}` (unknown Unicode class "Foo"))r"},
    {R"r(\Qa.b\E+)r", ""},
    {R"r([[:alpha:]])r", ""},
    {R"r([[:foo:]])r", R"r(1: invalid character class range: `[:foo:]`)r"},
    {R"r([]a])r", ""},
    {R"r([^]a])r", ""},
    {R"r([a-])r", ""},
    {R"r([\d-z])r", ""},
    {R"r([a-\d])r", R"r(3: invalid escape sequence: `\d`)r"},
    {R"r([a-\p{Greek}])r", R"r(3: invalid escape sequence: `\p`)r"},
    {R"r([\p{Greek}-a])r", ""},
    {R"r([\b])r", R"r(1: invalid escape sequence: `\b`)r"},
    {R"r([abc)r", R"r(0: missing closing ]: `[abc`)r"},
    {R"r(a[b[c)r", R"r(1: missing closing ]: `[b[c`)r"},
    {R"r(a))r", R"r(1: unexpected ): `a)`)r"},
    {R"r((a)r", R"r(0: missing closing ): `(a`)r"},
    {R"r((a(b)r", R"r(2: missing closing ): `(a(b`)r"},
    {R"r(\)r", R"r(0: trailing backslash at end of expression)r"},
    {R"r(\.)r", ""},
    {R"r(\_)r", ""},
    {R"r(\e)r", R"r(0: invalid escape sequence: `\e`)r"},
    {R"r(\G)r", R"r(0: invalid escape sequence: `\G`)r"},
    {R"r(x{2}?)r", ""},
    {R"r([\x00-\x{10FFFF}])r", ""},
    {R"r(é+)r", ""},
    {R"r(^$)r", ""},
    {R"r((|a))r", ""},
    {R"r(a{)r", ""},
    {R"r(a{1)r", ""},
};

TEST(GoRegexp, Table)
{
  for (const auto& c : k_cases) {
    EXPECT_EQ(error_of(c.pattern), c.expected) << "pattern: " << c.pattern;
  }
}

// Go's parseInt turns a count of 1e8 or more into an invalid repeat count;
// RE2 reads the `{` as a literal.
TEST(GoRegexp, HugeCountsAreInvalidRepeatCounts)
{
  EXPECT_EQ(error_of(R"r(a{1000000000})r"), R"r(1: invalid repeat count: `{1000000000}`)r");
  EXPECT_EQ(error_of(R"r(a{2,1000000000})r"), R"r(1: invalid repeat count: `{2,1000000000}`)r");
  EXPECT_EQ(error_of(R"r(a**{1000000000})r"), R"r(1: invalid nested repetition operator: `**`)r");
  EXPECT_EQ(error_of(R"r(a{01})r"), "");
}

// Go checks a count's range before a '?' after it and before the operator
// before it; RE2 after both.
TEST(GoRegexp, CountsAreCheckedAsSoonAsRead)
{
  EXPECT_EQ(error_of(R"r((a{100}){100}?)r"), R"r(8: invalid repeat count: `{100}?`)r");
  EXPECT_EQ(error_of(R"r(a{1001}?)r"), R"r(1: invalid repeat count: `{1001}`)r");
  EXPECT_EQ(error_of(R"r(a*{1001})r"), R"r(2: invalid repeat count: `{1001}`)r");
}

// Go: [A-Za-z0-9_]+; RE2 2022-06-01 also takes letters beyond ASCII. The
// bare (?<name> form is Go 1.22's.
TEST(GoRegexp, GroupNamesAreAsciiWords)
{
  EXPECT_EQ(error_of(R"r(x(?<café>a))r"),
            R"r(1: invalid named capture: `(?<café>` (names are letters, digits and '_'))r");
  EXPECT_EQ(error_of(R"r(x(?P<café>a))r"),
            R"r(1: invalid named capture: `(?P<café>` (names are letters, digits and '_'))r");
  EXPECT_EQ(error_of(R"r((?<n!>a))r"), R"r(0: invalid named capture: `(?<n!>` (names are letters, digits and '_'))r");
  EXPECT_EQ(error_of(R"r((?<)r"), R"r(0: invalid or unsupported Perl syntax: `(?<` (flags are i, m, s and U))r");
  EXPECT_EQ(error_of(R"r(a(?<b)r"), R"r(1: invalid named capture: `(?<b` (names are letters, digits and '_'))r");
}

// Go refuses \C (any byte) outside a class; RE2 matches one byte.
TEST(GoRegexp, AnyByteEscapeIsRefused)
{
  EXPECT_EQ(error_of(R"r(a\C)r"), R"r(1: invalid escape sequence: `\C`)r");
  EXPECT_EQ(error_of(R"r([\C])r"), R"r(1: invalid escape sequence: `\C`)r");
  EXPECT_EQ(error_of(R"r(\Q\C\E)r"), "");
  EXPECT_EQ(error_of(R"r((\C)r"), R"r(1: invalid escape sequence: `\C`)r");
  EXPECT_EQ(error_of(R"r(a**\C)r"), R"r(1: invalid nested repetition operator: `**`)r");
}

// Go 1.25 looks names up ignoring case, '_', '-' and ' ', and knows Any,
// ASCII, Assigned, Cn, LC and the long category names; RE2 knows fewer.
TEST(GoRegexp, UnicodeClassNamesOfGo125)
{
  EXPECT_EQ(error_of(R"r(\p{Any}\p{ASCII}\p{Assigned}\p{Cn}\p{LC}\p{Letter}\p{greek}\pl\p{Old Italic}\p{kawi})r"), "");
  EXPECT_EQ(error_of(R"r([\p{ascii}\p{Cased-Letter}])r"), "");
  EXPECT_EQ(
      error_of(R"r([^\P{Assigned}])r"),
      R"r(2: cannot check `\P{Assigned}` inside [...]: Go accepts it, but RE2 has no spelling for it there; write it outside the brackets as an alternative)r");
  EXPECT_EQ(error_of(R"r(\p{IsGreek})r"),
            R"r(0: invalid character class range: `\p{IsGreek}` (unknown Unicode class "IsGreek"))r");
  EXPECT_EQ(error_of(R"r(\pX)r"), R"r(0: invalid character class range: `\pX` (unknown Unicode class "X"))r");
  EXPECT_EQ(error_of(R"r(a\p)r"), R"r(1: invalid character class range: `\p`)r");
  EXPECT_EQ(error_of(R"r(\p{Greek)r"), R"r(0: invalid character class range: `\p{Greek`)r");
}

TEST(GoRegexp, InvalidUtf8IsAnError)
{
  auto error = check_go_regexp("a\xff"
                               "b");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 1u);
  EXPECT_EQ(error->message, "invalid UTF-8");
  // A surrogate, which RE2's decoder would take; an error before it wins.
  error = check_go_regexp("ab\xed\xa0\x80");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 2u);
  error = check_go_regexp("a**\xff");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "invalid nested repetition operator: `**`");
}

TEST(GoRegexp, DeepNestingIsBounded)
{
  // Go: a parse tree higher than 1000; 999 nested captures and a literal
  // are 1000 high, 1000 captures are past it.
  auto nested = [](int n, const char* open) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      s += open;
    }
    return s + "a" + std::string(n, ')');
  };
  EXPECT_FALSE(check_go_regexp(nested(999, "(")));
  auto error = check_go_regexp(nested(1000, "("));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 999u);
  EXPECT_EQ(error->message, "expression nests too deeply");
  // Groups that only group are no node of their own.
  EXPECT_FALSE(check_go_regexp(nested(2000, "(?:")));
}

} // namespace
} // namespace edgegen::rules
