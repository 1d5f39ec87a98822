// A hint that suggests a rule ("write ...") suggests one that is right: it
// parses, and edgegen has nothing to say about it.
#include "rules/regexp.hpp"
#include "rules/rule.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

// Bad rules of every kind: each matcher (and the v2 names) with arguments
// drawn from values that are wrong for one matcher or another.
std::vector<std::string> bad_rules()
{
  const char* const names[] = {"Host",       "host",          "HostRegexp", "Path",          "PathPrefix",
                               "PathRegexp", "Method",        "ClientIP",   "Header",        "HeaderRegexp",
                               "Query",      "QueryRegexp",   "HostSNI",    "HostSNIRegexp", "ALPN",
                               "Headers",    "HeadersRegexp", "HostHeader", "Hots",          "Pth"};
  const char* const values[] = {
      "``",
      "`a.com`",
      "`A.com.`",
      "`a.com:8080`",
      "`[::1]:80`",
      "`a.com,b.com`",
      "`, ,`",
      "`a.*.com`",
      "`*`",
      "`https://a.com/x?y`",
      "`u@a.com`",
      "`a..b`",
      "`/x`",
      "`x`",
      "`/users/{id}`",
      "`/users/{id:[0-9]+}`",
      "`{sub:[a-z]+}.a.com`",
      "`^{sub}\\.a\\.com$`",
      "`/{a:(}`",
      "`{a:x|y}`",
      "`/\\p{L}/{id}`",
      "`^/\\pL{x}$`",
      "`\\{id}`",
      "`a=b`",
      "`=b`",
      "`a=`",
      "`(`",
      "`\\1`",
      "`10.0.0.0/33`",
      "`acme-tls/1`",
      "\"a`b{c}\"",
      "\"\\xff=\\xfe\"",
      "\"/\\xff{id}\"",
      "\"a\\nb\"",
      "\"\\r{x}\"",
      "`\xC3\xA9`",
  };
  std::vector<std::string> out;
  for (const char* name : names) {
    out.push_back(std::string(name) + "()");
    for (const char* first : values) {
      out.push_back(std::string(name) + "(" + first + ")");
      for (const char* second : values) {
        out.push_back(std::string(name) + "(" + first + ", " + second + ")");
      }
    }
    out.push_back(std::string(name) + "(`a`, `b`, `c`)");
  }
  return out;
}

TEST(Hints, EverySuggestedRuleParses)
{
  size_t suggestions = 0;
  for (Protocol protocol : {Protocol::http, Protocol::tcp}) {
    for (const auto& text : bad_rules()) {
      for (const auto& problem : parse_rule(text, protocol).problems) {
        size_t at = problem.hint.find("write ");
        if (at == std::string::npos) {
          continue;
        }
        ++suggestions;
        std::string suggested = problem.hint.substr(at + 6);
        Rule rule = parse_rule(suggested, protocol);
        EXPECT_TRUE(rule.ok()) << text << " -> " << problem.hint << ": " << (rule.ok() ? "" : rule.problems[0].message);
      }
    }
  }
  EXPECT_GE(suggestions, 1000u);
}

TEST(Hints, V2TemplatesBecomeTheRegexpV2Made)
{
  EXPECT_EQ(v2_template_to_regexp("{sub:[a-z]+}.example.com", true, false), "^[a-z]+\\.example\\.com$");
  EXPECT_EQ(v2_template_to_regexp("{sub}.example.com", true, false), "^[^.]+\\.example\\.com$");
  // A backslash in a placeholder's regexp is the regexp's; still anchored.
  EXPECT_EQ(v2_template_to_regexp("{subdomain:(foo\\.)?bar\\.com}", true, false), "^(foo\\.)?bar\\.com$");
  EXPECT_EQ(v2_template_to_regexp("/users/{id}", false, false), "^/users/[^/]+$");
  EXPECT_EQ(v2_template_to_regexp("/users/{id}", false, true), "^/users/[^/]+");
  EXPECT_EQ(v2_template_to_regexp("/a.b+c/{id:[0-9]+}", false, false), "^/a\\.b\\+c/[0-9]+$");
  // Text around placeholders is quoted, backslashes included: never \p[^/]+.
  EXPECT_EQ(v2_template_to_regexp("/a/\\p{L}", false, false), "^/a/\\\\p[^/]+$");
  EXPECT_FALSE(check_go_regexp(v2_template_to_regexp("/a/\\p{L}", false, false)));
  // An alternative stays inside its placeholder, as in v2's group.
  EXPECT_EQ(v2_template_to_regexp("{a:x|y}.com", true, false), "^(?:x|y)\\.com$");
  EXPECT_EQ(v2_template_to_regexp("{a:(x|y)}.com", true, false), "^(x|y)\\.com$");
}

TEST(Hints, RegexpsWithPlaceholdersKeepTheirSyntax)
{
  auto hint = [](const std::string& rule) { return parse_rule(rule).problems.at(0).hint; };
  EXPECT_EQ(hint("HostRegexp(`^{sub}\\.example\\.com$`)"), "write HostRegexp(`^[^.]+\\.example\\.com$`)");
  EXPECT_EQ(hint("PathRegexp(`/[a-z]+/{id}`)"), "write PathRegexp(`^/[a-z]+/[^/]+$`)");
  EXPECT_EQ(hint("PathRegexp(`^/{id}/\\p{L}+`)"), "write PathRegexp(`^/[^/]+/\\p{L}+$`)");
  EXPECT_EQ(hint("HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)"),
            "write HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)");
  EXPECT_EQ(hint("QueryRegexp(`q`, `{value:(a|b)}`)"), "write QueryRegexp(`q`, `^(a|b)$`)");
  // \p{...}, \pL and \{ are no placeholders.
  EXPECT_EQ(parse_rule("PathRegexp(`^/\\p{L}+$`)").problems.size(), 0u);
  EXPECT_EQ(parse_rule("PathRegexp(`^/\\P{Greek}\\pL$`)").problems.size(), 0u);
  EXPECT_EQ(parse_rule("PathRegexp(`^/\\{id}$`)").problems.size(), 0u);
  EXPECT_EQ(parse_rule("PathRegexp(`^/[{id}]$`)").problems.size(), 0u);
}

TEST(Hints, V2FormsKeepEveryArgument)
{
  auto hint = [](const std::string& rule) { return parse_rule(rule).problems.at(0).hint; };
  EXPECT_EQ(hint("Query(`a=1`, `b=2`)"), "write Query(`a`, `1`) && Query(`b`, `2`)");
  EXPECT_EQ(hint("Host(`a.com`, ``)"), "write Host(`a.com`)");
  EXPECT_EQ(hint("Headers(`X`)"), "for example Header(`X-Beta`, `1`)");
  EXPECT_EQ(hint("Query(\"\\xff=\\xfe\")"), "write Query(\"\\xff\", \"\\xfe\")");
}

} // namespace
} // namespace edgegen::rules
