#include "model/model.hpp"
#include "model/routing.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::model {
namespace {

TEST(ModelLookup, AWildcardCertificateCoversOneLabelBelowItsDomain)
{
  EXPECT_TRUE(certificate_covers("example.com", "example.com"));
  EXPECT_TRUE(certificate_covers("*.example.com", "a.example.com"));
  EXPECT_TRUE(certificate_covers("*.example.com", "*.example.com"));
  EXPECT_FALSE(certificate_covers("*.example.com", "example.com"));
  EXPECT_FALSE(certificate_covers("*.example.com", "a.b.example.com"));
  EXPECT_FALSE(certificate_covers("*.example.com", "*.a.example.com"));
  EXPECT_FALSE(certificate_covers("*.example.com", ".example.com"));
  EXPECT_FALSE(certificate_covers("*.example.com", "aexample.com"));
  EXPECT_FALSE(certificate_covers("a.example.com", "b.example.com"));
  EXPECT_FALSE(certificate_covers("*.", "a."));
}

TEST(ModelLookup, HostRulesQuoteTheHostAndTurnAWildcardIntoOneLabelRegexp)
{
  EXPECT_EQ(traefik_host_rule("a.example.com"), "Host(`a.example.com`)");
  EXPECT_EQ(traefik_host_rule("*.apps.example.com"), "HostRegexp(`^[a-z0-9-]+\\.apps\\.example\\.com$`)");
}

TEST(ModelLookup, SpecificPriorityRanksHostThenExactPathThenPrefixLength)
{
  EXPECT_EQ(specific_priority("a.example.com", "", false), 20000);
  EXPECT_EQ(specific_priority("a.example.com", "/", false), 20000);
  EXPECT_EQ(specific_priority("a.example.com", "/api", false), 20004);
  EXPECT_EQ(specific_priority("a.example.com", "/api", true), 25004);
  EXPECT_EQ(specific_priority("*.example.com", "", false), 10000);
  EXPECT_EQ(specific_priority("*.example.com", "/api", true), 15004);
  EXPECT_EQ(specific_priority("a.example.com", "/" + std::string(6000, 'x'), false), 24999);
  // A wildcard never outranks an exact host, whatever its path.
  EXPECT_LT(specific_priority("*.example.com", "/" + std::string(6000, 'x'), true),
            specific_priority("a.example.com", "", false));
}

TEST(ModelLookup, RouteMatchBuildsTheRuleFromHostAndPathUnlessOneIsWritten)
{
  Route route;
  route.set_host("a.example.com");
  route.edit().path = "/api";
  RouteMatch prefix = route_match(route);
  EXPECT_EQ(rule_text(route), "Host(`a.example.com`) && PathPrefix(`/api`)");
  EXPECT_EQ(route.rule(), ""); // made again from host and path, not held
  EXPECT_EQ(prefix.priority, std::optional<int64_t>(20004));
  EXPECT_EQ(prefix.scope.hosts, std::vector<std::string>{"a.example.com"});
  ASSERT_EQ(prefix.scope.paths.size(), 1u);
  EXPECT_EQ(prefix.scope.paths[0].value, "/api");

  route.edit().path = "/login";
  route.edit().exact_path = true;
  EXPECT_EQ(route.path(), "/login");
  EXPECT_EQ(route.path_prefix(), "");
  RouteMatch exact = route_match(route);
  EXPECT_EQ(rule_text(route), "Host(`a.example.com`) && Path(`/login`)");
  EXPECT_EQ(exact.priority, std::optional<int64_t>(25006));

  route.edit().path = "/";
  route.edit().exact_path = false;
  EXPECT_EQ(route.path(), "");
  EXPECT_EQ(route.path_prefix(), "/");
  route.edit().priority = 7;
  RouteMatch root = route_match(route);
  EXPECT_EQ(rule_text(route), "Host(`a.example.com`)");
  EXPECT_EQ(root.priority, std::optional<int64_t>(7));
  EXPECT_TRUE(root.scope.paths.empty());

  Route raw;
  raw.edit().raw = true;
  const std::string text = "Host(`b.example.com`) || Host(`c.example.com`)";
  raw.set_match(route_match(raw, text), text);
  const RouteMatch& written = raw.match;
  EXPECT_EQ(raw.rule(), text);
  EXPECT_EQ(rule_text(raw), text);
  EXPECT_EQ(raw.host(), "");
  EXPECT_EQ(route.rule(), "");
  EXPECT_EQ(written.priority, std::nullopt);
  EXPECT_EQ(written.scope.hosts, (std::vector<std::string>{"b.example.com", "c.example.com"}));
}

TEST(ModelLookup, AddressPortReadsThePortOrSaysThereIsNone)
{
  EXPECT_EQ(address_port(":80"), 80);
  EXPECT_EQ(address_port("0.0.0.0:443/tcp"), 443);
  EXPECT_EQ(address_port("[::1]:8443"), 8443);
  EXPECT_EQ(address_port(":53/udp"), 53);
  EXPECT_EQ(address_port("localhost"), -1);
  EXPECT_EQ(address_port(":"), -1);
  EXPECT_EQ(address_port(":http"), -1);
  EXPECT_EQ(address_port(":12345678"), -1);
  EXPECT_EQ(address_port(""), -1);
}

TEST(ModelLookup, ServiceUrlsAreTheWrittenOnesElseSchemeHostAndPort)
{
  Service service;
  service.host = "shop-api";
  service.port = 8000;
  EXPECT_EQ(service_urls(service), std::vector<std::string>{"http://shop-api:8000"});
  service.scheme = "https";
  EXPECT_EQ(service_urls(service), std::vector<std::string>{"https://shop-api:8000"});
  service.urls = {"http://10.0.0.1:80", "http://10.0.0.2:80"};
  EXPECT_EQ(service_urls(service), (std::vector<std::string>{"http://10.0.0.1:80", "http://10.0.0.2:80"}));
}

const char* k_entry_points = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: test}
spec:
  targets: [traefik, kubernetes]
  defaultIssuer: le
  entryPoints:
    web: {address: ":80"}
    websecure: {address: ":443"}
    admin: {address: ":8443"}
    plain: {address: "0.0.0.0:8080"}
    metrics: {address: ":9100/tcp"}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec: {acme: {email: a@example.com, solver: {http01: {entryPoint: web}}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: dns}
spec:
  acme:
    email: a@example.com
    solver: {dns01: {provider: cloudflare, apiTokenSecretRef: {name: cf, key: token}}}
)";

TEST(ModelLookup, EntryPointsServeTlsOnPort443OrWhereAnotherRedirects)
{
  auto c = testing::compile(k_entry_points);
  const Config& config = testing::config_of(c);
  std::vector<std::string> tls, plain;
  for (const auto& entry_point : config.edge.entry_points) {
    if (serves_tls(config, entry_point)) {
      tls.push_back(entry_point.name);
    }
    if (serves_plain_http(entry_point)) {
      plain.push_back(entry_point.name);
    }
  }
  EXPECT_EQ(tls, std::vector<std::string>{"websecure"});
  EXPECT_EQ(plain, std::vector<std::string>{"web"});
  // Unnamed: every entry point that does not redirect (sorted by name), for
  // TLS not :80.
  EXPECT_EQ(entry_points_of(config, {}, false),
            (std::vector<std::string>{"admin", "metrics", "plain", "web", "websecure"}));
  EXPECT_EQ(entry_points_of(config, {}, true), (std::vector<std::string>{"admin", "metrics", "plain", "websecure"}));
  Ref named;
  named.name = "web";
  EXPECT_EQ(entry_points_of(config, {named}, true), std::vector<std::string>{"web"});

  // The default entry points: web redirects to websecure.
  auto defaults = testing::compile_files({});
  const Config& redirecting = testing::config_of(defaults);
  ASSERT_EQ(redirecting.edge.entry_points.size(), 2u);
  EXPECT_TRUE(serves_tls(redirecting, redirecting.edge.entry_points.at(1)));
  EXPECT_FALSE(serves_tls(redirecting, redirecting.edge.entry_points.at(0)));
  EXPECT_EQ(entry_points_of(redirecting, {}, false), std::vector<std::string>{"websecure"});
}

TEST(ModelLookup, TargetsAndIssuersAreFoundByName)
{
  auto c = testing::compile(k_entry_points);
  const Config& config = testing::config_of(c);
  EXPECT_TRUE(has_target(config, "traefik"));
  EXPECT_TRUE(has_target(config, "kubernetes"));
  EXPECT_FALSE(has_target(config, "compose"));
  const Issuer* dns = find_issuer(config, "dns");
  ASSERT_NE(dns, nullptr);
  EXPECT_EQ(dns->name, "dns");
  EXPECT_EQ(find_issuer(config, "nope"), nullptr);
  EXPECT_EQ(acme_clients(config), (std::vector<AcmeClient>{AcmeClient::traefik, AcmeClient::cert_manager}));
}

TEST(ModelLookup, TheSolverIngressWaitsWhereItsEntryPointRedirects)
{
  auto c = testing::compile(k_entry_points);
  const Config& config = testing::config_of(c);
  SolverIngress plain = solver_ingress(config, *find_issuer(config, "le"));
  EXPECT_EQ(plain.entry_point, "web");
  EXPECT_FALSE(plain.tls);
  EXPECT_EQ(plain.priority, rules::k_max_priority);

  auto defaults = testing::compile_files({});
  const Config& redirecting = testing::config_of(defaults);
  SolverIngress redirected = solver_ingress(redirecting, *find_issuer(redirecting, "le"));
  EXPECT_EQ(redirected.entry_point, "websecure");
  EXPECT_TRUE(redirected.tls);
}

TEST(ModelLookup, TraefikAddsItsOwnAcmeRouterOnlyWhenItIsTheAcmeClient)
{
  auto names = [](const RoutingTable& table) {
    std::vector<std::string> out;
    for (const auto& router : table.routers) {
      out.push_back(std::string(router.name) + " " + table.service_of(router));
    }
    return out;
  };
  auto traefik = testing::compile_files({});
  RoutingTable with_acme = traefik_routing_table(testing::config_of(traefik));
  EXPECT_EQ(names(with_acme), std::vector<std::string>{"acme-http@internal acme-http@internal"});
  EXPECT_EQ(with_acme.routers.at(0).entry_points, std::vector<std::string>{"web"});
  EXPECT_FALSE(with_acme.location_of(with_acme.routers.at(0)).has_value());

  // On Kubernetes cert-manager answers, through a solver Ingress that
  // exists only while a challenge runs.
  std::string kubernetes = testing::k_edge;
  kubernetes.replace(kubernetes.find("  vars:"), 0, "  targets: [kubernetes]\n");
  auto cluster = testing::compile(kubernetes);
  EXPECT_EQ(acme_clients(testing::config_of(cluster)), std::vector<AcmeClient>{AcmeClient::cert_manager});
  EXPECT_EQ(names(traefik_routing_table(testing::config_of(cluster))), std::vector<std::string>{});
}

TEST(ModelLookup, RoutersOnTheSameEntryPointsShareOneList)
{
  auto c = testing::compile_files({{"p.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: p
spec:
  services:
    s: {port: 80}
  routes:
    - {name: a, host: a.example.com, service: s}
    - {name: b, host: b.example.com, service: s}
    - {name: c, host: c.example.com, service: s, entryPoints: [websecure]}
)"}});
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  RoutingTable table = routing_table(testing::config_of(c));
  ASSERT_EQ(table.routers.size(), 3u);
  const auto& routers = table.routers;
  EXPECT_EQ(routers[0].entry_points, std::vector<std::string>{"websecure"});
  EXPECT_TRUE(routers[1].entry_points.shares(routers[0].entry_points));
  EXPECT_EQ(routers[2].entry_points, std::vector<std::string>{"websecure"});
}

// A route's host is held once: as its scope's host, unless it is written
// otherwise than normalised; a raw rule's route has none of its own.
TEST(ModelLookup, ARouteHoldsItsHostOnceWhereTheScopeHoldsItAlike)
{
  Route route;
  route.set_host("a.example.com");
  route.set_match(route_match(route));
  EXPECT_EQ(route.host(), "a.example.com");
  EXPECT_EQ(&route.host(), &route.match.scope.hosts.at(0));

  Route written;
  written.set_host("A.Example.com.");
  written.set_match(route_match(written));
  EXPECT_EQ(written.host(), "A.Example.com.");
  EXPECT_EQ(written.match.scope.hosts, std::vector<std::string>{"a.example.com"});
  EXPECT_EQ(rule_text(written), "Host(`A.Example.com.`)");

  Route raw;
  raw.edit().raw = true;
  raw.set_match(route_match(raw, "Host(`b.example.com`)"), "Host(`b.example.com`)");
  EXPECT_EQ(raw.host(), "");
  EXPECT_EQ(raw.rule(), "Host(`b.example.com`)");
  EXPECT_EQ(raw.match.scope.hosts, std::vector<std::string>{"b.example.com"});

  Route none;
  none.set_match(route_match(none));
  EXPECT_EQ(none.host(), "");
}

// The model holds each route's rule as text: RouteRules parses those of one
// environment, and finds each from its project and route. It holds the raw
// rules parsed; a route of host and path's rule as its values and what its
// parse said, and parses it again when asked for its matchers.
TEST(ModelLookup, RouteRulesParseEveryRouteOfOneEnvironment)
{
  const std::string services = "  services:\n    s: {port: 80}\n  routes:\n";
  auto c = testing::compile_files(
      {{"p.yaml",
        testing::project("p", services + R"yaml(    - {name: a, host: a.example.com, pathPrefix: /api, service: s}
    - {name: b, rule: "Host(`b.example.com`) || Header(`X-Beta`, `1`)", service: s}
)yaml")},
       {"q.yaml", testing::project("q", services + "    - {host: q.example.com, service: s}\n")}});
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const Config& config = testing::config_of(c);
  ASSERT_EQ(config.projects.size(), 2u);
  const Project& p = config.projects[0];
  const Project& q = config.projects[1];
  const RouteRules parsed(config);
  rules::Rule scratch;
  auto matchers = [&](const Project& project, const Route& route) {
    std::vector<std::string> out;
    for (const auto& matcher : parsed.of(project, route, scratch).matchers) {
      out.push_back(std::string(matcher.name) + " " + matcher.arguments.at(0).value);
    }
    return out;
  };
  EXPECT_EQ(matchers(p, p.routes.at(0)), (std::vector<std::string>{"Host a.example.com", "PathPrefix /api"}));
  EXPECT_EQ(matchers(p, p.routes.at(1)), (std::vector<std::string>{"Host b.example.com", "Header X-Beta"}));
  EXPECT_FALSE(parsed.of(p, p.routes.at(1), scratch).conjunction);
  EXPECT_EQ(&parsed.of(p, p.routes.at(1), scratch), parsed.held(p, p.routes.at(1)));
  EXPECT_EQ(parsed.held(p, p.routes.at(0)), nullptr);
  EXPECT_EQ(&parsed.of(p, p.routes.at(0), scratch), &scratch);
  const rules::HostPath a = parsed.host_path(p, p.routes.at(0));
  ASSERT_TRUE(a.host && a.path);
  EXPECT_EQ(*a.host, "a.example.com");
  EXPECT_EQ(*a.path, "/api");
  EXPECT_FALSE(a.exact);
  EXPECT_TRUE(a.builds && a.ok);
  EXPECT_TRUE(parsed.ok(p, p.routes.at(0)) && parsed.ok(p, p.routes.at(1)));
  EXPECT_EQ(parsed.host_path(p, p.routes.at(1)).host, nullptr); // a raw rule's is held()
  // The rule's offsets are in its text: the one built from host and path,
  // or the raw one the route holds.
  EXPECT_EQ(parsed.text_of(p, p.routes.at(0)), "Host(`a.example.com`) && PathPrefix(`/api`)");
  EXPECT_EQ(parsed.text_of(p, p.routes.at(1)), p.routes.at(1).rule());
  EXPECT_EQ(parsed.size_of(p, p.routes.at(0)), std::string("Host(`a.example.com`) && PathPrefix(`/api`)").size());
  EXPECT_EQ(parsed.size_of(p, p.routes.at(1)), p.routes.at(1).rule().size());
  const rules::Argument& prefix = parsed.of(p, p.routes.at(0), scratch).matchers.at(1).arguments.at(0);
  EXPECT_EQ(prefix.literal(parsed.text_of(p, p.routes.at(0))), "`/api`");
  EXPECT_EQ(matchers(q, q.routes.at(0)), std::vector<std::string>{"Host q.example.com"});
  // A route of another project, or of a copy of the environment, is not one of these.
  EXPECT_THROW(parsed.of(p, q.routes.at(0), scratch), std::logic_error);
  EXPECT_THROW(parsed.host_path(p, q.routes.at(0)), std::logic_error);
  const Config copy = config;
  EXPECT_THROW(parsed.of(copy.projects[0], copy.projects[0].routes[0], scratch), std::logic_error);
}

TEST(ModelLookup, CertificateRequestsOfTheEnvironmentComeFirst)
{
  Config config;
  CertificateRequest edge_wide;
  edge_wide.name = "edge";
  edge_wide.issuer.resolved = "le";
  edge_wide.domains = {"*.example.com"};
  config.edge.certificates = {edge_wide};
  CertificateRequest own = edge_wide;
  own.name = "environment";
  config.environment.certificates = {own};
  EXPECT_EQ(certificate_request(config, "a.example.com", "le")->name, "environment");
  config.environment.certificates.clear();
  EXPECT_EQ(certificate_request(config, "a.example.com", "le")->name, "edge");
  EXPECT_EQ(certificate_request(config, "a.example.com", "dns"), nullptr);
  EXPECT_EQ(certificate_request(config, "example.com", "le"), nullptr);
}

} // namespace
} // namespace edgegen::model
