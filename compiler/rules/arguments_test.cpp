// Argument values: Traefik's refusal of empty ones, and the Host() values
// it accepts against the few that can never match what they say.
#include "rules/rule.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

using testing::problems_of;

TEST(Arguments, EmptyInEveryPosition)
{
  EXPECT_EQ(problems_of("Host(``)"), "E0505@5: Host() value is empty");
  EXPECT_EQ(problems_of("Path(``)"), "E0505@5: Path() value is empty");
  EXPECT_EQ(problems_of("PathRegexp(``)"), "E0505@11: PathRegexp() value is empty");
  EXPECT_EQ(problems_of("ClientIP(``)"), "E0505@9: ClientIP() value is empty");
  EXPECT_EQ(problems_of("Method(\"\")"), "E0505@7: Method() value is empty");
  EXPECT_EQ(problems_of("Header(``, `1`)"), "E0505@7: Header() name is empty");
  EXPECT_EQ(problems_of("Header(`X-A`, ``)"), "E0505@14: Header() value is empty");
  EXPECT_EQ(problems_of("Header(``, ``)"), "E0505@7: Header() name is empty | E0505@11: Header() value is empty");
  EXPECT_EQ(problems_of("HeaderRegexp(`X-A`, ``)"), "E0505@20: HeaderRegexp() regexp is empty");
  EXPECT_EQ(problems_of("Query(``)"), "E0505@6: Query() key is empty");
  EXPECT_EQ(problems_of("Query(`q`, ``)"), "E0505@11: Query() value is empty");
  EXPECT_EQ(problems_of("QueryRegexp(``, `^a$`)"), "E0505@12: QueryRegexp() key is empty");
  EXPECT_EQ(problems_of("QueryRegexp(`q`, ``)"), "E0505@17: QueryRegexp() regexp is empty");
  EXPECT_EQ(problems_of("Host(`a.com`) && Query(`q`, ``)"), "E0505@28: Query() value is empty");
  EXPECT_EQ(problems_of("HostSNI(``)", Protocol::tcp), "E0505@8: HostSNI() value is empty");
  EXPECT_EQ(problems_of("ALPN(``)", Protocol::tcp), "E0505@5: ALPN() value is empty");

  auto hint = [](const std::string& rule) { return parse_rule(rule).problems.at(0).hint; };
  EXPECT_EQ(hint("Header(`X-A`, ``)"), "to match the header with any value, write HeaderRegexp(`X-A`, `.*`)");
  EXPECT_EQ(hint("Query(`q`, ``)"),
            "Query(`q`) matches the key with an empty value; for any value, write QueryRegexp(`q`, `.*`)");
  EXPECT_EQ(hint("QueryRegexp(`q`, ``)"), "an empty regexp matches any value: write QueryRegexp(`q`, `.*`)");
  EXPECT_EQ(hint("PathRegexp(``)"), "to match every path, write PathPrefix(`/`)");
  EXPECT_EQ(hint("Header(``, `1`)"), "for example Header(`X-Beta`, `1`)");
}

TEST(HostValues, WhatTraefikMatches)
{
  const char* const accepted[] = {
      "Host(`example.com`)",
      "Host(`EXAMPLE.COM`)",         // Traefik compares in lower case
      "Host(`Foo.Bar`)",             //
      "Host(`example.com.`)",        // one trailing dot is ignored
      "Host(`localhost`)",           //
      "Host(`my_service.internal`)", // '_' is fine in a Host header
      "Host(`xn--9t9h.com`)",        //
      "Host(`127.0.0.1`)",           //
      "Host(`10::10`)",              // an IPv6 address, without brackets
      "Host(`fe80::1%eth0`)",        // with a zone
      "Host(`*`)",                   // every request
      "Host(`*.example.com`)",       // exactly one label in front
      "Host(`*.example.com.`)",      //
      "Host(`a-.example.com`)",      // not RFC 1123, but a Host header can carry it
      "Host(`a'b.example.com`)",     //
  };
  for (const char* rule : accepted) {
    EXPECT_EQ(problems_of(rule), "") << rule;
  }
}

TEST(HostValues, WhatCanNeverMatchAsWritten)
{
  struct Case
  {
    const char* rule;
    const char* expected;
    const char* hint;
  };
  const Case rejected[] = {
      {"Host(`a.*.com`)",
       "E0431@8: \"a.*.com\" is not a valid host name: '*' is a wildcard only as the whole leftmost label "
       "(*.example.com); anywhere else it is a character",
       "to match a pattern, write HostRegexp(`^a\\.[^.]+\\.com$`)"},
      {"Host(`*foo.com`)",
       "E0431@6: \"*foo.com\" is not a valid host name: '*' is a wildcard only as the whole leftmost label "
       "(*.example.com); anywhere else it is a character",
       "to match a pattern, write HostRegexp(`^[^.]*foo\\.com$`)"},
      {"Host(`a.com:8080`)",
       "E0431@11: \"a.com:8080\" is not a valid host name: it has a port, and Traefik compares the request's host "
       "without its port",
       "the router's entry points choose the port; write Host(`a.com`)"},
      {"Host(`10.0.0.1:80`)",
       "E0431@14: \"10.0.0.1:80\" is not a valid host name: it has a port, and Traefik compares the request's host "
       "without its port",
       "the router's entry points choose the port; write Host(`10.0.0.1`)"},
      {"Host(`[::1]`)",
       "E0431@6: \"[::1]\" is not a valid host name: Traefik takes the brackets off an IPv6 address in the "
       "request's host",
       "write Host(`::1`)"},
      {"Host(`a.com,b.com`)",
       "E0431@11: \"a.com,b.com\" is not a valid host name: Traefik v3 takes one host per Host(); v2 read a "
       "comma-separated list",
       "write Host(`a.com`) || Host(`b.com`)"},
      {"Host(`a.com, b.com`)",
       "E0431@11: \"a.com, b.com\" is not a valid host name: Traefik v3 takes one host per Host(); v2 read a "
       "comma-separated list",
       "write Host(`a.com`) || Host(`b.com`)"},
      {"Host(`https://a.com/shop`)",
       "E0431@11: \"https://a.com/shop\" is not a valid host name: it is a URL; Host() takes the host name alone",
       "write Host(`a.com`) && PathPrefix(`/shop`)"},
      {"Host(`a.com/shop`)",
       "E0431@11: \"a.com/shop\" is not a valid host name: it has a path; Host() takes the host name alone",
       "write Host(`a.com`) && PathPrefix(`/shop`)"},
      {"Host(`a.com `)",
       "E0431@11: \"a.com \" is not a valid host name: it has a space, which no HTTP Host header can carry",
       "write Host(`a.com`)"},
      {"Host(`a?.com`)",
       "E0431@7: \"a?.com\" is not a valid host name: it has '?', which no HTTP Host header can carry",
       "a host name has letters, digits, '-', '_' and dots; HostRegexp() matches patterns"},
      {"Host(`a#b`)", "E0431@7: \"a#b\" is not a valid host name: it has '#', which no HTTP Host header can carry",
       "a host name has letters, digits, '-', '_' and dots; HostRegexp() matches patterns"},
      {"Host(`a\\b`)", "E0431@7: \"a\\b\" is not a valid host name: it has '\\', which no HTTP Host header can carry",
       "a host name has letters, digits, '-', '_' and dots; HostRegexp() matches patterns"},
      {"Host(\"a\\nb\")",
       "E0431@7: \"a\\nb\" is not a valid host name: it has the control character \\n, which no HTTP Host header "
       "can carry",
       "a host name has letters, digits, '-', '_' and dots; HostRegexp() matches patterns"},
      {"Host(`a..b`)",
       "E0431@8: \"a..b\" is not a valid host name: it has an empty label (a dot at the start, two in a row, or two "
       "at the end)",
       "remove the extra dot"},
      {"Host(`a.com..`)",
       "E0431@12: \"a.com..\" is not a valid host name: it has an empty label (a dot at the start, two in a row, or "
       "two at the end)",
       "remove the extra dot"},
  };
  for (const auto& c : rejected) {
    EXPECT_EQ(problems_of(c.rule), c.expected) << c.rule;
    EXPECT_EQ(parse_rule(c.rule).problems.at(0).hint, c.hint) << c.rule;
  }
  // The longest label DNS allows (a longer one is on the never-matches list).
  EXPECT_EQ(problems_of("Host(`" + std::string(63, 'a') + ".com`)"), "");
}

TEST(HostValues, V2PlaceholdersAndNonAscii)
{
  EXPECT_EQ(problems_of("Host(`{sub:[a-z]+}.example.com`)"),
            "E0503@6: Host() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally");
  EXPECT_EQ(parse_rule("Host(`{sub}.example.com`)").problems.at(0).hint, "write HostRegexp(`^[^.]+\\.example\\.com$`)");
  EXPECT_EQ(problems_of("Host(`\xC3\xA9.com`)"), "E0505@5: Host() value `\xC3\xA9.com` has non-ASCII characters");
}

TEST(HostValues, HostSniTakesTheSameWildcard)
{
  EXPECT_EQ(problems_of("HostSNI(`*.example.com`)", Protocol::tcp), "");
  EXPECT_EQ(problems_of("HostSNI(`a.*.com`)", Protocol::tcp),
            "E0505@8: HostSNI() value `a.*.com` is not a host name or an IP address");
  EXPECT_EQ(problems_of("HostSNIRegexp(`^\xC3\xA9$`)", Protocol::tcp),
            "E0505@14: HostSNIRegexp() value `^\xC3\xA9$` has non-ASCII characters");
}

} // namespace
} // namespace edgegen::rules
