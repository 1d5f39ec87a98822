#include "emit/traefik/traefik.hpp"

#include "emit/emit.hpp"
#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::traefik {
namespace {

std::string render_file(const Compilation& c, const std::string& path)
{
  for (const auto& file : c.files) {
    if (file.path == path) {
      return serialise::to_yaml(file.documents);
    }
  }
  return "<no " + path + ">";
}

std::string errors(const Compilation& c)
{
  std::string out;
  for (const auto& m : testing::messages(c)) {
    out += m + "\n";
  }
  return out;
}

const char* k_project = "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Project\n"
                        "metadata:\n"
                        "  name: team-a\n"
                        "spec:\n"
                        "  services:\n"
                        "    api:\n"
                        "      port: 8000\n"
                        "  routes:\n"
                        "    - host: a.${domain}\n"
                        "      pathPrefix: /api\n"
                        "      service: api\n"
                        "      middlewares: [rate-limit]\n"
                        "      priority: 30000\n"
                        "    - name: wild\n"
                        "      host: \"*.${domain}\"\n"
                        "      service: api\n"
                        "      issuer: le-dns\n"
                        "    - name: plain\n"
                        "      host: plain.${domain}\n"
                        "      path: /exact\n"
                        "      service: api\n"
                        "      tls: false\n"
                        "  middlewares:\n"
                        "    rate-limit:\n"
                        "      preset: rate-limit\n"
                        "      rateLimit: {average: 7}\n"
                        "---\n"
                        "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Issuer\n"
                        "metadata:\n"
                        "  name: le-dns\n"
                        "spec:\n"
                        "  acme:\n"
                        "    email: a@example.com\n"
                        "    solver:\n"
                        "      dns01: {provider: cloudflare}\n";

TEST(Traefik, ProjectFileHasNamespacedRoutersServicesAndMiddlewares)
{
  auto c = testing::compile_files({{"a.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(render_file(c, "default/traefik/dynamic/team-a.yml"),
            "http:\n"
            "  middlewares:\n"
            "    team-a-rate-limit:\n"
            "      rateLimit:\n"
            "        average: 7\n"
            "        burst: 50\n"
            "        period: 1s\n"
            "  routers:\n"
            "    team-a-api:\n"
            "      entryPoints:\n"
            "        - websecure\n"
            "      middlewares:\n"
            "        - team-a-rate-limit\n"
            "      priority: 30000\n"
            "      rule: Host(`a.example.com`) && PathPrefix(`/api`)\n"
            "      service: team-a-api\n"
            "      tls:\n"
            "        certResolver: le\n"
            "    team-a-plain:\n"
            "      entryPoints:\n"
            "        - websecure\n"
            "      priority: 25006\n"
            "      rule: Host(`plain.example.com`) && Path(`/exact`)\n"
            "      service: team-a-api\n"
            "    team-a-wild:\n"
            "      entryPoints:\n"
            "        - websecure\n"
            "      priority: 10000\n"
            "      rule: HostRegexp(`^[a-z0-9-]+\\.example\\.com$`)\n"
            "      service: team-a-api\n"
            "      tls:\n"
            "        certResolver: le-dns\n"
            "        domains:\n"
            "          - main: \"*.example.com\"\n"
            "  services:\n"
            "    team-a-api:\n"
            "      loadBalancer:\n"
            "        servers:\n"
            "          - url: http://team-a-api:8000\n");
}

TEST(Traefik, ATlsRouteDefaultsToTheEntryPointsThatTakeTls)
{
  // web does not redirect: plain-HTTP routes go on both, TLS routes only
  // where clients speak TLS (on :80 a TLS router would answer nobody).
  auto c = testing::compile_files({{"edge.yaml", "apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata: {name: e}\n"
                                                 "spec:\n  targets: [traefik]\n  defaultIssuer: le\n"
                                                 "  vars: {domain: example.com}\n"
                                                 "  entryPoints:\n    web: {address: \":80\"}\n"
                                                 "    websecure: {address: \":8443\"}\n"
                                                 "---\napiVersion: edgegen.dev/v1alpha1\nkind: Issuer\n"
                                                 "metadata: {name: le}\nspec:\n  acme: {email: a@example.com, "
                                                 "solver: {http01: {}}}\n"},
                                   {"a.yaml", "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata: {name: a}\n"
                                              "spec:\n  services: {api: {port: 80}}\n  routes:\n"
                                              "    - {name: secure, host: a.example.com, service: api}\n"
                                              "    - {name: plain, host: b.example.com, service: api, tls: false}\n"}},
                                  false);
  ASSERT_EQ(errors(c), "");
  std::string file = render_file(c, "default/traefik/dynamic/a.yml");
  EXPECT_NE(file.find("    a-plain:\n      entryPoints:\n        - web\n        - websecure\n"), std::string::npos)
      << file;
  EXPECT_NE(file.find("    a-secure:\n      entryPoints:\n        - websecure\n      priority"), std::string::npos)
      << file;
}

TEST(Traefik, StaticConfigurationHasEntryPointsResolverAndProvider)
{
  auto c = testing::compile_files({{"a.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(render_file(c, "default/traefik/traefik.yml"),
            "accessLog: {}\n"
            "certificatesResolvers:\n"
            "  le:\n"
            "    acme:\n"
            "      caServer: https://acme-v02.api.letsencrypt.org/directory\n"
            "      email: a@example.com\n"
            "      httpChallenge:\n"
            "        entryPoint: web\n"
            "      storage: /etc/traefik/acme/acme.json\n"
            "  le-dns:\n"
            "    acme:\n"
            "      caServer: https://acme-v02.api.letsencrypt.org/directory\n"
            "      dnsChallenge:\n"
            "        provider: cloudflare\n"
            "      email: a@example.com\n"
            "      storage: /etc/traefik/acme/acme.json\n"
            "entryPoints:\n"
            "  web:\n"
            "    address: \":80\"\n"
            "    http:\n"
            "      redirections:\n"
            "        entryPoint:\n"
            "          permanent: true\n"
            "          scheme: https\n"
            "          to: websecure\n"
            "  websecure:\n"
            "    address: \":443\"\n"
            "global:\n"
            "  checkNewVersion: false\n"
            "  sendAnonymousUsage: false\n"
            "log:\n"
            "  level: INFO\n"
            "ping: {}\n"
            "providers:\n"
            "  file:\n"
            "    directory: /etc/traefik/dynamic\n"
            "    watch: true\n");
}

TEST(Traefik, AccessLogIsOnOffOrAFileInAFormat)
{
  auto access_log = [](const std::string& setting) {
    auto c = testing::compile_files({{"edge.yaml", "apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata: {name: e}\n"
                                                   "spec:\n  traefik: {accessLog: " +
                                                       setting + "}\n"}},
                                    false);
    std::string file = render_file(c, "default/traefik/traefik.yml");
    size_t start = file.find("accessLog");
    return errors(c) + (start == std::string::npos ? "none" : file.substr(start, file.find("\nentryPoints") - start));
  };
  EXPECT_EQ(access_log("true"), "accessLog: {}");
  EXPECT_EQ(access_log("false"), "none");
  EXPECT_EQ(access_log("{}"), "accessLog: {}");
  EXPECT_EQ(access_log("{filePath: /var/log/traefik/access.log, format: json}"),
            "accessLog:\n  filePath: /var/log/traefik/access.log\n  format: json");
  EXPECT_EQ(access_log("{format: common}"), "accessLog:\n  format: common");
  EXPECT_EQ(access_log("{format: clf}"),
            "edge.yaml:5:33: E0204: /spec/traefik/accessLog/format: \"clf\" is not one of common, json\nnone");
  EXPECT_EQ(access_log("\"yes\""),
            "edge.yaml:5:24: E0201: /spec/traefik/accessLog: expected boolean or mapping, got \"yes\"\nnone");
}

TEST(Traefik, TheFileProviderLoadsTheWholeDynamicDirectoryUnlessTheKvHoldsIt)
{
  auto c = testing::compile_files({{"a.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  auto loaded = emit::loaded_directories(c.model);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].path, "default/traefik/dynamic");
  EXPECT_EQ(loaded[0].consumer + " loads " + loaded[0].files, "Traefik's file provider loads every .yml, .yaml and "
                                                              ".toml file");
  EXPECT_TRUE(loaded[0].recursive);
  for (const char* name : {"manual.yml", "x.YAML", ".hidden.toml", ".yml"}) {
    EXPECT_TRUE(loaded[0].reads(name)) << name;
  }
  for (const char* name : {"README.md", ".tls.yml.1234.tmp", "yml", "a.yml.bak"}) {
    EXPECT_FALSE(loaded[0].reads(name)) << name;
  }

  std::string kv_edge = testing::k_edge;
  kv_edge.replace(kv_edge.find("spec:\n") + 6, 0, "  targets: [traefik-redis]\n  redis: {endpoints: [\"v:6379\"]}\n");
  auto kv = testing::compile_files({{"edge.yaml", kv_edge}, {"a.yaml", k_project}}, false);
  ASSERT_EQ(errors(kv), "");
  EXPECT_TRUE(emit::loaded_directories(kv.model).empty());
}

TEST(Traefik, FilesIssuerFillsTheTlsFileAndRoutersUseTheStore)
{
  const char* issuer = "apiVersion: edgegen.dev/v1alpha1\n"
                       "kind: Issuer\n"
                       "metadata:\n"
                       "  name: synced\n"
                       "spec:\n"
                       "  files:\n"
                       "    certificates:\n"
                       "      - certFile: /certs/example.com/fullchain.pem\n"
                       "        keyFile: /certs/example.com/privkey.pem\n"
                       "        domains: [example.com]\n";
  const char* project = "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Project\n"
                        "metadata:\n"
                        "  name: p\n"
                        "spec:\n"
                        "  services:\n"
                        "    s: {port: 80}\n"
                        "  routes:\n"
                        "    - host: example.com\n"
                        "      service: s\n"
                        "      issuer: synced\n";
  auto c = testing::compile_files({{"i.yaml", issuer}, {"p.yaml", project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(render_file(c, "default/traefik/dynamic/tls.yml"), "tls:\n"
                                                               "  certificates:\n"
                                                               "    - certFile: /certs/example.com/fullchain.pem\n"
                                                               "      keyFile: /certs/example.com/privkey.pem\n"
                                                               "      stores:\n"
                                                               "        - default\n"
                                                               "  options:\n"
                                                               "    default:\n"
                                                               "      minVersion: VersionTLS12\n"
                                                               "  stores:\n"
                                                               "    default: {}\n");
  EXPECT_NE(render_file(c, "default/traefik/dynamic/p.yml").find("      tls: {}\n"), std::string::npos);
}

TEST(Traefik, EveryEnvironmentGetsItsOwnTreeWithItsOwnVariables)
{
  const char* environments = "apiVersion: edgegen.dev/v1alpha1\n"
                             "kind: Environment\n"
                             "metadata:\n"
                             "  name: dev\n"
                             "spec:\n"
                             "  vars: {domain: dev.example.com}\n"
                             "---\n"
                             "apiVersion: edgegen.dev/v1alpha1\n"
                             "kind: Environment\n"
                             "metadata:\n"
                             "  name: prod\n"
                             "spec: {}\n";
  auto c = testing::compile_files({{"a.yaml", k_project}, {"env.yaml", environments}});
  ASSERT_EQ(errors(c), "");
  EXPECT_NE(render_file(c, "dev/traefik/dynamic/team-a.yml").find("Host(`a.dev.example.com`)"), std::string::npos);
  // prod has no vars of its own: the Edge's apply.
  EXPECT_NE(render_file(c, "prod/traefik/dynamic/team-a.yml").find("Host(`a.example.com`)"), std::string::npos);
}

TEST(Traefik, NothingIsEmittedWhenThereAreErrors)
{
  std::string broken = k_project;
  broken.replace(broken.find("service: api\n"), 12, "service: nope");
  auto c = testing::compile_files({{"a.yaml", broken}});
  EXPECT_TRUE(c.diagnostics.has_errors());
  EXPECT_TRUE(c.files.empty());
}

} // namespace
} // namespace edgegen::emit::traefik
