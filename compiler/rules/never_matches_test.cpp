// The rules that Traefik v3 accepts and edgegen rejects, all of them, each
// with the diagnostic edgegen gives and why. This is the documented list:
// every other rule gets Traefik's own verdict. What the rules here have in
// common is that, as written, they can never match what they say, so a
// router built from one would sit in Traefik's configuration and take no
// request it was meant for (or only requests that spell out the mistake).
//
// tests/traefik-rules-rejections.txt names the ones among Traefik's own test
// rules (tests/traefik_rules.sh); each of those must be listed here.
#include "rules/rule.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace edgegen::rules {
namespace {

using testing::problems_of;

struct Case
{
  const char* rule;
  const char* expected;
  Protocol protocol = Protocol::http;
};

const Case k_never_matches[] = {
    // --- v2 `{name:regexp}` placeholders: v3 takes them as text, so they match only requests spelling the braces.
    // Go's regexp reads a '{' that starts no repetition as a brace; the regexp inside is never used.
    {R"r(HostRegexp(`{domain:[a-zA-Z-]+\.com}`))r",
     R"r(E0503@12: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // Same, with a group in the placeholder's regexp.
    {R"r(HostRegexp(`{subdomain:(foo\.)?bar\.com}`))r",
     R"r(E0503@12: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // Same, with a non-capturing group.
    {R"r(HostRegexp(`{subdomain:(?:foo\.)?bar\.com}`))r",
     R"r(E0503@12: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // Same, with a character class.
    {R"r(HostRegexp(`{dummy:[A-Za-z-]+\.bar\.com}`))r",
     R"r(E0503@12: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // Same, lower case only.
    {R"r(HostRegexp(`{dummy:[a-z-]+\.bar\.com}`))r",
     R"r(E0503@12: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // A placeholder next to text: the host would have to hold "{sub:[a-z]+}".
    {R"r(HostRegexp(`{sub:[a-z]+}.example.com`))r",
     R"r(E0503@12: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // A bare `{name}` in a v3 regexp: braces again, not "one label".
    {R"r(HostRegexp(`^{sub}\.example\.com$`))r",
     R"r(E0503@13: HostRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // The path would have to hold "{path:css}" (or "{path:js}") to match.
    {R"r(PathRegexp("/{path:(css|js)}"))r",
     R"r(E0503@13: PathRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // The header's value would have to be "http{secure:}" or "http{secure:s}".
    {R"r(HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`))r",
     R"r(E0503@39: HeaderRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // The query value would have to be "{value:traefik}" or "{value:nginx}".
    {R"r(QueryRegexp(`q`, `{value:(traefik|nginx)}`))r",
     R"r(E0503@18: QueryRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r"},
    // Path() compares text: only the path "/css{path:(/.*)?}" itself matches.
    {R"r(Path(`/css{path:(/.*)?}`))r",
     R"r(E0503@10: Path() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally)r"},
    // Path() compares text: only "/users/{id:[0-9]+}" itself.
    {R"r(Path(`/users/{id:[0-9]+}`))r",
     R"r(E0503@13: Path() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally)r"},
    // PathPrefix() compares text: only paths starting "/css-{name:[0-9]?}".
    {R"r(PathPrefix(`/css-{name:[0-9]?}`))r",
     R"r(E0503@17: PathPrefix() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally)r"},
    // Only paths starting "/users/{id}".
    {R"r(PathPrefix(`/users/{id}`))r",
     R"r(E0503@19: PathPrefix() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally)r"},
    // Host() compares text, and no Host header can carry a brace.
    {R"r(Host(`{sub}.example.com`))r",
     R"r(E0503@6: Host() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally)r"},
    // HostSNIRegexp() is a Go regexp too: braces again.
    {R"r(HostSNIRegexp(`{sub:[a-z]+}.example.com`))r",
     R"r(E0503@15: HostSNIRegexp() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression)r",
     Protocol::tcp},

    // --- v2's Query(`key=value`): v3 reads the whole text as the key.
    // A parsed query has a key "foo=bar" only when the request escapes the '=' (foo%3Dbar=bar=baz).
    {R"r(Query(`foo=bar`, `bar=baz`))r",
     R"r(E0503@0: Query(`key=value`) is Traefik v2 syntax; v3 takes the key and the value apart)r"},
    // The key "foo=b=ar" with an empty value: only ?foo%3Db%3Dar.
    {R"r(Query(`foo=b=ar`))r",
     R"r(E0503@0: Query(`key=value`) is Traefik v2 syntax; v3 takes the key and the value apart)r"},
    // The key "titi={test": only ?titi%3D%7Btest.
    {R"r(Query("titi={test"))r",
     R"r(E0503@0: Query(`key=value`) is Traefik v2 syntax; v3 takes the key and the value apart)r"},

    // --- Host() values that name no host a request can have.
    // v2 split on commas; v3 compares the whole text, so only a request host spelled with the comma matches.
    {R"r(Host(`nope,localhost`) && PathPrefix(`/bar`))r",
     R"r(E0431@10: "nope,localhost" is not a valid host name: Traefik v3 takes one host per Host(); v2 read a comma-separated list)r"},
    // The same with a space after the comma.
    {R"r(Host(`a.com, b.com`))r",
     R"r(E0431@11: "a.com, b.com" is not a valid host name: Traefik v3 takes one host per Host(); v2 read a comma-separated list)r"},
    // A wildcard only works as the whole leftmost label; here '*' is one character of a label.
    {R"r(Host(`a.*.example.com`))r",
     R"r(E0431@8: "a.*.example.com" is not a valid host name: '*' is a wildcard only as the whole leftmost label (*.example.com); anywhere else it is a character)r"},
    // "*foo" is no label wildcard: the host would have to start with "*foo".
    {R"r(Host(`*foo.example.com`))r",
     R"r(E0431@6: "*foo.example.com" is not a valid host name: '*' is a wildcard only as the whole leftmost label (*.example.com); anywhere else it is a character)r"},
    // Only the first label is a wildcard; the second '*' is a character.
    {R"r(Host(`*.*.example.com`))r",
     R"r(E0431@8: "*.*.example.com" is not a valid host name: '*' is a wildcard only as the whole leftmost label (*.example.com); anywhere else it is a character)r"},
    // Traefik strips the port from the request's host before comparing.
    {R"r(Host(`example.com:8080`))r",
     R"r(E0431@17: "example.com:8080" is not a valid host name: it has a port, and Traefik compares the request's host without its port)r"},
    // A port alone: the request's host is never empty and never a port.
    {R"r(Host(`:8080`))r",
     R"r(E0431@6: ":8080" is not a valid host name: it has a port, and Traefik compares the request's host without its port)r"},
    // Traefik strips the brackets of an IPv6 request host: Host(`::1`) matches, this never does.
    {R"r(Host(`[::1]`))r",
     R"r(E0431@6: "[::1]" is not a valid host name: Traefik takes the brackets off an IPv6 address in the request's host)r"},
    // Brackets and a port: both stripped from the request's host.
    {R"r(Host(`[::1]:8443`))r",
     R"r(E0431@6: "[::1]:8443" is not a valid host name: Traefik takes the brackets off an IPv6 address in the request's host)r"},
    // A URL is not a host; no Host header holds "://".
    {R"r(Host(`https://example.com/api`))r",
     R"r(E0431@11: "https://example.com/api" is not a valid host name: it is a URL; Host() takes the host name alone)r"},
    // The path goes in its own matcher; no Host header holds '/'.
    {R"r(Host(`example.com/api`))r",
     R"r(E0431@17: "example.com/api" is not a valid host name: it has a path; Host() takes the host name alone)r"},
    // The user part of a URL never reaches the Host header.
    {R"r(Host(`user@example.com`))r",
     R"r(E0431@10: "user@example.com" is not a valid host name: it has a user name, which no Host header carries)r"},
    // Traefik trims spaces from the request's host, and Go's server refuses one inside.
    {R"r(Host(`example.com `))r",
     R"r(E0431@17: "example.com " is not a valid host name: it has a space, which no HTTP Host header can carry)r"},
    // Go's HTTP server answers 400 to a Host header with a control character.
    {R"r(Host("a\tb.example.com"))r",
     R"r(E0431@7: "a\tb.example.com" is not a valid host name: it has the control character \t, which no HTTP Host header can carry)r"},
    // ... or with a quote, a backslash, '?', '#', '|' and the like.
    {R"r(Host(`a"b.example.com`))r",
     R"r(E0431@7: "a"b.example.com" is not a valid host name: it has '"', which no HTTP Host header can carry)r"},
    {R"r(Host(`a|b.example.com`))r",
     R"r(E0431@7: "a|b.example.com" is not a valid host name: it has '|', which no HTTP Host header can carry)r"},
    // A leading dot: no DNS name has an empty label, so no client resolves one and sends it.
    {R"r(Host(`.example.com`))r",
     R"r(E0431@6: ".example.com" is not a valid host name: it has an empty label (a dot at the start, two in a row, or two at the end))r"},
    // Two dots in a row: the same.
    {R"r(Host(`a..example.com`))r",
     R"r(E0431@8: "a..example.com" is not a valid host name: it has an empty label (a dot at the start, two in a row, or two at the end))r"},
    // One trailing dot is ignored; a second one makes an empty label.
    {R"r(Host(`example.com..`))r",
     R"r(E0431@18: "example.com.." is not a valid host name: it has an empty label (a dot at the start, two in a row, or two at the end))r"},
    // A wildcard over no domain: Traefik ends up comparing "*" with hosts of one label (localhost), not a wildcard.
    {R"r(Host(`*.`))r",
     R"r(E0431@8: "*." is not a valid host name: it has an empty label (a dot at the start, two in a row, or two at the end))r"},
    // DNS limits a label to 63 characters, so no resolvable host has a longer one.
    {R"r(Host(`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com`))r",
     R"r(E0431@6: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com" is not a valid host name: label "aaaaaaaaaaaaaaaaaaaa..." is longer than 63 characters, the most DNS allows)r"},
};

TEST(NeverMatches, EachIsRejectedWithItsDiagnostic)
{
  for (const auto& c : k_never_matches) {
    EXPECT_EQ(problems_of(c.rule, c.protocol), c.expected) << c.rule;
  }
}

// A name over 253 characters cannot be written as a short literal above.
TEST(NeverMatches, NamesLongerThanDnsAllows)
{
  std::string name;
  for (int i = 0; i < 4; ++i) {
    name += std::string(63, 'a') + ".";
  }
  const std::string why = " is not a valid host name: it is longer than 253 characters, the most a DNS name has";
  EXPECT_EQ(problems_of("Host(`" + name + "com`)"), "E0431@6: \"" + name + "com\"" + why);
}

// Traefik's own test rules that edgegen rejects (tests/traefik-rules-rejections.txt)
// are all on the documented list.
TEST(NeverMatches, ListsEveryRejectionOfTraefiksOwnRules)
{
  std::ifstream in("tests/traefik-rules-rejections.txt");
  ASSERT_TRUE(in) << "run from the source tree";
  std::string line;
  size_t count = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    ++count;
    std::string rule = line.substr(0, line.find('\t'));
    bool listed = std::any_of(std::begin(k_never_matches), std::end(k_never_matches),
                              [&](const Case& c) { return rule == c.rule; });
    EXPECT_TRUE(listed) << rule << " is rejected but not on the documented list";
    EXPECT_NE(line.find('\t'), std::string::npos) << line << ": no reason after a tab";
  }
  EXPECT_GT(count, 0u);
}

} // namespace
} // namespace edgegen::rules
