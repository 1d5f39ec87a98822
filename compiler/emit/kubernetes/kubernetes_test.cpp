#include "emit/kubernetes/kubernetes.hpp"

#include "emit/kubernetes/objects.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::kubernetes {
namespace {

using namespace testing;

std::string match_of(const Compilation& c, const std::string& name, size_t index = 0)
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
  std::string annotated = "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: p\n"
                          "  annotations:\n    edgegen.dev/ignore: W0601\n    edgegen.dev/note: x\n"
                          "    team.example.com/owner: shop\nspec:\n" +
                          std::string("  services:\n    api: {port: 8000}\n  routes:\n    - host: a.${domain}\n"
                                      "      service: api\n");
  auto c = compile(edge(), {{"p.yaml", annotated}});
  ASSERT_EQ(errors(c), "");
  util::Value route = document(c, "IngressRoute", "p-api");
  EXPECT_EQ(write::to_yaml({route["metadata"]["annotations"]}), "team.example.com/owner: shop\n");
}

TEST(Kubernetes, IngressRouteOfAHostCarriesItsRoutesMiddlewaresPrioritiesServicesAndSecret)
{
  auto c = compile(edge(), {{"p.yaml", project("p", k_routes)}, {"m.yaml", k_shared}});
  ASSERT_EQ(errors(c), "");
  util::Value route = document(c, "IngressRoute", "p-api");
  EXPECT_EQ(write::to_yaml({route}), "apiVersion: traefik.io/v1alpha1\n"
                                     "kind: IngressRoute\n"
                                     "metadata:\n"
                                     "  labels:\n"
                                     "    edgegen.dev/project: p\n"
                                     "  name: p-api\n"
                                     "  namespace: edge\n"
                                     "spec:\n"
                                     "  entryPoints:\n"
                                     "    - websecure\n"
                                     "  routes:\n"
                                     "    - kind: Rule\n"
                                     "      match: Host(`a.example.com`) && PathPrefix(`/api`)\n"
                                     "      middlewares:\n"
                                     "        - name: p-limit\n"
                                     "        - name: shared\n"
                                     "      priority: 30000\n"
                                     "      services:\n"
                                     "        - name: p-api\n"
                                     "          port: 8000\n"
                                     "    - kind: Rule\n"
                                     "      match: Host(`a.example.com`)\n"
                                     "      priority: 20000\n"
                                     "      services:\n"
                                     "        - name: p-api\n"
                                     "          port: 8000\n"
                                     "  tls:\n"
                                     "    secretName: a.example.com-tls\n");
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
  EXPECT_EQ(write::to_yaml({document(c, "Middleware", "login")["spec"], document(c, "Middleware", "sso")["spec"]}),
            "basicAuth:\n"
            "  secret: login-users\n"
            "---\n"
            "forwardAuth:\n"
            "  address: https://auth.example.com\n"
            "  tls:\n"
            "    certSecret: sso-client\n");
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
  EXPECT_EQ(write::to_yaml({document(c, "Middleware", "p-both")["spec"], document(c, "Middleware", "p-oops")["spec"]}),
            "chain:\n"
            "  middlewares:\n"
            "    - name: p-oops\n"
            "    - name: shared\n"
            "---\n"
            "errors:\n"
            "  query: /{status}.html\n"
            "  service:\n"
            "    name: p-pages\n"
            "    port: 8080\n"
            "  status:\n"
            "    - \"500-599\"\n");
  EXPECT_EQ(document(c, "Service", "p-pages")["spec"]["externalName"], util::Value("pages.web.svc.cluster.local"));
}

std::string simple(const std::string& name)
{
  return project(name, "  services:\n    web: {port: 80}\n  routes:\n    - host: " + name +
                           ".${domain}\n      service: web\n");
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
  EXPECT_EQ(text(c, "default/kubernetes/routes/kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                                                     "kind: Kustomization\n"
                                                                     "labels:\n"
                                                                     "  - includeSelectors: false\n"
                                                                     "    pairs:\n"
                                                                     "      app.kubernetes.io/managed-by: edgegen\n"
                                                                     "      app.kubernetes.io/part-of: test\n"
                                                                     "resources:\n"
                                                                     "  - p.yaml\n"
                                                                     "  - q.yaml\n");
  // A kustomization is written after the files it lists.
  EXPECT_LT(file(c, "default/kubernetes/routes/p.yaml")->rank,
            file(c, "default/kubernetes/routes/kustomization.yaml")->rank);
}

TEST(Kubernetes, ShardsSplitTheProjectsCertificatesAndRoutes)
{
  auto c = compile(edge("  kubernetes:\n    shards: 2\n"),
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
