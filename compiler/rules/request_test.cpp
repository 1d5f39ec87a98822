#include "rules/request.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace edgegen::rules {
namespace {

Request request(const std::string& url, const std::vector<std::string>& headers = {}, const std::string& method = "GET",
                const std::string& client_ip = "")
{
  Request out;
  auto error = make_request(url, method, headers, client_ip, out);
  EXPECT_FALSE(error.has_value()) << url << ": " << error.value_or("");
  return out;
}

std::string error_of(const std::string& url, const std::vector<std::string>& headers = {},
                     const std::string& method = "GET")
{
  Request out;
  return make_request(url, method, headers, "", out).value_or("");
}

bool routes(const std::string& rule, const std::string& url, const std::vector<std::string>& headers = {},
            const std::string& method = "GET", const std::string& client_ip = "")
{
  return matches(parse_rule(rule), request(url, headers, method, client_ip));
}

std::string path_of(const std::string& url)
{
  return request(url).path;
}

TEST(Request, TheHostIsTheUrlsInLowerCaseWithoutPortOrBrackets)
{
  Request r = request("http://EXAMPLE.COM:8080/path");
  EXPECT_EQ(r.scheme, "http");
  EXPECT_EQ(r.host, "example.com");
  EXPECT_EQ(r.port, 8080);
  EXPECT_EQ(r.path, "/path");
  EXPECT_EQ(request("HTTPS://example.com/").scheme, "https");
  EXPECT_EQ(request("https://example.com/").port, 443);
  EXPECT_EQ(request("http://example.com/").port, 80);
  EXPECT_EQ(request("http://example.com:/").port, 80);
  EXPECT_EQ(request("http://[10::10]/foo").host, "10::10");
  EXPECT_EQ(request("http://[::1]:8443/").port, 8443);
  EXPECT_EQ(request("http://user:pw@example.com/").host, "example.com");
  EXPECT_EQ(request("http://example.com./").host, "example.com.");
  EXPECT_EQ(request("http://\xf0\x9f\xa6\xad.com/").host, "\xf0\x9f\xa6\xad.com");
}

TEST(Request, TheHostHeaderCountsOnlyWhenTheAuthorityIsEmpty)
{
  EXPECT_EQ(request("http://@/", {"Host: Example.COM:8080"}).host, "example.com");
  EXPECT_EQ(request("http://@/", {"host: [::1]"}).host, "::1");
  EXPECT_EQ(request("http://example.com/", {"Host: example.org"}).host, "example.com");
  EXPECT_EQ(request("http://@/").host, "");
}

TEST(Request, QueryAndFragment)
{
  Request r = request("http://example.com?q=traefik");
  EXPECT_EQ(r.path, "/");
  EXPECT_EQ(r.raw_query, "q=traefik");
  r = request("http://example.com/a?b=1&c#frag?x");
  EXPECT_EQ(r.path, "/a");
  EXPECT_EQ(r.raw_query, "b=1&c");
  r = request("http://example.com/x#y?z");
  EXPECT_EQ(r.path, "/x");
  EXPECT_EQ(r.raw_query, "");
  EXPECT_EQ(request("http://example.com?a/b").host, "example.com");
}

TEST(Request, TheRoutingPathDecodesAllButReservedCharacters)
{
  EXPECT_EQ(path_of("http://foo/foo%20bar"), "/foo bar");
  EXPECT_EQ(path_of("http://foo/foo%2Fbar"), "/foo%2Fbar");
  EXPECT_EQ(path_of("http://foo/foo%2fbar"), "/foo%2Fbar");
  EXPECT_EQ(path_of("http://foo/foo%20bar%2Fbaz%23qux"), "/foo bar%2Fbaz%23qux");
  EXPECT_EQ(path_of("http://foo/%7Bpath:css%7D"), "/{path:css}");
  EXPECT_EQ(path_of("http://foo/{path:css}"), "/{path:css}");
  EXPECT_EQ(path_of("http://foo/caf%C3%a9"), "/caf\xc3\xa9");
  EXPECT_EQ(path_of("http://foo/%41%7e%ff"), "/A~\xff");
  EXPECT_EQ(path_of("http://foo/a+b%2B%2b"), "/a+b%2B%2B");
  EXPECT_EQ(path_of("http://foo/%25%3a%3A%40%21%24%26%27%28%29%2A%2C%3B%3D%5B%5D%3F"),
            "/%25%3A%3A%40%21%24%26%27%28%29%2A%2C%3B%3D%5B%5D%3F");
  // Go keeps the path as sent only when every byte may stand in a path;
  // else it re-encodes the decoded path, and %2F becomes a plain '/'.
  EXPECT_EQ(path_of("http://foo/{a}%2Fb"), "/{a}/b");
  EXPECT_EQ(path_of("http://foo/a|b%3Fc"), "/a|b%3Fc");
  EXPECT_EQ(path_of("http://foo"), "/");
  EXPECT_EQ(path_of("http://foo/"), "/");
  EXPECT_EQ(path_of("http://foo/.well-known/acme-challenge/a_b~c"), "/.well-known/acme-challenge/a_b~c");
}

TEST(Request, HeaderLinesKeepTheirOrderUnderCanonicalNames)
{
  Request r = request("http://example.com/", {"x-forwarded-proto:  https \t", "X-A: a, b", "X-FORWARDED-PROTO:http"});
  ASSERT_EQ(r.headers.size(), 3u);
  EXPECT_EQ(r.headers[0].first, "X-Forwarded-Proto");
  EXPECT_EQ(r.headers[0].second, "https");
  EXPECT_EQ(r.headers[1].second, "a, b");
  EXPECT_EQ(r.headers[2].first, "X-Forwarded-Proto");
  EXPECT_EQ(r.headers[2].second, "http");
  EXPECT_EQ(request("http://example.com/", {"X-Empty:"}).headers[0].second, "");
}

TEST(Request, WhatCannotBeSentIsReported)
{
  EXPECT_EQ(error_of("example.com/path"),
            R"(URL "example.com/path" is not absolute: write http://host/path or https://host/path)");
  EXPECT_EQ(error_of("ftp://example.com/"),
            R"(URL "ftp://example.com/" is not absolute: write http://host/path or https://host/path)");
  EXPECT_EQ(error_of("http://example.com/a b"),
            R"(URL "http://example.com/a b" has a space, which cannot be sent in a request line; write %20)");
  EXPECT_EQ(error_of("http://example.com/\x01"), "URL \"http://example.com/\x01\" has a control character");
  EXPECT_EQ(error_of("http://example.com/%zz"), R"(invalid URL escape "%zz")");
  EXPECT_EQ(error_of("http://example.com/a%4"), R"(invalid URL escape "%4")");
  EXPECT_EQ(error_of("http://localhost:80:80/"),
            R"(host "localhost:80:80" has more than one ':'; an IPv6 address goes in brackets)");
  EXPECT_EQ(error_of("http://example.com:8o/"), R"(invalid port ":8o" after host)");
  EXPECT_EQ(error_of("http://[::1/"), R"(missing ']' in host "[::1")");
  EXPECT_EQ(error_of("http://[::1]x/"), R"(invalid port "x" after host)");
  EXPECT_EQ(error_of("http://exa{mple.com/"), R"(invalid character "{" in host "exa{mple.com")");
  EXPECT_EQ(error_of("http://ex%41mple.com/"), R"(invalid URL escape "%41" in host)");
  EXPECT_EQ(error_of("http://us\"er@example.com/"), R"(invalid user information in URL "http://us"er@example.com/")");
  EXPECT_EQ(error_of("http://example.com:99999/"), "port 99999 is out of range");
  EXPECT_EQ(error_of("http://example.com/", {}, "G ET"), R"(method "G ET" is not an HTTP token such as GET)");
  EXPECT_EQ(error_of("http://example.com/", {}, ""), R"(method "" is not an HTTP token such as GET)");
  EXPECT_EQ(error_of("http://example.com/", {"NoColon"}),
            R"(header line "NoColon" is not Name: value, with a name of letters, digits and !#$%&'*+-.^_`|~)");
  EXPECT_EQ(error_of("http://example.com/", {"X Y: z"}),
            R"(header line "X Y: z" is not Name: value, with a name of letters, digits and !#$%&'*+-.^_`|~)");
  EXPECT_EQ(error_of("http://example.com/", {"X: a\x01"}),
            "header line \"X: a\x01\" has a control character in its value");
  EXPECT_EQ(error_of("http://@/", {"Host: a", "host: b"}),
            "more than one Host header line (Go's server answers 400 Bad Request)");
}

TEST(Matches, Host)
{
  EXPECT_TRUE(routes("Host(`example.com`)", "http://EXAMPLE.COM:8080/path"));
  EXPECT_TRUE(routes("Host(`EXAMPLE.COM`)", "http://example.com"));
  EXPECT_FALSE(routes("Host(`example.com`)", "http://example.org"));
  EXPECT_TRUE(routes("Host(`example.com.`)", "http://example.com"));
  EXPECT_TRUE(routes("Host(`example.com`)", "http://example.com./"));
  EXPECT_TRUE(routes("Host(`example.com.`)", "http://example.com./"));
  EXPECT_FALSE(routes("Host(`example.com..`)", "http://example.com/"));
  EXPECT_TRUE(routes("Host(`*.example.com`)", "http://a.example.com/"));
  EXPECT_FALSE(routes("Host(`*.example.com`)", "http://example.com/"));
  EXPECT_FALSE(routes("Host(`*.example.com`)", "http://a.b.example.com/"));
  EXPECT_FALSE(routes("Host(`*.example.com`)", "http://test.otherexample.com/"));
  EXPECT_TRUE(routes("Host(`*.EXAMPLE.com`)", "http://A.example.COM/"));
  EXPECT_TRUE(routes("Host(`*.example.com.`)", "http://a.example.com/"));
  EXPECT_FALSE(routes("Host(`*.com`)", "http://localhost/"));
  EXPECT_TRUE(routes("Host(`*`)", "http://localhost/"));
  EXPECT_TRUE(routes("Host(`*`)", "http://@/"));
  EXPECT_FALSE(routes("Host(`example.com`)", "http://@/"));
  EXPECT_TRUE(routes("Host(`example.com`)", "http://@/", {"Host: example.com"}));
  EXPECT_FALSE(routes("Host(`example.org`)", "http://example.com/", {"Host: example.org"}));
  EXPECT_FALSE(routes("Host(`xn--9t9h.com`)", "http://\xf0\x9f\xa6\xad.com/"));
  EXPECT_TRUE(routes("Host(`10::10`)", "http://[10::10]/foo"));
  EXPECT_TRUE(routes("Host(`127.0.0.1`)", "http://127.0.0.1:8000/foo"));
}

TEST(Matches, HostRegexp)
{
  EXPECT_TRUE(routes(R"(HostRegexp(`^[a-z]+\.com$`))", "http://EXAMPLE.com/"));
  EXPECT_FALSE(routes(R"(HostRegexp(`^[A-Z]+\.com$`))", "http://EXAMPLE.com/"));
  EXPECT_TRUE(routes("HostRegexp(`example`)", "http://www.example.org:81/"));
  // Also tried on the empty CNAME-flattening result.
  EXPECT_TRUE(routes("HostRegexp(`^$`)", "http://example.com/"));
  EXPECT_TRUE(routes("HostRegexp(`x*`)", "http://example.com/"));
  EXPECT_FALSE(routes("HostRegexp(`{domain:[a-z]+}`)", "http://example.com/"));
}

TEST(Matches, Paths)
{
  EXPECT_TRUE(routes("Path(`/css`)", "http://example.com/css"));
  EXPECT_FALSE(routes("Path(`/css`)", "http://example.com/css/"));
  EXPECT_TRUE(routes("PathPrefix(`/css`)", "http://example.com/cssx"));
  EXPECT_FALSE(routes("PathPrefix(`/css`)", "http://example.com/CSS"));
  EXPECT_TRUE(routes("Path(`/`)", "http://example.com?x=1"));
  EXPECT_TRUE(routes("Path(`/foo bar`)", "http://foo/foo%20bar"));
  EXPECT_FALSE(routes("Path(`/foo/bar`)", "http://foo/foo%2Fbar"));
  EXPECT_TRUE(routes("Path(`/foo%2Fbar`)", "http://foo/foo%2fbar"));
  EXPECT_TRUE(routes("PathRegexp(`^/(css|js)`)", "http://example.com/js/main.js"));
  EXPECT_FALSE(routes("PathRegexp(`^/(css|js)`)", "http://example.com/CSS"));
  EXPECT_TRUE(routes("PathRegexp(`css`)", "http://example.com/a/css"));
  EXPECT_TRUE(routes(R"(PathRegexp("/{path:(css|js)}"))", "http://example.com/%7Bpath:js%7D/"));
  EXPECT_TRUE(routes("PathRegexp(`^/.$`)", "http://example.com/%FF"));
}

TEST(Matches, Method)
{
  EXPECT_TRUE(routes("Method(`GET`)", "http://example.com/"));
  EXPECT_TRUE(routes("Method(`get`)", "http://example.com/"));
  EXPECT_FALSE(routes("Method(`GET`)", "http://example.com/", {}, "get"));
  EXPECT_FALSE(routes("Method(`get`)", "http://example.com/", {}, "get"));
  EXPECT_FALSE(routes("Method(`GET`)", "http://example.com/", {}, "POST"));
}

TEST(Matches, Headers)
{
  EXPECT_TRUE(routes("Header(`x-forwarded-proto`, `https`)", "http://e/", {"X-Forwarded-Proto: https"}));
  EXPECT_TRUE(routes("Header(`X-Forwarded-Proto`, `https`)", "http://e/",
                     {"x-forwarded-proto: http", "X-FORWARDED-PROTO: https"}));
  EXPECT_FALSE(routes("Header(`X-Forwarded-Proto`, `https`)", "http://e/", {"X-Forwarded-Proto: HTTPS"}));
  EXPECT_FALSE(routes("Header(`X-Forwarded-Proto`, `https`)", "http://e/", {"X-Forwarded-Host: https"}));
  EXPECT_FALSE(routes("Header(`X-A`, `b`)", "http://e/", {"X-A: a, b"}));
  EXPECT_TRUE(routes("Header(`X-A`, `a, b`)", "http://e/", {"X-A: a, b"}));
  // The Host line becomes the request's host, not a header.
  EXPECT_FALSE(routes("Header(`Host`, `example.com`)", "http://@/", {"Host: example.com"}));
  EXPECT_TRUE(routes("HeaderRegexp(`x-forwarded-proto`, `^https?$`)", "http://e/",
                     {"X-Forwarded-Proto: ws", "X-Forwarded-Proto: https"}));
  EXPECT_FALSE(routes("HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)", "http://e/", {"X-Forwarded-Proto: HTTPS"}));
  EXPECT_TRUE(routes("HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)", "http://e/",
                     {"X-Forwarded-Proto: http{secure:}"}));
}

TEST(Matches, Queries)
{
  EXPECT_TRUE(routes("Query(`mobile`)", "http://e/?mobile"));
  EXPECT_TRUE(routes("Query(`mobile`)", "http://e/?mobile="));
  EXPECT_FALSE(routes("Query(`mobile`)", "http://e/?mobile=true"));
  EXPECT_FALSE(routes("Query(`mobile`)", "http://e/"));
  EXPECT_TRUE(routes("Query(`q`, `traefik`)", "http://e/?q=awesome&q=traefik"));
  EXPECT_FALSE(routes("Query(`q`, `traefik`)", "http://e/?Q=traefik"));
  EXPECT_FALSE(routes("Query(`q`, `traefik`)", "http://e/?q=TRAEFIK"));
  EXPECT_FALSE(routes("Query(`q`, `traefik`)", "http://e/?q=traefik;x=1"));
  EXPECT_TRUE(routes("Query(`q`, `traefik`)", "http://e/?q=traefik&x=1;y"));
  EXPECT_TRUE(routes("Query(`q`, `traefik`)", "http://e/?q=tr%61efik"));
  EXPECT_TRUE(routes("Query(`q`, `a b`)", "http://e/?q=a+b"));
  EXPECT_FALSE(routes("Query(`q`, `traefik`)", "http://e/?q=traefik%zz"));
  EXPECT_TRUE(routes("QueryRegexp(`q`, `^.*$`)", "http://e/?q="));
  EXPECT_FALSE(routes("QueryRegexp(`q`, `^.*$`)", "http://e/?rel=q"));
  EXPECT_TRUE(routes("QueryRegexp(`q`, `^(traefik|nginx)$`)", "http://e/?q=proxy&q=nginx"));
  EXPECT_TRUE(routes("QueryRegexp(`mobile`)", "http://e/?mobile"));
  EXPECT_FALSE(routes("QueryRegexp(`mobile`)", "http://e/?mobile=1"));
}

TEST(Matches, ClientIP)
{
  EXPECT_TRUE(routes("ClientIP(`127.0.0.1`)", "http://e/", {}, "GET", "127.0.0.1"));
  EXPECT_TRUE(routes("ClientIP(`192.168.1.0/24`)", "http://e/", {}, "GET", "192.168.1.100:5555"));
  EXPECT_TRUE(routes("ClientIP(`192.168.1.0/24`)", "http://e/", {}, "GET", "::ffff:192.168.1.1"));
  EXPECT_FALSE(routes("ClientIP(`192.168.1.0/24`)", "http://e/", {}, "GET", "192.168.2.1"));
  EXPECT_FALSE(routes("ClientIP(`127.0.0.1`)", "http://e/", {}, "GET", "1"));
  EXPECT_FALSE(routes("ClientIP(`127.0.0.1`)", "http://e/", {"X-Forwarded-For: 127.0.0.1"}, "GET", ""));
  EXPECT_TRUE(routes("ClientIP(`2001:db8::/32`)", "http://e/", {}, "GET", "[2001:db8::5]:443"));
}

TEST(Matches, Operators)
{
  const char* precedence = R"(Host("example.com") || Host("example.org") && Path("/css"))";
  EXPECT_TRUE(routes(precedence, "http://example.com/js"));
  EXPECT_TRUE(routes(precedence, "http://example.org/css"));
  EXPECT_FALSE(routes(precedence, "http://example.org/js"));
  EXPECT_FALSE(routes(R"((Host("example.com") || Host("example.org")) && Path("/css"))", "http://example.com/js"));
  EXPECT_TRUE(routes(R"(!Host("example.com"))", "http://example.org/"));
  EXPECT_TRUE(routes(R"(!(Host("example.com") && !Path("/css")))", "http://example.com/css"));
  EXPECT_FALSE(routes(R"(!(Host("example.com") && !Path("/css")))", "http://example.com/js"));
  EXPECT_TRUE(routes(R"(!(!(Host("example.com") && Pathprefix("/css"))))", "http://example.com/css/a"));
  EXPECT_TRUE(routes(R"(PATHPREFIX("/css") && pathprefix("/c") && PathPrefix("/"))", "http://e/css"));
  std::string chain = "Path(`/a`)";
  for (int i = 0; i < 3000; ++i) {
    chain += " && PathPrefix(`/`)";
  }
  EXPECT_TRUE(routes(chain, "http://e/a"));
  EXPECT_FALSE(routes(chain, "http://e/b"));
}

TEST(Matches, RulesTraefikRefusesMatchNothingEvenNegated)
{
  for (const char* rule : {"Host(``)", "!Host(``)", "!Path(`css`)", "!Unknown(`x`)", "!HostRegexp(`(`)", "!Header(`X`)",
                           "!ClientIP(`1`)", "!Host(`\xc3\xa9.com`)", "!PathRegexp(``)", "!Header(`X`, ``)",
                           "!Query(`a`, `b`, `c`)", "!Path(`/a`", "!HostSNI(`a`)", "!QueryRegexp(`q`, `a**`)"}) {
    EXPECT_FALSE(routes(rule, "http://e/a")) << rule;
  }
}

// The 256 requests of the Traefik routing corpus (see its README), when it
// sits beside the project: the expected route is the matching one with the
// highest priority (its own, else the rule's length in bytes).
TEST(Matches, TraefikRoutingCorpus)
{
  std::ifstream in("../shared/conformance/traefik-routing/cases.jsonl");
  if (!in) {
    GTEST_SKIP() << "../shared/conformance/traefik-routing/cases.jsonl not found (run from the project root)";
  }
  int total = 0, agree = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      continue;
    }
    auto c = nlohmann::json::parse(line);
    ++total;
    std::vector<std::string> headers;
    for (const auto& [name, values] : c["request"]["headers"].items()) {
      for (const auto& value : values) {
        headers.push_back(name + ": " + value.get<std::string>());
      }
    }
    const auto& client_ip = c["request"]["client_ip"];
    Request r;
    auto error = make_request(c["request"]["url"].get<std::string>(), c["request"]["method"].get<std::string>(),
                              headers, client_ip.is_null() ? "" : client_ip.get<std::string>(), r);
    std::string winner = "null";
    long best = -1;
    for (const auto& route : c["routes"]) {
      std::string rule = route["rule"].get<std::string>();
      long priority = route["priority"].is_null() ? static_cast<long>(rule.size()) : route["priority"].get<long>();
      if (!error && priority > best && matches(parse_rule(rule), r)) {
        best = priority;
        winner = route["name"].get<std::string>();
      }
    }
    std::string expected = c["expect"]["route"].is_null() ? "null" : c["expect"]["route"].get<std::string>();
    if (winner == expected) {
      ++agree;
    } else {
      ADD_FAILURE() << c["source_file"].get<std::string>() << ":" << c["source_line"] << " " << c["routes"].dump()
                    << " " << c["request"].dump() << ": expected " << expected << ", got " << winner
                    << (error ? " (" + *error + ")" : "");
    }
  }
  std::cout << agree << " of " << total << " Traefik routing cases agree\n";
  EXPECT_EQ(total, 256);
  EXPECT_EQ(agree, total);
}

} // namespace
} // namespace edgegen::rules
