// What Go's expression parser, and so Traefik, makes of the text around the
// matchers: comments, commas, line breaks, characters that are no token.
#include "rules/rule.hpp"
#include "testing.hpp"

#include "util/strings.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

using testing::problems_of;

const std::string k_line_break = "Traefik ends the rule at the end of this line: Go ends an expression at a line "
                                 "break after ')', a string or a name";

TEST(GoSyntax, CommentsAreBlanks)
{
  EXPECT_EQ(problems_of("Host(`a.com`) /* the shop */ && Path(`/x`)"), "");
  EXPECT_EQ(problems_of("/* first */ Host(`a.com`)"), "");
  EXPECT_EQ(problems_of("Host/**/(/* host */`a.com`/**/)"), "");
  EXPECT_EQ(problems_of("!/* not */Host(`a.com`)"), "");
  EXPECT_EQ(problems_of("Host(`a.com`) // the shop"), "");
  EXPECT_EQ(problems_of(R"(Host(`a.com`) &&
// only the API
PathPrefix(`/api`))"),
            "");
  EXPECT_EQ(problems_of("Host(`a.com`) && /* one\ntwo */ Path(`/x`)"), "");
  // Inside a string a comment is text.
  Rule rule = parse_rule("Path(`/a/*b*/`)");
  ASSERT_TRUE(rule.ok());
  EXPECT_EQ(rule.matchers[0].arguments[0].value, "/a/*b*/");
  EXPECT_EQ(problems_of("Host(`a.com`) /* open"), "E0501@14: comment is not terminated: the /* opened here has no "
                                                  "closing */");
  EXPECT_EQ(problems_of("/* nothing */"), "E0501@13: the rule is empty");
  EXPECT_EQ(problems_of("// nothing"), "E0501@10: the rule is empty");
}

TEST(GoSyntax, ArgumentListsTakeATrailingCommaAndEllipsis)
{
  EXPECT_EQ(problems_of("Host(`a.com`,)"), "");
  EXPECT_EQ(problems_of("Header(`X-A`, `1`,)"), "");
  EXPECT_EQ(problems_of(R"(Header(
  `X-A`,
  `1`,
))"),
            "");
  EXPECT_EQ(parse_rule("Header(`X-A`, `1`,)").matchers[0].arguments.size(), 2u);
  // Traefik ignores a '...' after the last argument.
  EXPECT_EQ(problems_of("Host(`a.com`...)"), "");
  EXPECT_EQ(problems_of("Host(`a.com`...,)"), "");
  EXPECT_EQ(problems_of("Host(`a.com`..., `b.com`)"), "E0501@17: expected ',' or ')', found the string `b.com`");
  EXPECT_EQ(problems_of("Host(...)"), "E0501@5: expected a string, found '...'");
  EXPECT_EQ(problems_of("Host(,)"), "E0501@5: expected a string, found ','");
  EXPECT_EQ(problems_of("Host(`a.com`,,)"), "E0501@13: expected a string, found ','");
}

TEST(GoSyntax, ALineBreakAfterAnOperatorContinuesTheRule)
{
  EXPECT_EQ(problems_of("Host(`a.com`) &&\nPath(`/x`)"), "");
  EXPECT_EQ(problems_of("Host(`a.com`) ||\n  Host(`b.com`)"), "");
  EXPECT_EQ(problems_of("!\nHost(`a.com`)"), "");
  EXPECT_EQ(problems_of("(\nHost(`a.com`) &&\r\nPath(`/x`))"), "");
  EXPECT_EQ(problems_of(R"(Host(
`a.com`,
))"),
            "");
}

TEST(GoSyntax, ALineBreakAfterAMatcherEndsTheRule)
{
  EXPECT_EQ(problems_of("Host(`a.com`)\n&& Path(`/x`)"), "E0501@12: " + k_line_break);
  EXPECT_EQ(problems_of("Host(`a.com`)\r\n&& Path(`/x`)"), "E0501@12: " + k_line_break);
  EXPECT_EQ(problems_of("(Host(`a.com`)\n|| Host(`b.com`))"), "E0501@13: " + k_line_break);
  EXPECT_EQ(problems_of("Host(`a.com`\n)"), "E0501@11: " + k_line_break);
  EXPECT_EQ(problems_of("Host\n(`a.com`)"), "E0501@3: " + k_line_break);
  // A comment holding a line break, or running to the end of its line, is one.
  EXPECT_EQ(problems_of("Host(`a.com`) // shop\n&& Path(`/x`)"), "E0501@12: " + k_line_break);
  EXPECT_EQ(problems_of("Host(`a.com`) /* shop\n */ && Path(`/x`)"), "E0501@12: " + k_line_break);
  EXPECT_EQ(problems_of("Host(`a.com`) /* a */ /* b */\n&& Path(`/x`)"), "E0501@12: " + k_line_break);

  auto hint = [](const std::string& rule) { return parse_rule(rule).problems.at(0).hint; };
  EXPECT_EQ(hint("Host(`a.com`)\n&& Path(`/x`)"), "break the line after && or || instead");
  EXPECT_EQ(hint("Host(`a.com`\n)"), "break the line after '(' or ',' instead");
  EXPECT_EQ(hint("Host\n(`a.com`)"), "keep '(' on the line of Host");
}

TEST(GoSyntax, OneLineBreakMayEndTheRule)
{
  // A YAML `|` block ends with a newline; Go's ParseExpr takes one there.
  EXPECT_EQ(problems_of("Host(`a.com`)\n"), "");
  EXPECT_EQ(problems_of(R"(Host(`a.com`) &&
Path(`/x`)
)"),
            "");
  EXPECT_EQ(problems_of(R"(Host(`a.com`)

  
)"),
            "");
  EXPECT_EQ(problems_of(R"(Host(`a.com`)
// done
)"),
            "");
  EXPECT_EQ(problems_of("Host(`a.com`)\n;"), "E0501@12: " + k_line_break);
  EXPECT_EQ(problems_of("Host(`a.com`);"), "E0501@13: expected && or || before ';'");
}

TEST(GoSyntax, StringsSpanLinesOnlyInBackticks)
{
  Rule rule = parse_rule("Path(`/a\r\nb`)");
  ASSERT_TRUE(rule.ok());
  EXPECT_EQ(rule.matchers[0].arguments[0].value, "/a\nb"); // Go drops \r from raw strings
  EXPECT_EQ(problems_of("Path(\"/a\nb\")"),
            "E0501@5: string is not terminated: the double quote opened here has no closing one");
}

TEST(GoSyntax, StrayCharactersAreNamedWhole)
{
  EXPECT_EQ(problems_of("Host(\xE2\x80\x9C"
                        "a.com\xE2\x80\x9D)"),
            "E0501@5: unexpected character U+201C (left double quotation mark)");
  EXPECT_EQ(problems_of("Host(\xE2\x80\x98"
                        "a.com\xE2\x80\x99)"),
            "E0501@5: unexpected character U+2018 (left single quotation mark)");
  EXPECT_EQ(problems_of("Host(`a.com`)\xC2\xA0&& Path(`/x`)"),
            "E0501@13: unexpected character U+00A0 (no-break space)");
  EXPECT_EQ(problems_of("Host(`a.com`) &&\xE2\x80\x8BPath(`/x`)"),
            "E0501@16: unexpected character U+200B (zero width space)");
  EXPECT_EQ(problems_of("Host(`a.com`) && P\xC3\xA4th(`/x`)"), "E0501@18: unexpected character U+00E4 '\xC3\xA4'");
  EXPECT_EQ(problems_of("Host(`a.com`)\f"), "E0501@13: unexpected character U+000C (form feed)");
  EXPECT_EQ(problems_of("Host(`a.com`) \x01"), "E0501@14: unexpected character U+0001");

  auto hint = [](const std::string& rule) { return parse_rule(rule).problems.at(0).hint; };
  EXPECT_EQ(hint("Host(\xE2\x80\x9C"
                 "a.com\xE2\x80\x9D)"),
            "quote with backticks (`...`) or ASCII double quotes (\"...\")");
  EXPECT_EQ(hint("Host(\xC2\xB4"
                 "a.com\xC2\xB4)"),
            "quote with backticks (`...`) or ASCII double quotes (\"...\")");
  EXPECT_EQ(hint("Host(`a.com`)\xC2\xA0&& Path(`/x`)"), "replace it with an ordinary space");
  // Non-ASCII text is fine inside a string.
  EXPECT_EQ(problems_of("Path(`/caf\xC3\xA9`)"), "");
}

TEST(GoSyntax, EncodingErrorsAnywhere)
{
  EXPECT_EQ(problems_of("Path(`/a\xFF`)"), "E0501@8: the rule is not valid UTF-8: byte \\xFF");
  EXPECT_EQ(problems_of("Host(`a.com`) \xC3"), "E0501@14: the rule is not valid UTF-8: byte \\xC3");
  EXPECT_EQ(problems_of(std::string("Path(`/a\0b`)", 12)), "E0501@8: the rule holds a NUL character");
  EXPECT_EQ(problems_of("Path(`/a\xEF\xBB\xBF`)"),
            "E0501@8: the rule holds a byte order mark (U+FEFF), which is invisible");
  // Go skips one at the very start.
  EXPECT_EQ(problems_of("\xEF\xBB\xBFHost(`a.com`)"), "");
}

TEST(GoSyntax, MessagesStayUtf8)
{
  const std::string rules[] = {
      "Host(\xE2\x80\x9C"
      "a.com\xE2\x80\x9D)",
      "Host(`a.com`)\xC2\xA0&& Path(`/x`)",
      "Host(`a.com`) && H\xC3\xB6st(`b.com`)",
      "Host(`a.com`) && \xF0\x9F\xA6\xAD",
      "Path(`/a\xFF`)",
      "Path(`/\xC3`)",
      "Host(`a.com\xE2\x82`)",
      "Host(\"\\xff.com\")",
      "Path(\"\\xff\")",
      "Path(\"/\\xc3\") && Host(\"\\xe2\")",
      "Query(\"\\xff=\\xfe\")",
      "Host(\"a.com\\x00\")",
      "Host(\"a\\x7fb.com\")",
      "Path(\"\\xff{id}\")",
      "PathRegexp(\"\\xff(\")",
      "Header(\"\\xff\", \"\")",
      "Host(\"\\xff\", \"\\xfe\")",
      "HostHeader(\"\\xff\")",
      "\"\\xff\"",
      "Host(`a.com`) \xE2\x80",
      "\xE2\x80\x9CHost(`a.com`)",
  };
  for (const auto& rule : rules) {
    Rule parsed = parse_rule(rule);
    EXPECT_FALSE(parsed.ok()) << rule;
    for (const auto& p : parsed.problems) {
      EXPECT_EQ(util::find_invalid_utf8(p.message), std::string::npos) << p.message;
      EXPECT_EQ(util::find_invalid_utf8(p.hint), std::string::npos) << p.hint;
      EXPECT_EQ(p.message.find('\0'), std::string::npos) << p.message;
    }
  }
}

} // namespace
} // namespace edgegen::rules
