#include "import/import.hpp"

#include <gtest/gtest.h>

namespace edgegen::import {
namespace {

const char* k_static = "entryPoints:\n"
                       "  web: {address: \":80\", http: {redirections: {entryPoint: {to: websecure, scheme: https}}}}\n"
                       "  websecure: {address: \":443\"}\n"
                       "certificatesResolvers:\n"
                       "  le: {acme: {email: ops@example.com, storage: /acme.json, httpChallenge: {entryPoint: web}}}\n"
                       "providers: {file: {directory: /dynamic}}\n";

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
  Imported imported = import_traefik(
      {{"traefik.yml", k_static},
       {"dynamic.yml", "http:\n"
                       "  routers:\n"
                       "    portal-api: {rule: Host(`k.example.com`) && PathPrefix(`/api`), service: portal-api, "
                       "tls: {certResolver: le}, entryPoints: [websecure]}\n"
                       "    portal-web: {rule: Host(`k.example.com`), service: portal-web, tls: {certResolver: le}, "
                       "entryPoints: [websecure]}\n"
                       "  services:\n"
                       "    portal-api: {loadBalancer: {servers: [{url: http://10.0.0.1:8000}]}}\n"
                       "    portal-web: {loadBalancer: {servers: [{url: http://10.0.0.2:80}]}}\n"}},
      d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(imported.plan.projects.size(), 1u);
  EXPECT_EQ(imported.plan.projects[0].name, "portal");
  EXPECT_EQ(imported.plan.router_names.at("portal-api"), "portal-api");
  EXPECT_EQ(file_of(imported, "projects/portal.yaml"), "apiVersion: edgegen.dev/v1alpha1\n"
                                                       "kind: Project\n"
                                                       "metadata:\n"
                                                       "  name: portal\n"
                                                       "spec:\n"
                                                       "  routes:\n"
                                                       "    - entryPoints:\n"
                                                       "        - websecure\n"
                                                       "      host: k.example.com\n"
                                                       "      name: api\n"
                                                       "      pathPrefix: /api\n"
                                                       "      priority: 43\n"
                                                       "      service: api\n"
                                                       "    - entryPoints:\n"
                                                       "        - websecure\n"
                                                       "      host: k.example.com\n"
                                                       "      name: web\n"
                                                       "      priority: 21\n"
                                                       "      service: web\n"
                                                       "  services:\n"
                                                       "    api:\n"
                                                       "      urls:\n"
                                                       "        - http://10.0.0.1:8000\n"
                                                       "    web:\n"
                                                       "      urls:\n"
                                                       "        - http://10.0.0.2:80\n");
  Proof proof = prove(imported);
  EXPECT_FALSE(proof.diagnostics.has_errors());
  EXPECT_TRUE(proof.differences.empty()) << proof.differences.front().text;
}

TEST(Import, ReportsAnUnknownMiddlewareTypeWithTheClosestOne)
{
  diag::Diagnostics d;
  import_traefik({{"traefik.yml", k_static},
                  {"dynamic.yml", "http:\n  middlewares:\n    auth:\n      basicauth: {usersFile: /u}\n"}},
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
  Imported imported = import_traefik(
      {{"traefik.yml", k_static},
       {"dynamic.yml", "http:\n"
                       "  routers:\n"
                       "    app-web: {rule: \"Host(\\\"a.example.com\\\")&&Method(`GET`)\", service: app-web, "
                       "tls: {certResolver: le}}\n"
                       "  services:\n"
                       "    app-web: {loadBalancer: {servers: [{url: http://10.0.0.1:80}]}}\n"}},
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
  Imported imported = import_traefik(
      {{"traefik.yml", k_static},
       {"dynamic.yml", "http:\n  middlewares:\n    ops:\n      basicAuth:\n        users: [\"a:$apr1$x$y\"]\n"}},
      d);
  ASSERT_EQ(d.sorted().size(), 1u);
  EXPECT_EQ(d.sorted()[0].code, "W0616");
  EXPECT_EQ(d.sorted()[0].message.find("apr1"), std::string::npos);
  EXPECT_EQ(file_of(imported, "middlewares.yaml"), "apiVersion: edgegen.dev/v1alpha1\n"
                                                   "kind: Middleware\n"
                                                   "metadata:\n"
                                                   "  name: ops\n"
                                                   "spec:\n"
                                                   "  basicAuth:\n"
                                                   "    usersFile: /etc/traefik/auth/ops.htpasswd\n");
}

TEST(Import, GroupsThatWouldShareAProjectNameAreOneProject)
{
  diag::Diagnostics d;
  Imported imported = import_traefik(
      {{"traefik.yml", k_static},
       {"dynamic.yml",
        "http:\n"
        "  routers:\n"
        "    sites-shop: {rule: Host(`shop.example.org`), service: sites-shop, tls: {certResolver: le}}\n"
        "    sites-status: {rule: 'HostRegexp(`^[a-z0-9-]+\\.status\\.example\\.org$`)', "
        "service: sites-status, tls: {certResolver: le}}\n"
        "  services:\n"
        "    sites-shop: {loadBalancer: {servers: [{url: http://10.0.0.1:80}]}}\n"
        "    sites-status: {loadBalancer: {servers: [{url: http://10.0.0.2:80}]}}\n"}},
      d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(imported.plan.projects.size(), 1u);
  EXPECT_EQ(imported.plan.projects[0].name, "sites");
  EXPECT_EQ(imported.plan.service_names.at("sites-status"), "sites-status");
  // edgegen's wildcard host reads back as one.
  EXPECT_NE(file_of(imported, "projects/sites.yaml").find("host: \"*.status.example.org\""), std::string::npos)
      << file_of(imported, "projects/sites.yaml");
}

TEST(ImportRedis, ReadsTheTextDumpAsTheDynamicConfigurationItFlattens)
{
  diag::Diagnostics d;
  TraefikConfig config;
  std::deque<load::Node> trees;
  std::string root_key;
  read_redis_dump({"dump.txt", "traefik/http/routers/a/entryPoints/1\nwebsecure\n"
                               "traefik/http/routers/a/entryPoints/0\nweb\n"
                               "traefik/http/routers/a/rule\nHost(`a.example.com`)\n"
                               "traefik/http/routers/a/priority\n20\n"
                               "traefik/http/routers/a/service\na\n"
                               "traefik/http/routers/a/tls/certResolver\nle\n"
                               "traefik/http/services/a/loadBalancer/servers/0/url\nhttp://10.0.0.1:80\n"
                               "traefik/http/middlewares/h/HEADERS/frameDeny\ntrue\n"},
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
  read_redis_dump({"dump.txt", "edge/http/routers/a/rule\nHost(`a`)\nlock\n1\nedge/http/routers/a/service\n"}, {},
                  config, trees, root_key, d);
  // Line 1: router "a" has no service (its service key has no value).
  ASSERT_EQ(d.error_count(), 3u);
  EXPECT_EQ(d.sorted()[1].message, "\"lock\" is not a Traefik key under the root key \"edge\"");
  EXPECT_EQ(d.sorted()[1].location.line, 3);
  EXPECT_EQ(d.sorted()[2].message, "key \"edge/http/routers/a/service\" has no value line after it");
  EXPECT_EQ(d.sorted()[2].location.line, 5);
}

} // namespace
} // namespace edgegen::import
