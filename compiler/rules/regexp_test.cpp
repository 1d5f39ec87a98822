#include "rules/regexp.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

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
    {R"r((a{100}){100})r", R"r(8: invalid repeat count: nested repetitions exceed 1000)r"},
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
    {R"r((?))r", R"r(0: invalid or unsupported Perl syntax: `(?)` (flags are i, m, s and U))r"},
    {R"r((?:a))r", ""},
    {R"r((?P<name>a)(?P<name>b))r", R"r(11: duplicate capture group name "name")r"},
    {R"r((?P<name>a))r", ""},
    {R"r((?<name>a))r", ""},
    {R"r((?P<>a))r", R"r(0: invalid named capture: names are letters, digits and '_' in (?P<name>...))r"},
    {R"r((?<=a)b)r", R"r(0: lookbehind `(?<=` is not supported by Go regular expressions (RE2))r"},
    {R"r((?<!a)b)r", R"r(0: lookbehind `(?<!` is not supported by Go regular expressions (RE2))r"},
    {R"r((?!a))r", R"r(0: negative lookahead `(?!` is not supported by Go regular expressions (RE2))r"},
    {R"r((?>a))r", R"r(0: atomic group `(?>` is not supported by Go regular expressions (RE2))r"},
    {R"r((?#c))r", R"r(0: comment `(?#` is not supported by Go regular expressions (RE2))r"},
    {R"r((?P=name))r", R"r(0: named backreference `(?P=` is not supported by Go regular expressions (RE2))r"},
    {R"r(\d\D\s\S\w\W\b\B\A\z)r", ""},
    {R"r(\Z)r", R"r(0: invalid escape sequence: `\Z`)r"},
    {R"r(\1)r", R"r(0: invalid escape sequence: `\1` (Go regular expressions have no backreferences))r"},
    {R"r(\12)r", ""},
    {R"r(\0)r", ""},
    {R"r(\8)r", R"r(0: invalid escape sequence: `\8` (Go regular expressions have no backreferences))r"},
    {R"r(\x41\x{1F600})r", ""},
    {R"r(\x4)r", R"r(0: invalid escape sequence: `\x` needs two hex digits)r"},
    {R"r(\x{110000})r", R"r(0: invalid escape sequence: `\x{` needs hex digits of a code point and `}`)r"},
    {R"r(\pL\p{Greek}\p{^Latin}\PN)r", ""},
    {R"r(\p{Foo})r", R"r(0: invalid character class range: `\p{Foo}` (unknown Unicode class "Foo"))r"},
    {R"r(\Qa.b\E+)r", ""},
    {R"r([[:alpha:]])r", ""},
    {R"r([[:foo:]])r", R"r(1: invalid character class range: `[:foo:]` is not a POSIX class)r"},
    {R"r([]a])r", ""},
    {R"r([^]a])r", ""},
    {R"r([a-])r", ""},
    {R"r([\d-z])r", ""},
    {R"r([a-\d])r", R"r(1: invalid character class range: `a-\d`)r"},
    {R"r([\b])r", R"r(1: invalid escape sequence: `\b`)r"},
    {R"r([abc)r", R"r(0: missing closing ]: the character class opened here is never closed)r"},
    {R"r(a))r", R"r(1: unexpected ): no group is open)r"},
    {R"r((a)r", R"r(0: missing closing ): the group opened here is never closed)r"},
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
    auto error = check_go_regexp(c.pattern);
    EXPECT_EQ(error ? std::to_string(error->offset) + ": " + error->message : "", c.expected)
        << "pattern: " << c.pattern;
  }
}

TEST(GoRegexp, InvalidUtf8IsAnError)
{
  auto error = check_go_regexp("a\xff"
                               "b");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 1u);
  EXPECT_EQ(error->message, "invalid UTF-8");
}

TEST(GoRegexp, DeepNestingIsBounded)
{
  std::string deep(2000, '(');
  deep += std::string(2000, ')');
  auto error = check_go_regexp(deep);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "expression nests too deeply");
}

} // namespace
} // namespace edgegen::rules
