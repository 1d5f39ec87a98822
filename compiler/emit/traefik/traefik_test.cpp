#include "emit/traefik/traefik.hpp"

#include "emit/emit.hpp"
#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::traefik {
namespace {

const char* k_project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team-a
spec:
  services:
    api:
      port: 8000
  routes:
    - host: a.${domain}
      pathPrefix: /api
      service: api
      middlewares: [rate-limit]
      priority: 30000
    - name: wild
      host: "*.${domain}"
      service: api
      issuer: le-dns
    - name: plain
      host: plain.${domain}
      path: /exact
      service: api
      tls: false
  middlewares:
    rate-limit:
      preset: rate-limit
      rateLimit: {average: 7}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: le-dns
spec:
  acme:
    email: a@example.com
    solver:
      dns01: {provider: cloudflare}
)";

TEST(Traefik, ProjectFileHasNamespacedRoutersServicesAndMiddlewares)
{
  auto c = testing::compile_files({{"a.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(testing::text(c, "default/traefik/dynamic/team-a.yml"),
            R"(http:
  middlewares:
    team-a-rate-limit:
      rateLimit:
        average: 7
        burst: 50
        period: 1s
  routers:
    team-a-api:
      entryPoints:
        - websecure
      middlewares:
        - team-a-rate-limit
      priority: 30000
      rule: Host(`a.example.com`) && PathPrefix(`/api`)
      service: team-a-api
      tls:
        certResolver: le
    team-a-plain:
      entryPoints:
        - websecure
      priority: 25006
      rule: Host(`plain.example.com`) && Path(`/exact`)
      service: team-a-api
    team-a-wild:
      entryPoints:
        - websecure
      priority: 10000
      rule: HostRegexp(`^[a-z0-9-]+\.example\.com$`)
      service: team-a-api
      tls:
        certResolver: le-dns
        domains:
          - main: "*.example.com"
  services:
    team-a-api:
      loadBalancer:
        servers:
          - url: http://team-a-api:8000
)");
}

TEST(Traefik, ATlsRouteDefaultsToTheEntryPointsThatTakeTls)
{
  // web does not redirect: plain-HTTP routes go on both, TLS routes only
  // where clients speak TLS (on :80 a TLS router would answer nobody).
  auto c = testing::compile_files({{"edge.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: e}
spec:
  targets: [traefik]
  defaultIssuer: le
  vars: {domain: example.com}
  entryPoints:
    web: {address: ":80"}
    websecure: {address: ":8443"}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec:
  acme: {email: a@example.com, solver: {http01: {}}}
)"},
                                   {"a.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: a}
spec:
  services: {api: {port: 80}}
  routes:
    - {name: secure, host: a.example.com, service: api}
    - {name: plain, host: b.example.com, service: api, tls: false}
)"}},
                                  false);
  ASSERT_EQ(errors(c), "");
  std::string file = testing::text(c, "default/traefik/dynamic/a.yml");
  EXPECT_NE(file.find(R"(    a-plain:
      entryPoints:
        - web
        - websecure
)"),
            std::string::npos)
      << file;
  EXPECT_NE(file.find(R"(    a-secure:
      entryPoints:
        - websecure
      priority)"),
            std::string::npos)
      << file;
}

TEST(Traefik, StaticConfigurationHasEntryPointsResolverAndProvider)
{
  auto c = testing::compile_files({{"a.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(testing::text(c, "default/traefik/traefik.yml"),
            R"(accessLog: {}
certificatesResolvers:
  le:
    acme:
      caServer: https://acme-v02.api.letsencrypt.org/directory
      email: a@example.com
      httpChallenge:
        entryPoint: web
      storage: /etc/traefik/acme/acme.json
  le-dns:
    acme:
      caServer: https://acme-v02.api.letsencrypt.org/directory
      dnsChallenge:
        provider: cloudflare
      email: a@example.com
      storage: /etc/traefik/acme/acme.json
entryPoints:
  web:
    address: ":80"
    http:
      redirections:
        entryPoint:
          permanent: true
          scheme: https
          to: websecure
  websecure:
    address: ":443"
global:
  checkNewVersion: false
  sendAnonymousUsage: false
log:
  level: INFO
ping: {}
providers:
  file:
    directory: /etc/traefik/dynamic
    watch: true
)");
}

TEST(Traefik, AnAcmeResolverWithoutAnEmailHasNoContact)
{
  // Traefik and cert-manager both register an ACME account without one.
  std::string project = k_project;
  std::string email = "    email: a@example.com\n    solver:";
  project.replace(project.find(email), email.size(), "    solver:");
  auto c = testing::compile_files({{"a.yaml", project}});
  ASSERT_EQ(errors(c), "");
  std::string config = testing::text(c, "default/traefik/traefik.yml");
  EXPECT_NE(config.find(R"(  le-dns:
    acme:
      caServer: https://acme-v02.api.letsencrypt.org/directory
      dnsChallenge:
        provider: cloudflare
      storage: /etc/traefik/acme/acme.json
)"),
            std::string::npos)
      << config;
}

TEST(Traefik, AccessLogIsOnOffOrAFileInAFormat)
{
  auto access_log = [](const std::string& setting) {
    auto c = testing::compile_files({{"edge.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: e}
spec:
  traefik: {accessLog: )" + setting + "}\n"}},
                                    false);
    std::string file = testing::text(c, "default/traefik/traefik.yml");
    size_t start = file.find("accessLog");
    return errors(c) + (start == std::string::npos ? "none" : file.substr(start, file.find("\nentryPoints") - start));
  };
  EXPECT_EQ(access_log("true"), "accessLog: {}");
  EXPECT_EQ(access_log("false"), "none");
  EXPECT_EQ(access_log("{}"), "accessLog: {}");
  EXPECT_EQ(access_log("{filePath: /var/log/traefik/access.log, format: json}"),
            R"(accessLog:
  filePath: /var/log/traefik/access.log
  format: json)");
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
  kv_edge.replace(kv_edge.find("spec:\n") + 6, 0, R"(  targets: [traefik-redis]
  redis: {endpoints: ["v:6379"]}
)");
  auto kv = testing::compile_files({{"edge.yaml", kv_edge}, {"a.yaml", k_project}}, false);
  ASSERT_EQ(errors(kv), "");
  EXPECT_TRUE(emit::loaded_directories(kv.model).empty());
}

TEST(Traefik, FilesIssuerFillsTheTlsFileAndRoutersUseTheStore)
{
  const char* issuer = R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: synced
spec:
  files:
    certificates:
      - certFile: /certs/example.com/fullchain.pem
        keyFile: /certs/example.com/privkey.pem
        domains: [example.com]
)";
  const char* project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: p
spec:
  services:
    s: {port: 80}
  routes:
    - host: example.com
      service: s
      issuer: synced
)";
  auto c = testing::compile_files({{"i.yaml", issuer}, {"p.yaml", project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(testing::text(c, "default/traefik/dynamic/tls.yml"), R"(tls:
  certificates:
    - certFile: /certs/example.com/fullchain.pem
      keyFile: /certs/example.com/privkey.pem
      stores:
        - default
  options:
    default:
      minVersion: VersionTLS12
  stores:
    default: {}
)");
  EXPECT_NE(testing::text(c, "default/traefik/dynamic/p.yml").find("      tls: {}\n"), std::string::npos);
}

TEST(Traefik, EveryEnvironmentGetsItsOwnTreeWithItsOwnVariables)
{
  const char* environments = R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: dev
spec:
  vars: {domain: dev.example.com}
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: prod
spec: {}
)";
  auto c = testing::compile_files({{"a.yaml", k_project}, {"env.yaml", environments}});
  ASSERT_EQ(errors(c), "");
  EXPECT_NE(testing::text(c, "dev/traefik/dynamic/team-a.yml").find("Host(`a.dev.example.com`)"), std::string::npos);
  // prod has no vars of its own: the Edge's apply.
  EXPECT_NE(testing::text(c, "prod/traefik/dynamic/team-a.yml").find("Host(`a.example.com`)"), std::string::npos);
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
