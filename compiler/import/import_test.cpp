#include "import/import.hpp"

#include <gtest/gtest.h>

namespace edgegen::import {
namespace {

const char* k_static = R"(entryPoints:
  web: {address: ":80", http: {redirections: {entryPoint: {to: websecure, scheme: https}}}}
  websecure: {address: ":443"}
certificatesResolvers:
  le: {acme: {email: ops@example.com, storage: /acme.json, httpChallenge: {entryPoint: web}}}
providers: {file: {directory: /dynamic}}
)";

std::string file_of(const Imported& imported, const std::string& path)
{
  for (const auto& file : imported.files) {
    if (file.path == path) {
      return file.bytes;
    }
  }
  return "(no " + path + ")";
}

TEST(Import, NamesProjectsByTheCommonPrefixOfTheirServices)
{
  diag::Diagnostics d;
  Imported imported = import_traefik({{"traefik.yml", k_static}, {"dynamic.yml", R"(http:
  routers:
    portal-api: {rule: Host(`k.example.com`) && PathPrefix(`/api`), service: portal-api, tls: {certResolver: le}, entryPoints: [websecure]}
    portal-web: {rule: Host(`k.example.com`), service: portal-web, tls: {certResolver: le}, entryPoints: [websecure]}
  services:
    portal-api: {loadBalancer: {servers: [{url: http://10.0.0.1:8000}]}}
    portal-web: {loadBalancer: {servers: [{url: http://10.0.0.2:80}]}}
)"}},
                                     d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(imported.plan.projects.size(), 1u);
  EXPECT_EQ(imported.plan.projects[0].name, "portal");
  EXPECT_EQ(imported.plan.router_names.at("portal-api"), "portal-api");
  EXPECT_EQ(file_of(imported, "projects/portal.yaml"), R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: portal
spec:
  routes:
    - entryPoints:
        - websecure
      host: k.example.com
      name: api
      pathPrefix: /api
      priority: 43
      service: api
    - entryPoints:
        - websecure
      host: k.example.com
      name: web
      priority: 21
      service: web
  services:
    api:
      urls:
        - http://10.0.0.1:8000
    web:
      urls:
        - http://10.0.0.2:80
)");
  Proof proof = prove(imported);
  EXPECT_FALSE(proof.diagnostics.has_errors());
  EXPECT_TRUE(proof.differences.empty()) << proof.differences.front().text;
}

TEST(Import, ReportsAnUnknownMiddlewareTypeWithTheClosestOne)
{
  diag::Diagnostics d;
  import_traefik({{"traefik.yml", k_static}, {"dynamic.yml", R"(http:
  middlewares:
    auth:
      basicauth: {usersFile: /u}
)"}},
                 d);
  ASSERT_EQ(d.sorted().size(), 1u);
  EXPECT_EQ(d.sorted()[0].code, "E0428");
  EXPECT_EQ(d.sorted()[0].message, "middleware \"auth\" has the unknown type \"basicauth\"");
  EXPECT_EQ(d.sorted()[0].hint, "did you mean basicAuth?");
  EXPECT_EQ(d.sorted()[0].location.line, 4);
}

TEST(Import, ProofComparesRulesAsParsed)
{
  diag::Diagnostics d;
  Imported imported = import_traefik({{"traefik.yml", k_static}, {"dynamic.yml", R"y(http:
  routers:
    app-web: {rule: "Host(\"a.example.com\")&&Method(`GET`)", service: app-web, tls: {certResolver: le}}
  services:
    app-web: {loadBalancer: {servers: [{url: http://10.0.0.1:80}]}}
)y"}},
                                     d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(imported.listing.raw.size(), 1u);
  EXPECT_EQ(imported.listing.raw[0], "dynamic.yml:3: router app-web: Host(\"a.example.com\")&&Method(`GET`)");
  Proof proof = prove(imported);
  ASSERT_FALSE(proof.diagnostics.has_errors());
  std::vector<std::string> lines;
  for (const auto& difference : proof.differences) {
    lines.push_back(difference.text);
  }
  EXPECT_EQ(lines, std::vector<std::string>{});
}

TEST(Import, MovesInlineUsersToAUsersFile)
{
  diag::Diagnostics d;
  Imported imported = import_traefik({{"traefik.yml", k_static}, {"dynamic.yml", R"(http:
  middlewares:
    ops:
      basicAuth:
        users: ["a:$apr1$x$y"]
)"}},
                                     d);
  ASSERT_EQ(d.sorted().size(), 1u);
  EXPECT_EQ(d.sorted()[0].code, "W0616");
  EXPECT_EQ(d.sorted()[0].message.find("apr1"), std::string::npos);
  EXPECT_EQ(file_of(imported, "middlewares.yaml"), R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: ops
spec:
  basicAuth:
    usersFile: /etc/traefik/auth/ops.htpasswd
)");
}

TEST(Import, GroupsThatWouldShareAProjectNameAreOneProject)
{
  diag::Diagnostics d;
  Imported imported = import_traefik({{"traefik.yml", k_static},
                                      {"dynamic.yml",
                                       R"(http:
  routers:
    sites-shop: {rule: Host(`shop.example.org`), service: sites-shop, tls: {certResolver: le}}
    sites-status: {rule: 'HostRegexp(`^[a-z0-9-]+\.status\.example\.org$`)', service: sites-status, tls: {certResolver: le}}
  services:
    sites-shop: {loadBalancer: {servers: [{url: http://10.0.0.1:80}]}}
    sites-status: {loadBalancer: {servers: [{url: http://10.0.0.2:80}]}}
)"}},
                                     d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(imported.plan.projects.size(), 1u);
  EXPECT_EQ(imported.plan.projects[0].name, "sites");
  EXPECT_EQ(imported.plan.service_names.at("sites-status"), "sites-status");
  // edgegen's wildcard host reads back as one.
  EXPECT_NE(file_of(imported, "projects/sites.yaml").find("host: \"*.status.example.org\""), std::string::npos)
      << file_of(imported, "projects/sites.yaml");
}

TEST(Import, ServicesThatShareNoPrefixAreNamedByTheirRouters)
{
  auto import = [](const std::string& first_router, const std::string& second_router) {
    diag::Diagnostics d;
    Imported imported = import_traefik(
        {{"traefik.yml", k_static},
         {"dynamic.yml", "http:\n  routers:\n    " + first_router +
                             ": {rule: Host(`site.example.org`), service: frontend, tls: {certResolver: le}}\n    " +
                             second_router +
                             ": {rule: Host(`site.example.org`) && PathPrefix(`/api`), service: backend, tls: "
                             "{certResolver: le}}\n  services:\n"
                             "    frontend: {loadBalancer: {servers: [{url: http://10.0.0.1:80}]}}\n"
                             "    backend: {loadBalancer: {servers: [{url: http://10.0.0.2:80}]}}\n"}},
        d);
    EXPECT_FALSE(d.has_errors());
    return imported.plan;
  };
  // One host, so one project; frontend and backend share nothing, the
  // routers' names do: the whole of "site", as one Ingress names them.
  Plan plan = import("site", "site-2");
  ASSERT_EQ(plan.projects.size(), 1u);
  EXPECT_EQ(plan.projects[0].name, "site");
  EXPECT_EQ(plan.router_names.at("site-2"), "site-2");
  EXPECT_EQ(plan.router_names.at("site"), "site-site");
  EXPECT_EQ(plan.service_names.at("backend"), "site-backend");
  // Routers that share nothing either: the first service names it.
  plan = import("web", "api");
  ASSERT_EQ(plan.projects.size(), 1u);
  EXPECT_EQ(plan.projects[0].name, "backend");
  EXPECT_EQ(plan.router_names.at("api"), "backend-api");
}

TEST(ImportRedis, ReadsTheTextDumpAsTheDynamicConfigurationItFlattens)
{
  diag::Diagnostics d;
  TraefikConfig config;
  std::deque<load::Node> trees;
  std::string root_key;
  read_redis_dump({"dump.txt", R"(traefik/http/routers/a/entryPoints/1
websecure
traefik/http/routers/a/entryPoints/0
web
traefik/http/routers/a/rule
Host(`a.example.com`)
traefik/http/routers/a/priority
20
traefik/http/routers/a/service
a
traefik/http/routers/a/tls/certResolver
le
traefik/http/services/a/loadBalancer/servers/0/url
http://10.0.0.1:80
traefik/http/middlewares/h/HEADERS/frameDeny
true
)"},
                  {}, config, trees, root_key, d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(root_key, "traefik");
  const Router& router = config.routers.at("a");
  EXPECT_EQ(router.entry_points, (std::vector<std::string>{"web", "websecure"}));
  EXPECT_EQ(router.rule, "Host(`a.example.com`)");
  EXPECT_EQ(router.priority, 20);
  EXPECT_EQ(router.cert_resolver, "le");
  EXPECT_EQ(router.location.line, 1); // the first of its keys
  EXPECT_EQ(config.services.at("a").urls, (std::vector<std::string>{"http://10.0.0.1:80"}));
  EXPECT_EQ(config.middlewares.at("h").type, "headers");
}

TEST(ImportRedis, RefusesWhatIsNotATraefikKeyAtItsLine)
{
  diag::Diagnostics d;
  TraefikConfig config;
  std::deque<load::Node> trees;
  std::string root_key = "edge";
  read_redis_dump({"dump.txt", R"(edge/http/routers/a/rule
Host(`a`)
lock
1
edge/http/routers/a/service
)"},
                  {}, config, trees, root_key, d);
  // Line 1: router "a" has no service (its service key has no value).
  ASSERT_EQ(d.error_count(), 3u);
  EXPECT_EQ(d.sorted()[1].message, "\"lock\" is not a Traefik key under the root key \"edge\"");
  EXPECT_EQ(d.sorted()[1].location.line, 3);
  EXPECT_EQ(d.sorted()[2].message, "key \"edge/http/routers/a/service\" has no value line after it");
  EXPECT_EQ(d.sorted()[2].location.line, 5);
}

} // namespace
} // namespace edgegen::import
