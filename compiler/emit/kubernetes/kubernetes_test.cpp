#include "emit/kubernetes/kubernetes.hpp"

#include "emit/kubernetes/objects.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::kubernetes {
namespace {

using namespace testing;

std::string match_of(const Compiled& c, const std::string& name, size_t index = 0)
{
  util::Value route = document(c, "IngressRoute", name);
  if (route.is_null() || route["spec"]["routes"].as_list().size() <= index) {
    return "<no IngressRoute " + name + " with a route " + std::to_string(index) + ">";
  }
  return route["spec"]["routes"].as_list().at(index)["match"].as_string();
}

const std::string k_routes = R"(  services:
    api: {port: 8000}
  routes:
    - host: a.${domain}
      pathPrefix: /api
      service: api
      middlewares: [limit, shared]
      priority: 30000
    - name: root
      host: a.${domain}
      pathPrefix: /
      service: api
    - name: exact
      host: a.${domain}
      path: /healthz
      service: api
      tls: false
    - name: wild
      host: "*.pr.${domain}"
      service: api
      issuer: dns
    - name: raw
      rule: Host(`b.${domain}`) && Header(`X-Beta`, `1`)
      service: api
  middlewares:
    limit:
      rateLimit: {average: 5}
)";

const std::string k_shared = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: shared
spec:
  headers: {frameDeny: true}
)";

TEST(Kubernetes, RouteBecomesAnIngressRouteWithTheRuleTraefiksFileProviderGets)
{
  auto c = compile(edge(), {{"p.yaml", project("p", k_routes)}, {"m.yaml", k_shared}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(match_of(c, "p-api"), "Host(`a.example.com`) && PathPrefix(`/api`)");
  // Routes of one host (and entry points, and TLS) share an IngressRoute,
  // named after the first; a prefix of "/" matches everything.
  EXPECT_EQ(match_of(c, "p-api", 1), "Host(`a.example.com`)");
  EXPECT_EQ(match_of(c, "p-exact"), "Host(`a.example.com`) && Path(`/healthz`)");
  EXPECT_EQ(match_of(c, "p-wild"), "HostRegexp(`^[a-z0-9-]+\\.pr\\.example\\.com$`)");
  EXPECT_EQ(match_of(c, "p-raw"), "Host(`b.example.com`) && Header(`X-Beta`, `1`)");
}

TEST(Kubernetes, InputOnlyAnnotationsStayOutOfTheRenderedObjects)
{
  std::string annotated = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: p
  annotations:
    edgegen.dev/ignore: W0601
    edgegen.dev/note: x
    team.example.com/owner: shop
spec:
)" + std::string(R"(  services:
    api: {port: 8000}
  routes:
    - host: a.${domain}
      service: api
)");
  auto c = compile(edge(), {{"p.yaml", annotated}});
  ASSERT_EQ(errors(c), "");
  util::Value route = document(c, "IngressRoute", "p-api");
  EXPECT_EQ(serialise::to_yaml({route["metadata"]["annotations"]}), "team.example.com/owner: shop\n");
}

TEST(Kubernetes, IngressRouteOfAHostCarriesItsRoutesMiddlewaresPrioritiesServicesAndSecret)
{
  auto c = compile(edge(), {{"p.yaml", project("p", k_routes)}, {"m.yaml", k_shared}});
  ASSERT_EQ(errors(c), "");
  util::Value route = document(c, "IngressRoute", "p-api");
  EXPECT_EQ(serialise::to_yaml({route}), R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  labels:
    edgegen.dev/project: p
  name: p-api
  namespace: edge
spec:
  entryPoints:
    - websecure
  routes:
    - kind: Rule
      match: Host(`a.example.com`) && PathPrefix(`/api`)
      middlewares:
        - name: p-limit
        - name: shared
      priority: 30000
      services:
        - name: p-api
          port: 8000
    - kind: Rule
      match: Host(`a.example.com`)
      priority: 20000
      services:
        - name: p-api
          port: 8000
  tls:
    secretName: a.example.com-tls
)");
  // Without TLS, no tls block at all.
  EXPECT_FALSE(document(c, "IngressRoute", "p-exact")["spec"].as_map().count("tls"));
  // The raw rule's host gets a certificate like any other.
  EXPECT_EQ(document(c, "IngressRoute", "p-raw")["spec"]["tls"]["secretName"], util::Value("b.example.com-tls"));
}

TEST(Kubernetes, ServicesOfTheNamespaceByNameOthersThroughExternalName)
{
  model::Service in_namespace;
  in_namespace.output_name = "p-api";
  in_namespace.host = "p-api";
  in_namespace.port = 8000;
  auto found = backends(in_namespace);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "p-api");
  EXPECT_EQ(found[0].external_name, "");

  model::Service outside = in_namespace;
  outside.host = "10.0.0.5";
  outside.scheme = "https";
  found = backends(outside);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "p-api");
  EXPECT_EQ(found[0].external_name, "10.0.0.5");
  EXPECT_EQ(found[0].scheme, "https");

  model::Service servers = in_namespace;
  servers.urls = {"https://a.example.com", "h2c://[2001:db8::1]:9000/x", "http://other-svc:81"};
  found = backends(servers);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].name + " " + found[0].external_name + " " + std::to_string(found[0].port) + " " + found[0].scheme,
            "p-api-1 a.example.com 443 https");
  EXPECT_EQ(found[1].name + " " + found[1].external_name + " " + std::to_string(found[1].port) + " " + found[1].scheme,
            "p-api-2 2001:db8::1 9000 h2c");
  EXPECT_EQ(found[2].name + " " + found[2].external_name + " " + std::to_string(found[2].port),
            "other-svc  81"); // one DNS label: a Service of the namespace
}

TEST(Kubernetes, SecretsAreNamedNeverWritten)
{
  const std::string middlewares = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: login
spec:
  basicAuth:
    usersFile: /etc/traefik/users
    secret: login-users
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: sso
spec:
  forwardAuth:
    address: https://auth.example.com
    tls:
      cert: /certs/c.pem
      key: /certs/k.pem
      certSecret: sso-client
)";
  std::string with_traefik = edge();
  with_traefik.replace(with_traefik.find("[kubernetes"), 1, "[traefik, ");
  auto c = compile(with_traefik, {{"m.yaml", middlewares}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(serialise::to_yaml({document(c, "Middleware", "login")["spec"], document(c, "Middleware", "sso")["spec"]}),
            R"(basicAuth:
  secret: login-users
---
forwardAuth:
  address: https://auth.example.com
  tls:
    certSecret: sso-client
)");
  // Traefik's file provider knows no Secrets: it gets the files.
  std::string shared = text(c, "default/traefik/dynamic/_shared.yml");
  EXPECT_EQ(shared.find("secret"), std::string::npos) << shared;
  EXPECT_NE(shared.find("usersFile: /etc/traefik/users"), std::string::npos) << shared;
}

TEST(Kubernetes, ChainAndErrorsReferToObjects)
{
  const std::string spec = R"(  services:
    pages: {host: pages.web.svc.cluster.local, port: 8080}
  middlewares:
    both:
      chain: {middlewares: [oops, shared]}
    oops:
      errors: {status: ["500-599"], service: p-pages, query: "/{status}.html"}
)";
  auto c = compile(edge(), {{"p.yaml", project("p", spec)}, {"m.yaml", k_shared}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(
      serialise::to_yaml({document(c, "Middleware", "p-both")["spec"], document(c, "Middleware", "p-oops")["spec"]}),
      R"(chain:
  middlewares:
    - name: p-oops
    - name: shared
---
errors:
  query: /{status}.html
  service:
    name: p-pages
    port: 8080
  status:
    - "500-599"
)");
  EXPECT_EQ(document(c, "Service", "p-pages")["spec"]["externalName"], util::Value("pages.web.svc.cluster.local"));
}

std::string simple(const std::string& name)
{
  return project(name, R"(  services:
    web: {port: 80}
  routes:
    - host: )" + name +
                           R"(.${domain}
      service: web
)");
}

TEST(Kubernetes, OneKustomizeDirectoryPerLayerEachListingItsFiles)
{
  auto c = compile(edge(), {{"p.yaml", simple("p")}, {"q.yaml", simple("q")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(paths(c, "default/kubernetes/"), (std::vector<std::string>{
                                                 "default/kubernetes/certificates/certificates.yaml",
                                                 "default/kubernetes/certificates/kustomization.yaml",
                                                 "default/kubernetes/issuers/kustomization.yaml",
                                                 "default/kubernetes/routes/kustomization.yaml",
                                                 "default/kubernetes/routes/p.yaml",
                                                 "default/kubernetes/routes/q.yaml",
                                             }));
  EXPECT_EQ(text(c, "default/kubernetes/routes/kustomization.yaml"), R"(apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - includeSelectors: false
    pairs:
      app.kubernetes.io/managed-by: edgegen
      app.kubernetes.io/part-of: test
resources:
  - p.yaml
  - q.yaml
)");
  // A kustomization is written after the files it lists.
  EXPECT_LT(file(c, "default/kubernetes/routes/p.yaml")->rank,
            file(c, "default/kubernetes/routes/kustomization.yaml")->rank);
}

TEST(Kubernetes, ShardsSplitTheProjectsCertificatesAndRoutes)
{
  auto c = compile(edge(R"(  kubernetes:
    shards: 2
)"),
                   {{"p.yaml", simple("p")}, {"q.yaml", simple("q")}, {"r.yaml", simple("r")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(paths(c, "default/kubernetes/"), (std::vector<std::string>{
                                                 "default/kubernetes/certificates-0/certificates.yaml",
                                                 "default/kubernetes/certificates-0/kustomization.yaml",
                                                 "default/kubernetes/certificates-1/certificates.yaml",
                                                 "default/kubernetes/certificates-1/kustomization.yaml",
                                                 "default/kubernetes/certificates/kustomization.yaml",
                                                 "default/kubernetes/issuers/kustomization.yaml",
                                                 "default/kubernetes/routes-0/kustomization.yaml",
                                                 "default/kubernetes/routes-0/q.yaml",
                                                 "default/kubernetes/routes-1/kustomization.yaml",
                                                 "default/kubernetes/routes-1/p.yaml",
                                                 "default/kubernetes/routes-1/r.yaml",
                                                 "default/kubernetes/routes/kustomization.yaml",
                                             }));
  // A project's certificate goes with its routes.
  EXPECT_NE(text(c, "default/kubernetes/certificates-1/certificates.yaml").find("r.example.com"), std::string::npos);
}

TEST(Kubernetes, ShardOfAProjectNeverChanges)
{
  // Moving a project to another shard moves its objects between Flux
  // Kustomizations: these values are part of the output format.
  EXPECT_EQ(shard_of("team-a", 2), 0);
  EXPECT_EQ(shard_of("team-b", 2), 1);
  EXPECT_EQ(shard_of("team-a", 16), 6);
  EXPECT_EQ(shard_of("team-b", 16), 3);
  EXPECT_EQ(shard_of("anything", 1), 0);
}

TEST(Kubernetes, ObjectNamesAreValidAndUnique)
{
  EXPECT_EQ(object_name("*.Apps.example.com"), "wildcard.apps.example.com");
  EXPECT_EQ(object_name("under_score.example.com"), "under-score.example.com");
  std::string long_name = object_name(std::string(70, 'a') + ".example.com", 63);
  EXPECT_EQ(long_name.size(), 63u);
  EXPECT_NE(long_name, object_name(std::string(70, 'a') + ".example.org", 63));
}

} // namespace
} // namespace edgegen::emit::kubernetes
