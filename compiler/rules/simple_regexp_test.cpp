#include "rules/simple_regexp.hpp"

#include "rules/go_regexp.hpp"
#include "rules/regexp.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace edgegen::rules::detail {
namespace {

// The same pattern inside a group is outside the simple form, so RE2
// answers for it: both engines must agree on every text.
bool re2_search(const std::string& pattern, const std::string& text)
{
  return go_regexp_search("(?:" + pattern + ")", text);
}

TEST(SimpleRegexp, AgreesWithRe2OnEveryPatternAndText)
{
  const std::vector<std::string> patterns = {
      "",
      "^$",
      "$",
      "^",
      "a",
      "^a",
      "a$",
      "^a$",
      R"(^[a-z0-9-]+\.example\.com$)",
      R"(^[a-z0-9-]+\.team-00001\.staging\.example\.com$)",
      R"([a-z0-9-]+\.example\.com)",
      "^/v[0-9]+/",
      "^curl/",
      "a*b",
      "a*a*a*a*a*b",
      "^a?b+c*$",
      "^.+$",
      "^.*$",
      ".",
      "^[-a]+$",
      "^[a-]+$",
      "^[A-Z][a-z]*$",
      R"(^\-\.\/\:$)",
      "x+y?z*",
      "^[0-9]+\\.[0-9]+$",
  };
  const std::vector<std::string> texts = {
      "",
      "a",
      "b",
      "ab",
      "aab",
      "aaaaaaaaab",
      "aaaaaaaaaa",
      "abc",
      "a\n",
      "\n",
      "x.example.com",
      "a-b.example.com",
      "example.com",
      ".example.com",
      "X.example.com",
      "a.b.example.com",
      "a.example.com.evil",
      "app.team-00001.staging.example.com",
      "/v2/items",
      "/v/items",
      "curl/8.1",
      "Curl/8.1",
      "-a-",
      "Hello",
      "hello",
      "-./:",
      "xyz",
      "xz",
      "y",
      "12.5",
      "1.",
  };
  for (const auto& pattern : patterns) {
    auto simple = simple_regexp(pattern);
    ASSERT_TRUE(simple) << pattern;
    EXPECT_FALSE(check_go_regexp("(?:" + pattern + ")")) << pattern;
    for (const auto& text : texts) {
      EXPECT_EQ(simple_search(*simple, text), re2_search(pattern, text)) << pattern << " on " << text;
    }
  }
}

TEST(SimpleRegexp, LeavesEveryOtherFormToRe2)
{
  for (const char* pattern :
       {"(a)", "a|b", "a{2}", "a**", "a*?",  "[^a]", "[[:alpha:]]", "\\d", "\\pL",    "[z-a]", "[a-9]",
        "a^",  "$a",  "]",    "[a",  "[]a]", "a\\",  "caf\xc3\xa9", "a b", "[a-z-0]", "(?i)a"}) {
    EXPECT_FALSE(simple_regexp(pattern)) << pattern;
  }
}

TEST(SimpleRegexp, TextThatIsNotAsciiIsLeftToRe2)
{
  auto simple = simple_regexp("^.$");
  ASSERT_TRUE(simple);
  EXPECT_FALSE(simple_search(*simple, "\xc3\xa9"));
  EXPECT_TRUE(go_regexp_search("^.$", "\xc3\xa9")); // one rune
}

TEST(SimpleRegexp, ErrorsStillComeFromGosRules)
{
  auto error = check_go_regexp("[z-a]");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "invalid character class range: `z-a`");
}

} // namespace
} // namespace edgegen::rules::detail
