#include "rules/rule.hpp"
#include "testing.hpp"

#include "util/strings.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

using testing::problems_of;

struct Case
{
  const char* rule;
  Protocol protocol;
  const char* expected;
};

// Every v3 matcher accepted and misused, the v2 forms, Go string literals,
// operators, parentheses and the syntax errors Go's parser reports.
const Case k_cases[] = {
    {R"r(Host(`example.com`))r", Protocol::http, ""},
    {R"r(Host("example.com"))r", Protocol::http, ""},
    {R"r(host(`example.com`))r", Protocol::http, ""},
    {R"r(HOST(`example.com`))r", Protocol::http, ""},
    {R"r(Hostregexp(`^a$`))r", Protocol::http, ""},
    {R"r(hostRegexp(`^a$`))r", Protocol::http, R"r(E0502@0: unknown matcher hostRegexp())r"},
    {R"r(Host(`a.com`) && PathPrefix(`/api`))r", Protocol::http, ""},
    {R"r(Host(`a.com`) || Host(`b.com`))r", Protocol::http, ""},
    {R"r(!Host(`a.com`))r", Protocol::http, ""},
    {R"r((Host(`a.com`) || Host(`b.com`)) && Path(`/x`))r", Protocol::http, ""},
    {R"r(Method(`GET`))r", Protocol::http, ""},
    {R"r(Header(`X-A`, `1`))r", Protocol::http, ""},
    {R"r(HeaderRegexp(`User-Agent`, `^curl/`))r", Protocol::http, ""},
    {R"r(Query(`a`))r", Protocol::http, ""},
    {R"r(Query(`a`, `b`))r", Protocol::http, ""},
    {R"r(QueryRegexp(`a`, `^[0-9]+$`))r", Protocol::http, ""},
    {R"r(QueryRegexp(`a`))r", Protocol::http, ""},
    {R"r(ClientIP(`10.0.0.0/8`))r", Protocol::http, ""},
    {R"r(ClientIP(`2001:db8::/32`))r", Protocol::http, ""},
    {R"r(ClientIP(`10.0.0.1`))r", Protocol::http, ""},
    {R"r(ClientIP(`10.0.0.300`))r", Protocol::http,
     R"r(E0505@9: ClientIP() value `10.0.0.300` is not an IP address or CIDR range)r"},
    {R"r(ClientIP(`10.0.0.0/33`))r", Protocol::http,
     R"r(E0505@9: ClientIP() value `10.0.0.0/33` is not an IP address or CIDR range)r"},
    {R"r(PathRegexp(`^/api/v[0-9]+/`))r", Protocol::http, ""},
    {R"r(Path(`/a`) && !Method(`POST`))r", Protocol::http, ""},
    {R"r(Host(`a.com`, `b.com`))r", Protocol::http,
     R"r(E0503@0: Host() takes one value in Traefik v3 (v2 took several); this one has 2)r"},
    {R"r(Headers(`X`, `y`))r", Protocol::http, R"r(E0503@0: Headers() is Traefik v2 syntax; v3 calls it Header())r"},
    {R"r(HostHeader(`a.com`))r", Protocol::http, R"r(E0503@0: HostHeader() is Traefik v2 syntax; v3 calls it Host())r"},
    {R"r(HeadersRegexp(`X`, `y`))r", Protocol::http,
     R"r(E0503@0: HeadersRegexp() is Traefik v2 syntax; v3 calls it HeaderRegexp())r"},
    {R"r(HostRegexp(`{sub:[a-z]+}.example.com`))r", Protocol::http,
     R"r(E0503@12: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    {R"r(Path(`/users/{id:[0-9]+}`))r", Protocol::http,
     R"r(E0503@13: Path() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally)r"},
    {R"r(PathPrefix(`/users/{id}`))r", Protocol::http,
     R"r(E0503@19: PathPrefix() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally)r"},
    {R"r(Query(`a=b`))r", Protocol::http,
     R"r(E0503@0: Query(`key=value`) is Traefik v2 syntax; v3 takes the key and the value apart)r"},
    {R"r(Hots(`a.com`))r", Protocol::http, R"r(E0502@0: unknown matcher Hots())r"},
    {R"r(Foo(`x`))r", Protocol::http, R"r(E0502@0: unknown matcher Foo())r"},
    {R"r(Header(`X`))r", Protocol::http, R"r(E0504@0: Header() takes 2 arguments, got 1)r"},
    {R"r(Method())r", Protocol::http, R"r(E0504@0: Method() takes 1 argument, got 0)r"},
    {R"r(Path(`x`))r", Protocol::http, R"r(E0505@5: Path() path `x` does not start with '/')r"},
    {R"r(PathPrefix(``))r", Protocol::http, R"r(E0505@11: PathPrefix() value is empty)r"},
    {R"r(Host(`a.com`)r", Protocol::http, R"r(E0501@4: '(' is never closed)r"},
    {R"r(Host(`a.com`)))r", Protocol::http, R"r(E0501@13: unexpected ')': no parenthesis is open)r"},
    {R"r(Host(`a.com`) &&)r", Protocol::http, R"r(E0501@16: expected a matcher, found the end of the rule)r"},
    {R"r(Host(`a.com`) & Path(`/`))r", Protocol::http, R"r(E0501@14: a single '&' is not an operator)r"},
    {R"r(Host(`a.com`) | Path(`/`))r", Protocol::http, R"r(E0501@14: a single '|' is not an operator)r"},
    {R"r(Host('a.com'))r", Protocol::http, R"r(E0501@5: single quotes do not make a string in a Traefik rule)r"},
    {R"r(Host(a.com))r", Protocol::http, R"r(E0501@5: matcher arguments are quoted strings, found 'a')r"},
    {R"r(Host)r", Protocol::http, R"r(E0501@0: 'Host' is not followed by its arguments in parentheses)r"},
    {R"r(`a.com`)r", Protocol::http, R"r(E0501@0: a string must be the argument of a matcher)r"},
    {R"r()r", Protocol::http, R"r(E0501@0: the rule is empty)r"},
    {R"r(Host(`a.com) )r", Protocol::http,
     R"r(E0501@5: string is not terminated: the backtick opened here has no closing one)r"},
    {R"r(Host("a.com))r", Protocol::http,
     R"r(E0501@5: string is not terminated: the double quote opened here has no closing one)r"},
    {R"r(Host("a\qb"))r", Protocol::http, R"r(E0501@7: invalid escape sequence in a string)r"},
    {R"r(Path("/a\"b"))r", Protocol::http, ""},
    {R"r(Host(`a.com`,))r", Protocol::http, ""},
    {R"r(Host(`a.com`,,))r", Protocol::http, R"r(E0501@13: expected a string, found ',')r"},
    {R"r(Host(`a.com`) Path(`/`))r", Protocol::http, R"r(E0501@14: expected && or || before 'Path')r"},
    {R"r(((Host(`a.com`)))r", Protocol::http, R"r(E0501@0: '(' is never closed (found the end of the rule))r"},
    {R"r(PathRegexp(`^/(a`))r", Protocol::http,
     R"r(E0506@14: regular expression `^/(a` does not compile: missing closing ): `^/(a`)r"},
    {R"r(PathRegexp(`(?=x)`))r", Protocol::http,
     R"r(E0506@12: regular expression `(?=x)` does not compile: invalid or unsupported Perl syntax: `(?=` (lookahead is not supported by Go regular expressions))r"},
    {R"r(PathRegexp(`\1`))r", Protocol::http,
     R"r(E0506@12: regular expression `\1` does not compile: invalid escape sequence: `\1` (Go regular expressions have no backreferences))r"},
    {R"r(HostRegexp(`^[z-a]$`))r", Protocol::http,
     R"r(E0506@14: regular expression `^[z-a]$` does not compile: invalid character class range: `z-a`)r"},
    {R"r(HeaderRegexp(`X`, `a**`))r", Protocol::http,
     R"r(E0506@20: regular expression `a**` does not compile: invalid nested repetition operator: `**`)r"},
    {R"r(Host(`é.com`))r", Protocol::http, R"r(E0505@5: Host() value `é.com` has non-ASCII characters)r"},
    {R"r(HostSNI(`a.com`))r", Protocol::tcp, ""},
    {R"r(HostSNI(`*`))r", Protocol::tcp, ""},
    {R"r(HostSNI(`a.com`, `b.com`))r", Protocol::tcp,
     R"r(E0503@0: HostSNI() takes one value in Traefik v3 (v2 took several); this one has 2)r"},
    {R"r(HostSNIRegexp(`^.+\.com$`))r", Protocol::tcp, ""},
    {R"r(ALPN(`h2`))r", Protocol::tcp, ""},
    {R"r(ALPN(`acme-tls/1`))r", Protocol::tcp, R"r(E0505@5: ALPN(`acme-tls/1`) is reserved for ACME TLS challenges)r"},
    {R"r(ClientIP(`1.2.3.4`))r", Protocol::tcp, ""},
    {R"r(Host(`a.com`))r", Protocol::tcp, R"r(E0502@0: Host() is not a TCP matcher)r"},
    {R"r(HostSNI(`a b`))r", Protocol::tcp, R"r(E0505@8: HostSNI() value `a b` is not a host name or an IP address)r"},
    {R"r(Host("a.com") && Path("/a\x41"))r", Protocol::http, ""},
    {R"r(PathRegexp("^/a\\d+$"))r", Protocol::http, ""},
    {R"r(PathRegexp("^/a\d+$"))r", Protocol::http, R"r(E0501@15: invalid escape sequence in a string)r"},
    {R"r(Path(`/`))r", Protocol::http, ""},
    {R"r(PathPrefix(`/`))r", Protocol::http, ""},
    {R"r(Path(`/a`) || Path(`/b`) || Path(`/c`))r", Protocol::http, ""},
    {R"r(!(Host(`a.com`) && Path(`/x`)))r", Protocol::http, ""},
    {R"r(!!Host(`a.com`))r", Protocol::http, ""},
    {R"r(Host(`a.com`)&&Path(`/x`))r", Protocol::http, ""},
    {R"r(  Host(`a.com`)  )r", Protocol::http, ""},
    {R"r(Host(`a.com`)	&&	Path(`/x`))r", Protocol::http, ""},
    {R"r(method(`get`))r", Protocol::http, ""},
    {R"r(METHOD(`GET`))r", Protocol::http, ""},
    {R"r(Header(`X`, `1`, `2`))r", Protocol::http, R"r(E0504@0: Header() takes 2 arguments, got 3)r"},
    {R"r(Query(`a`, `b`, `c`))r", Protocol::http, R"r(E0504@0: Query() takes 1 or 2 arguments, got 3)r"},
    {R"r(QueryRegexp(`a`, `(`))r", Protocol::http,
     R"r(E0506@18: regular expression `(` does not compile: missing closing ): `(`)r"},
    {R"r(HeaderRegexp(`X`, `[`))r", Protocol::http,
     R"r(E0506@19: regular expression `[` does not compile: missing closing ]: `[`)r"},
    {R"r(PathRegexp(`^/a{1001}`))r", Protocol::http,
     R"r(E0506@15: regular expression `^/a{1001}` does not compile: invalid repeat count: `{1001}`)r"},
    {R"r(PathRegexp(`^/(?P<v>[0-9]+)$`))r", Protocol::http, ""},
    {R"r(HostRegexp(`^(?i)[a-z]+\.example\.com$`))r", Protocol::http, ""},
    {R"r(HostRegexp(`^.+$`))r", Protocol::http, ""},
    {R"r(Host(`a.com`) && ClientIP(`192.168.1.0/24`))r", Protocol::http, ""},
    {R"r(ClientIP(`::1`))r", Protocol::http, ""},
    {R"r(ClientIP(`fe80::1/129`))r", Protocol::http,
     R"r(E0505@9: ClientIP() value `fe80::1/129` is not an IP address or CIDR range)r"},
    {R"r(ClientIP(`10.0.0.0/`))r", Protocol::http,
     R"r(E0505@9: ClientIP() value `10.0.0.0/` is not an IP address or CIDR range)r"},
    {R"r(ClientIP(`host.example.com`))r", Protocol::http,
     R"r(E0505@9: ClientIP() value `host.example.com` is not an IP address or CIDR range)r"},
    {R"r(Host(`a.com`, `b.com`, `c.com`))r", Protocol::http,
     R"r(E0503@0: Host() takes one value in Traefik v3 (v2 took several); this one has 3)r"},
    {R"r(Path(`/a`, `/b`))r", Protocol::http,
     R"r(E0503@0: Path() takes one value in Traefik v3 (v2 took several); this one has 2)r"},
    {R"r(PathPrefix(`/a`, `/b`))r", Protocol::http,
     R"r(E0503@0: PathPrefix() takes one value in Traefik v3 (v2 took several); this one has 2)r"},
    {R"r(Method(`GET`, `POST`))r", Protocol::http,
     R"r(E0503@0: Method() takes one value in Traefik v3 (v2 took several); this one has 2)r"},
    {R"r(ClientIP(`10.0.0.1`, `10.0.0.2`))r", Protocol::http,
     R"r(E0503@0: ClientIP() takes one value in Traefik v3 (v2 took several); this one has 2)r"},
    {R"r(HostRegexp(`a.com`, `b.com`))r", Protocol::http,
     R"r(E0503@0: HostRegexp() takes one value in Traefik v3 (v2 took several); this one has 2)r"},
    {R"r(Query(`a=b`, `c=d`))r", Protocol::http,
     R"r(E0503@0: Query(`key=value`) is Traefik v2 syntax; v3 takes the key and the value apart)r"},
    {R"r(hostheader(`a.com`))r", Protocol::http, R"r(E0503@0: hostheader() is Traefik v2 syntax; v3 calls it Host())r"},
    {R"r(HOSTHEADER(`a.com`))r", Protocol::http, R"r(E0503@0: HOSTHEADER() is Traefik v2 syntax; v3 calls it Host())r"},
    {R"r(Host(`a.com`) && Hots(`b.com`) && Pth(`/x`))r", Protocol::http,
     R"r(E0502@17: unknown matcher Hots() | E0502@34: unknown matcher Pth())r"},
    {R"r(Host(``))r", Protocol::http, R"r(E0505@5: Host() value is empty)r"},
    {R"r(Host("a\x2ecom"))r", Protocol::http, ""},
    {R"r(Host("a\u00e9"))r", Protocol::http, R"r(E0505@5: Host() value "a\u00e9" has non-ASCII characters)r"},
    {R"r(Host("\U0001F600"))r", Protocol::http, R"r(E0505@5: Host() value "\U0001F600" has non-ASCII characters)r"},
    {R"r(Host("a\uD800"))r", Protocol::http, R"r(E0501@7: escape sequence is not a valid Unicode code point)r"},
    {R"r(Host("\400"))r", Protocol::http, R"r(E0501@6: octal escape value above 255)r"},
    {R"r(Host("a)r", Protocol::http,
     R"r(E0501@5: string is not terminated: the double quote opened here has no closing one)r"},
    {"Path(`/multi\nline`)", Protocol::http, ""},
    {R"r(Host(`a.com`) && (Path(`/a`) || Path(`/b`))r", Protocol::http,
     R"r(E0501@17: '(' is never closed (found the end of the rule))r"},
    {R"r(Host(`a.com`) && ())r", Protocol::http, R"r(E0501@18: expected a matcher, found ')')r"},
    {R"r(Host(`a.com`) && !)r", Protocol::http, R"r(E0501@18: expected a matcher, found the end of the rule)r"},
    {R"r(()r", Protocol::http, R"r(E0501@1: expected a matcher, found the end of the rule)r"},
    {R"r())r", Protocol::http, R"r(E0501@0: expected a matcher, found ')')r"},
    {R"r(&& Host(`a.com`))r", Protocol::http, R"r(E0501@0: expected a matcher, found '&&')r"},
    {R"r(Host(`a.com`) == true)r", Protocol::http, R"r(E0501@14: expected && or || before '=')r"},
    {R"r(Host(`a.com`);)r", Protocol::http, R"r(E0501@13: expected && or || before ';')r"},
    {R"r(Host(`a`) $ Path(`/`))r", Protocol::http, R"r(E0501@10: expected && or || before '$')r"},
    {R"r(Host(`a.com`) and Path(`/x`))r", Protocol::http, R"r(E0501@14: expected && or || before 'and')r"},
    {R"r(Host(1))r", Protocol::http, R"r(E0501@5: matcher arguments are quoted strings, found '1')r"},
    {R"r(Host(`a.com` `b.com`))r", Protocol::http, R"r(E0501@13: expected ',' or ')', found the string `b.com`)r"},
    {R"r(PathPrefix(`/api`) && Method(`OPTIONS`))r", Protocol::http, ""},
    {R"r(HostRegexp(`^{sub}\.example\.com$`))r", Protocol::http,
     R"r(E0503@13: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    {R"r(HostRegexp(`^[a-z]{2,3}\.example\.com$`))r", Protocol::http, ""},
    {R"r(HostSNI(`a_b.example.com`))r", Protocol::tcp, ""},
    {R"r(HostSNI(`10.0.0.1`))r", Protocol::tcp, ""},
    {R"r(HostSNIRegexp(`(`))r", Protocol::tcp,
     R"r(E0506@15: regular expression `(` does not compile: missing closing ): `(`)r"},
    {R"r(HostSNIRegexp(`{x:[a-z]+}.com`))r", Protocol::tcp,
     R"r(E0503@15: HostSNIRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    {R"r(ALPN(`h2`, `http/1.1`))r", Protocol::tcp, R"r(E0504@0: ALPN() takes 1 argument, got 2)r"},
    {R"r(Path(`/`))r", Protocol::tcp, R"r(E0502@0: Path() is not a TCP matcher)r"},
    {R"r(hostsni(`a.com`) && alpn(`h2`))r", Protocol::tcp, ""},
    {R"r(Foo(`x`))r", Protocol::tcp, R"r(E0502@0: unknown matcher Foo())r"},
    {R"r(HostSNI(`é.com`))r", Protocol::tcp, R"r(E0505@8: HostSNI() value `é.com` has non-ASCII characters)r"},
};

TEST(RuleParser, Table)
{
  EXPECT_GE(std::size(k_cases), 100u);
  for (const auto& c : k_cases) {
    EXPECT_EQ(problems_of(c.rule, c.protocol), c.expected) << "rule: " << c.rule;
  }
}

TEST(RuleParser, HintsShowTheV3Form)
{
  auto hint = [](const std::string& rule) { return parse_rule(rule).problems.at(0).hint; };
  EXPECT_EQ(hint("Host(`a.com`, `b.com`)"), "write Host(`a.com`) || Host(`b.com`)");
  EXPECT_EQ(hint("Headers(`X`, `y`)"), "write Header(`X`, `y`)");
  EXPECT_EQ(hint("HostHeader(`a.com`)"), "write Host(`a.com`)");
  EXPECT_EQ(hint("HostRegexp(`{sub:[a-z]+}.example.com`)"), "write HostRegexp(`^[a-z]+\\.example\\.com$`)");
  EXPECT_EQ(hint("HostRegexp(`^{sub}\\.example\\.com$`)"), "write HostRegexp(`^[^.]+\\.example\\.com$`)");
  EXPECT_EQ(hint("Path(`/users/{id:[0-9]+}`)"), "write PathRegexp(`^/users/[0-9]+$`)");
  EXPECT_EQ(hint("PathPrefix(`/users/{id}`)"), "write PathRegexp(`^/users/[^/]+`)");
  EXPECT_EQ(hint("Query(`a=b`)"), "write Query(`a`, `b`)");
  EXPECT_EQ(hint("Hots(`a.com`)"), "did you mean Host()?");
  EXPECT_EQ(hint("Host(`a.com`) & Path(`/`)"), "join matchers with &&");
  EXPECT_EQ(hint("Host('a.com')"), "quote with backticks (`...`) or double quotes");
}

TEST(RuleParser, MatchersKeepCanonicalNamesArgumentsAndNegation)
{
  const std::string text = "host(`a.com`) && !PATH(\"/x\\\"y\")";
  Rule rule = parse_rule(text);
  ASSERT_TRUE(rule.ok());
  ASSERT_EQ(rule.matchers.size(), 2u);
  EXPECT_EQ(rule.matchers[0].name, "Host");
  EXPECT_EQ(rule.matchers[0].written(text), "host");
  EXPECT_FALSE(rule.matchers[0].negated);
  EXPECT_EQ(rule.matchers[1].name, "Path");
  EXPECT_TRUE(rule.matchers[1].negated);
  EXPECT_EQ(rule.matchers[1].arguments.at(0).value, "/x\"y");
  EXPECT_EQ(rule.matchers[1].arguments.at(0).literal(text), "\"/x\\\"y\"");
  EXPECT_FALSE(rule.conjunction); // a '!' is not a plain conjunction
}

TEST(RuleParser, ConjunctionIsOnlyMatchersJoinedByAnd)
{
  EXPECT_TRUE(parse_rule("Host(`a`) && PathPrefix(`/x`)").conjunction);
  EXPECT_TRUE(parse_rule("(Host(`a`)) && (PathPrefix(`/x`))").conjunction);
  EXPECT_FALSE(parse_rule("Host(`a`) || PathPrefix(`/x`)").conjunction);
  EXPECT_FALSE(parse_rule("Host(`a`) &&").conjunction);
}

TEST(RuleParser, OffsetsInsideInterpretedStringsSkipEscapes)
{
  // "\"" is two bytes of source for one of value: the regexp error at value
  // offset 2 ('(' after `a"`) is at source offset 12 + 1 + 3.
  Rule rule = parse_rule("PathRegexp(\"a\\\"(\")");
  ASSERT_EQ(rule.problems.size(), 1u);
  EXPECT_EQ(rule.problems[0].code, "E0506");
  EXPECT_EQ(rule.problems[0].offset, 15u);
  Argument raw{"abc", 4, 5};
  EXPECT_EQ(raw.literal("Xyz(`abc`)"), "`abc`");
  EXPECT_EQ(raw.offset_of(2, "Xyz(`abc`)"), 7u);
}

TEST(RuleParser, GoQuotePicksBackticksUnlessTheValueHoldsOne)
{
  EXPECT_EQ(util::go_quote("a.com"), "`a.com`");
  EXPECT_EQ(util::go_quote("/a`b\"c\\"), "\"/a`b\\\"c\\\\\"");
  Rule rule = parse_rule("Path(" + util::go_quote("/a`b\"c\\") + ")");
  ASSERT_TRUE(rule.ok());
  EXPECT_EQ(rule.matchers[0].arguments[0].value, "/a`b\"c\\");
}

} // namespace
} // namespace edgegen::rules
