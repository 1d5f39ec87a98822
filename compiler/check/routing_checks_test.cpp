// The checks that run requests through the routing model: HTTP-01
// challenges reach their solver (E0491), hosts with a DNS record or a
// requested certificate are served (E0492, W0606), and a shadowed route
// comes with a request that shows it (E0423). End-to-end: tests/errors/.
#include "check/check.hpp"
#include "check/requests.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using testing::compile_files;
using testing::messages;
using V = std::vector<std::string>;

// An Edge with `settings` (entry points, targets…) and an HTTP-01 issuer
// with `http01` as its settings; a project with one route per host.
std::string edge(const std::string& settings, const std::string& http01 = "{}")
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: test
spec:
  defaultIssuer: le
)" + settings +
         R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: le
spec:
  acme:
    email: a@example.com
    solver:
      http01: )" +
         http01 + "\n";
}

std::string project(const std::string& routes)
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team
spec:
  services:
    web:
      port: 80
  routes:
)" + routes;
}

const std::string k_route = R"(    - host: a.example.com
      service: web
)";
const std::string k_entry_points = R"(  entryPoints:
    web: {address: ":80", redirectTo: websecure}
    websecure: {address: ":443"}
)";

std::vector<std::string> check(const std::string& edge_text, const std::string& routes = k_route, bool warnings = false)
{
  return messages(compile_files({{"edge.yaml", edge_text}, {"a.yaml", project(routes)}}, false), warnings);
}

TEST(AcmeChallenges, TraefikAnswersOnTheRedirectingEntryPointAtMaxInt)
{
  EXPECT_EQ(check(edge(k_entry_points)), V{});
  EXPECT_EQ(check(edge(k_entry_points + "  targets: [compose]\n")), V{});
}

TEST(AcmeChallenges, TraefiksSolverOnTheHttpsEntryPointIsNeverAsked)
{
  EXPECT_EQ(check(edge(k_entry_points, "{entryPoint: websecure}")),
            V{"edge.yaml:19:28: E0491: HTTP-01 challenge for \"a.example.com\" does not reach the solver (Traefik's "
              "acme-http@internal, priority MaxInt): GET http://a.example.com/.well-known/acme-challenge/<token>: "
              "entry point \"web\" redirects it (301) to https://a.example.com/.well-known/acme-challenge/<token>; on "
              "entry point \"websecure\": router \"team-web\" (priority 20000) at a.yaml:10:7 takes it"});
}

TEST(AcmeChallenges, NoEntryPointOnPort80)
{
  EXPECT_EQ(check(edge(R"(  entryPoints:
    websecure: {address: ":443"}
)",
                       "{entryPoint: websecure}")),
            V{"edge.yaml:18:28: E0491: HTTP-01 challenge for \"a.example.com\" does not reach the solver (Traefik's "
              "acme-http@internal, priority MaxInt): GET http://a.example.com/.well-known/acme-challenge/<token>: no "
              "entry point listens on port 80, where the CA connects"});
}

TEST(AcmeChallenges, CertManagersSolverWaitsBehindTheRedirection)
{
  EXPECT_EQ(check(edge(k_entry_points + "  targets: [kubernetes]\n")), V{});
  // Plain HTTP on :80 only: the solver is there, above the route.
  EXPECT_EQ(check(edge(R"(  entryPoints:
    web: {address: ":80"}
  targets: [kubernetes]
)"),
                  k_route + "      tls: false\n"),
            V{});
}

TEST(AcmeChallenges, CertManagerAndARedirectionToAPortTheCaDoesNotFollow)
{
  EXPECT_EQ(check(edge(R"(  entryPoints:
    web: {address: ":80", redirectTo: websecure}
    websecure: {address: ":8443"}
  targets: [kubernetes]
)")),
            V{"edge.yaml:12:1: E0491: HTTP-01 challenge for \"a.example.com\" does not reach the solver "
              "(cert-manager's solver Ingress, priority 9223372036854774807): GET "
              "http://a.example.com/.well-known/acme-challenge/<token>: entry point \"web\" redirects it (301) to "
              "https://a.example.com:8443/.well-known/acme-challenge/<token>, a port the CA does not follow (only 80 "
              "and 443)"});
}

TEST(AcmeChallenges, ARouteAtTheSolversPriorityIsBlamed)
{
  EXPECT_EQ(
      check(edge(k_entry_points + "  targets: [kubernetes]\n"), k_route + "      priority: 9223372036854774807\n"),
      V{"a.yaml:10:7: E0491: HTTP-01 challenge for \"a.example.com\" does not reach the solver (cert-manager's "
        "solver Ingress, priority 9223372036854774807): GET "
        "http://a.example.com/.well-known/acme-challenge/<token>: entry point \"web\" redirects it (301) to "
        "https://a.example.com/.well-known/acme-challenge/<token>; on entry point \"websecure\": router "
        "\"team-web\" has the solver's priority (9223372036854774807), so Traefik may send it there"});
}

TEST(ServedHosts, ARequestedCertificateNoRouterUses)
{
  auto with = [](const std::string& domains) {
    return edge(k_entry_points + R"(  certificates:
    - name: shop
      domains: )" +
                domains + "\n");
  };
  EXPECT_EQ(check(with("[shop.example.com]"), k_route, true),
            V{"edge.yaml:11:7: W0606: certificate \"shop\" is for hosts no router serves: GET "
              "https://shop.example.com/: no router matches it (404)"});
  EXPECT_EQ(check(with("[a.example.com, shop.example.com]"), k_route, true), V{});
}

TEST(ServedHosts, AWildcardCertificateIsUsedByAHostBelowIt)
{
  std::string dns_issuer = R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: dns
spec:
  acme:
    email: a@example.com
    solver:
      dns01: {provider: cloudflare}
)";
  std::string text = edge(k_entry_points + R"(  certificates:
    - name: all
      issuer: dns
      domains: [example.com, "*.example.com"]
)") + dns_issuer;
  EXPECT_EQ(check(text, k_route + "      issuer: dns\n", true), V{});
  EXPECT_EQ(check(text, R"(    - host: a.example.net
      service: web
      issuer: dns
)",
                  true),
            V{"edge.yaml:11:7: W0606: certificate \"all\" is for hosts no router serves: GET https://example.com/: no "
              "router matches it (404)"});
}

TEST(ServedHosts, ADnsRecordForAHostNoRequestReaches)
{
  std::string text = edge(k_entry_points + R"(  targets: [dns]
  dns:
    addresses: ["192.0.2.1"]
    zones: [{name: example.com}]
)");
  EXPECT_EQ(check(text), V{});
  EXPECT_EQ(check(text, R"(    - rule: Host(`a.example.com`) && Method(`GET`) && Method(`POST`)
      service: web
)"),
            V{"a.yaml:10:7: E0492: host \"a.example.com\" gets a DNS record but no router serves it: GET "
              "https://a.example.com/: no router matches it (404)"});
}

TEST(Shadowing, TheMessageCarriesARequestTheModelSendsToTheWinner)
{
  EXPECT_EQ(check(edge(k_entry_points), R"(    - name: all
      host: a.example.com
      service: web
      priority: 30000
    - name: api
      host: a.example.com
      pathPrefix: /api
      service: web
)"),
            V{"a.yaml:14:7: E0423: route is never reached: route \"team-all\" matches every request it matches, "
              "with a higher priority (30000 > 20004): GET https://a.example.com/api goes to \"team-all\""});
  EXPECT_EQ(check(edge(k_entry_points), R"(    - name: any
      host: "*.example.com"
      service: web
      tls: false
      entryPoints: [websecure]
    - name: beta
      rule: Host(`b.example.com`) && HeaderRegexp(`X-Beta`, `^(on|yes)$`) && Method(`POST`)
      service: web
      tls: false
)"),
            V{"a.yaml:15:7: E0423: route is never reached: route \"team-any\" matches every request it matches, "
              "with a higher priority (10000 > 79): POST http://b.example.com:443/ with header X-Beta: on goes to "
              "\"team-any\""});
}

std::string tie_message(const std::string& at, const std::string& other, const std::string& request,
                        const std::string& priority)
{
  return at + ": E0424: route ties with route \"" + other + "\" at priority " + priority + ": both match " + request +
         ", and Traefik's order between routers of equal priority is undefined";
}

TEST(PriorityTies, TwoRoutesThatShareARequestAndAPriorityAreBothReported)
{
  EXPECT_EQ(check(edge(k_entry_points), R"(    - name: all
      host: a.example.com
      service: web
      priority: 100
    - name: api
      host: a.example.com
      pathPrefix: /api
      service: web
      priority: 100
)"),
            (V{tie_message("a.yaml:10:7", "team-api", "GET https://a.example.com/api", "100"),
               tie_message("a.yaml:14:7", "team-all", "GET https://a.example.com/api", "100")}));
  // Raw rules of the same length (their default priority) that a request
  // with both headers satisfies; a wildcard and a host below it.
  EXPECT_EQ(
      check(edge(k_entry_points), R"(    - name: x
      rule: Host(`a.example.com`) && Header(`X-A`, `1`)
      service: web
    - name: y
      rule: Host(`a.example.com`) && Header(`X-B`, `1`)
      service: web
)"),
      (V{tie_message("a.yaml:10:7", "team-y", "GET https://a.example.com/ with header X-A: 1 with header X-B: 1", "43"),
         tie_message("a.yaml:13:7", "team-x", "GET https://a.example.com/ with header X-A: 1 with header X-B: 1",
                     "43")}));
  EXPECT_EQ(check(edge(R"(  entryPoints:
    web: {address: ":80"}
)"),
                  R"(    - name: any
      host: "*.example.com"
      service: web
      priority: 7
      tls: false
    - name: one
      host: a.example.com
      service: web
      priority: 7
      tls: false
)"),
            (V{tie_message("a.yaml:10:7", "team-one", "GET http://a.example.com/", "7"),
               tie_message("a.yaml:15:7", "team-any", "GET http://a.example.com/", "7")}));
}

TEST(PriorityTies, NoTieWhereTheRequestsOrThePrioritiesDiffer)
{
  // The same computed priority (20004), disjoint paths.
  EXPECT_EQ(check(edge(k_entry_points), R"(    - name: api
      host: a.example.com
      pathPrefix: /api
      service: web
    - name: web
      host: a.example.com
      pathPrefix: /web
      service: web
)"),
            V{});
  // Disjoint hosts, entry points, TLS; the same rule and priority is E0421 only.
  std::string two = k_entry_points + "    admin: {address: \":8443\"}\n";
  EXPECT_EQ(check(edge(two), R"(    - name: a
      host: a.example.com
      service: web
      priority: 5
      entryPoints: [websecure]
    - name: b
      host: b.example.com
      service: web
      priority: 5
    - name: c
      host: a.example.com
      pathPrefix: /c
      service: web
      priority: 5
      entryPoints: [admin]
    - name: d
      host: a.example.com
      pathPrefix: /d
      service: web
      priority: 5
      tls: false
)"),
            V{});
  EXPECT_EQ(check(edge(k_entry_points), R"(    - name: a
      host: a.example.com
      service: web
    - name: b
      host: a.example.com
      service: web
)"),
            V{"a.yaml:13:7: E0421: host \"a.example.com\" and pathPrefix \"/\" is already routed"});
  // A third route above both takes every request they share.
  EXPECT_EQ(check(edge(k_entry_points), R"(    - name: api
      host: a.example.com
      pathPrefix: /api
      service: web
      priority: 100
    - name: beta
      rule: Host(`a.example.com`) && Header(`X-Beta`, `1`)
      service: web
      priority: 100
    - name: top
      host: a.example.com
      pathPrefix: /api
      service: web
      priority: 200
)"),
            V{"a.yaml:10:7: E0423: route is never reached: route \"team-top\" matches every request it matches, with "
              "a higher priority (200 > 100): GET https://a.example.com/api goes to \"team-top\""});
}

// Traefik keeps each entry point's routers apart, and its TLS routers from
// its plain ones: the same host and path twice is E0421 only where both meet.
TEST(RouteClaims, TheSameHostAndPathOnOtherEntryPointsOrTlsIsNoClaim)
{
  const std::string plain_and_tls = R"(  entryPoints:
    web: {address: ":80"}
    websecure: {address: ":443"}
)";
  EXPECT_EQ(check(edge(plain_and_tls), R"(    - name: a-web
      host: a.example.com
      service: web
      entryPoints: [web]
      tls: false
    - name: a
      host: a.example.com
      service: web
      entryPoints: [websecure]
)"),
            V{});
  // Without entryPoints the plain route is on web and websecure alike.
  EXPECT_EQ(check(edge(plain_and_tls), R"(    - name: a-any
      host: a.example.com
      service: web
      tls: false
    - name: a-web
      host: a.example.com
      service: web
      entryPoints: [web]
      tls: false
)"),
            V{"a.yaml:14:7: E0421: host \"a.example.com\" and pathPrefix \"/\" is already routed"});
}

TEST(Witness, ARequestTwoRulesBothMatch)
{
  auto common = [](const std::string& a, const std::string& b) {
    rules::Rule ra = rules::parse_rule(a), rb = rules::parse_rule(b);
    auto request = detail::common_request(ra, rb, "https", 443);
    return request ? detail::describe(*request) : "none";
  };
  EXPECT_EQ(common("Host(`a`) && PathPrefix(`/api`)", "Host(`a`)"), "GET https://a/api");
  EXPECT_EQ(common("Host(`a`)", "Host(`a`) && PathPrefix(`/api`)"), "GET https://a/api");
  EXPECT_EQ(common("HostRegexp(`^.+\\.example\\.com$`)", "Host(`b.example.com`) && Method(`POST`)"),
            "POST https://b.example.com/");
  EXPECT_EQ(common("Host(`a`) && PathPrefix(`/api`)", "Host(`a`) && PathPrefix(`/web`)"), "none");
  EXPECT_EQ(common("Host(`a`) && Method(`GET`)", "Host(`a`) && Method(`POST`)"), "none");
  EXPECT_EQ(common("Host(`a`)", "Host(`b`)"), "none");
}

TEST(Witness, RequestsMadeFromRulesAndConfirmed)
{
  auto witness = [](const std::string& text) {
    rules::Rule rule = rules::parse_rule(text);
    auto request = detail::witness_request(rule, "https", 443);
    return request ? detail::describe(*request) : "none";
  };
  EXPECT_EQ(witness("Host(`a.example.com`) && PathPrefix(`/api`)"), "GET https://a.example.com/api");
  EXPECT_EQ(witness("HostRegexp(`^[a-z]+\\.example\\.com$`) && Path(`/a b`)"), "GET https://a.example.com/a%20b");
  EXPECT_EQ(witness("Host(`a`) && (Method(`PUT`) || Header(`X-A`, `1`)) && Query(`q`, `v`)"), "PUT https://a/?q=v");
  EXPECT_EQ(witness("Host(`a`) && ClientIP(`10.0.0.0/8`) && PathRegexp(`^/v[0-9]{2}/`)"),
            "GET https://a/v00/ from 10.0.0.0");
  EXPECT_EQ(witness("Host(`a`) && !Method(`GET`)"), "none"); // the confirmation refuses GET
  EXPECT_EQ(witness("Host(`a`) && Method(`GET`) && Method(`POST`)"), "none");
  EXPECT_EQ(detail::regexp_sample("^(?i)x[^.]+\\.(a|b)\\d?$").value_or("none"), "xa.a");
  EXPECT_EQ(detail::regexp_sample("\\pL").value_or("none"), "none");
}

} // namespace
} // namespace edgegen::check
