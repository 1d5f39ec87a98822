#include "emit/compose/compose.hpp"
#include "emit/redis/redis.hpp"

#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::compose {
namespace {

std::string edge(const std::string& targets)
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: test}
spec:
  targets: )" +
         targets +
         R"(
  defaultIssuer: le
  entryPoints:
    web: {address: ":80", redirectTo: websecure}
    websecure: {address: "[::1]:443"}
  certificates:
    - domains: [example.com, "*.example.com"]
  compose: {network: proxy, traefikImage: "traefik:v3.7.9"}
  redis: {endpoints: ["valkey.internal:6379"]}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: headers}
spec: {preset: secure-headers}
)";
}

const char* k_project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: shop}
spec:
  services:
    api:
      port: 8000
      scheme: h2c
      image: registry.example.com/shop/api:1.2
      healthCheck: {path: /healthz, interval: 10s, headers: {X-Probe: edge}}
    web: {port: 3000, passHostHeader: false}
    legacy: {port: 80, host: 10.0.0.5}
  routes:
    - host: shop.example.com
      pathPrefix: /api
      service: api
      middlewares: [limit, headers, auth@docker]
      priority: 30000
      entryPoints: [websecure]
    - host: shop.example.com
      service: web
    - host: old.shop.internal
      service: legacy
      tls: false
  middlewares:
    limit: {rateLimit: {average: 5}}
)";

testing::Compiled compile_with(const std::string& targets)
{
  return testing::compile_files({{"edge.yaml", edge(targets)}, {"shop.yaml", k_project}}, false);
}

const model::Service& service(const Compilation& c, const std::string& name)
{
  for (const auto& s : testing::config_of(c).projects.at(0).services) {
    if (s.name == name) {
      return s;
    }
  }
  throw std::logic_error("no service " + name);
}

std::string yaml(const util::Value& value)
{
  return serialise::to_yaml({value});
}

TEST(Compose, LabelsCarryRoutersAndTheServiceAsTraefiksLabelReferenceSpellsThem)
{
  auto c = compile_with("[compose]");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  EXPECT_EQ(yaml(labels(config, config.projects.at(0), service(c, "api"))),
            R"(traefik.enable: "true"
traefik.http.routers.shop-api.entrypoints: websecure
traefik.http.routers.shop-api.middlewares: shop-limit@file,headers@file,auth@docker
traefik.http.routers.shop-api.priority: "30000"
traefik.http.routers.shop-api.rule: Host(`shop.example.com`) && PathPrefix(`/api`)
traefik.http.routers.shop-api.service: shop-api
traefik.http.routers.shop-api.tls: "true"
traefik.http.routers.shop-api.tls.certresolver: le
traefik.http.routers.shop-api.tls.domains[0].main: example.com
traefik.http.routers.shop-api.tls.domains[0].sans: "*.example.com"
traefik.http.services.shop-api.loadbalancer.healthcheck.headers.X-Probe: edge
traefik.http.services.shop-api.loadbalancer.healthcheck.interval: 10s
traefik.http.services.shop-api.loadbalancer.healthcheck.path: /healthz
traefik.http.services.shop-api.loadbalancer.server.port: "8000"
traefik.http.services.shop-api.loadbalancer.server.scheme: h2c
)");
}

TEST(Compose, WithTraefikRedisEveryRouteIsInTheKvAndCertificatesAreTheWorkers)
{
  // Every node of the fleet reads the KV; only the one beside the containers
  // could read their labels. So containers join the network, with no labels,
  // and their routers and services are keys like every other route's.
  auto c = compile_with("[compose, traefik-redis]");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  std::string compose = testing::text(c, "default/compose/compose.yaml");
  EXPECT_EQ(compose.find("labels:"), std::string::npos) << compose;
  EXPECT_NE(compose.find(R"(  shop-web:
    networks:
      - proxy
      - default
)"),
            std::string::npos)
      << compose;
  const auto& config = testing::config_of(c);
  auto keys = redis::keys(config);
  EXPECT_EQ(keys.at("traefik/http/routers/shop-web/rule"), "Host(`shop.example.com`)");
  EXPECT_EQ(keys.at("traefik/http/routers/shop-api/middlewares/0"), "shop-limit");
  EXPECT_EQ(keys.at("traefik/http/routers/shop-api/middlewares/2"), "auth@docker");
  EXPECT_EQ(keys.at("traefik/http/services/shop-web/loadBalancer/servers/0/url"), "http://shop-web:3000");
  EXPECT_EQ(keys.at("traefik/http/services/shop-api/loadBalancer/servers/0/url"), "h2c://shop-api:8000");
  std::string traefik_yml = testing::text(c, "default/traefik/traefik.yml");
  EXPECT_NE(traefik_yml.find(R"(  redis:
    endpoints:
      - valkey.internal:6379
    rootKey: traefik
)"),
            std::string::npos);
  EXPECT_EQ(traefik_yml.find("docker:"), std::string::npos) << traefik_yml;
  EXPECT_EQ(traefik_yml.find("certificatesResolvers"), std::string::npos);
}

TEST(Compose, ServicesWithoutImageAreOverridesAndAddressesStayWithTheFileProvider)
{
  auto c = compile_with("[compose]");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  EXPECT_TRUE(service(c, "api").container);
  EXPECT_TRUE(service(c, "web").container);
  EXPECT_FALSE(service(c, "legacy").container);
  std::string compose = testing::text(c, "default/compose/compose.yaml");
  // shop-web has no image: labels and network only, to merge with the team's file.
  EXPECT_NE(compose.find(R"(  shop-web:
    labels:
)"),
            std::string::npos)
      << compose;
  EXPECT_NE(compose.find(R"(  shop-api:
    image: registry.example.com/shop/api:1.2
    labels:
)"),
            std::string::npos);
  EXPECT_EQ(compose.find("shop-legacy"), std::string::npos);
  // The file provider keeps what labels do not hold: the legacy router and
  // service and the project's middleware.
  EXPECT_EQ(testing::text(c, "default/traefik/dynamic/shop.yml"), R"(http:
  middlewares:
    shop-limit:
      rateLimit:
        average: 5
  routers:
    shop-legacy:
      entryPoints:
        - websecure
      priority: 20000
      rule: Host(`old.shop.internal`)
      service: shop-legacy
  services:
    shop-legacy:
      loadBalancer:
        servers:
          - url: http://10.0.0.5:80
)");
}

TEST(Compose, TraefikContainerMountsTheRenderedFilesAndPublishesTheEntryPoints)
{
  auto c = compile_with("[compose]");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  // Traefik solves the DNS-01 challenges of `le`: the provider's credentials
  // come from the env file.
  EXPECT_EQ(yaml(traefik_service(testing::config_of(c))), R"(env_file:
  - traefik.env
healthcheck:
  interval: 10s
  retries: 3
  start_period: 10s
  test:
    - CMD
    - traefik
    - healthcheck
    - "--ping"
  timeout: 5s
image: traefik:v3.7.9
networks:
  - proxy
ports:
  - protocol: tcp
    published: 80
    target: 80
  - host_ip: "::1"
    protocol: tcp
    published: 443
    target: 443
restart: unless-stopped
volumes:
  - ../traefik/traefik.yml:/etc/traefik/traefik.yml:ro
  - ../traefik/dynamic:/etc/traefik/dynamic:ro
  - /var/run/docker.sock:/var/run/docker.sock:ro
  - traefik-acme:/etc/traefik/acme
)");
  EXPECT_NE(testing::text(c, "default/traefik/traefik.yml").find(R"(  docker:
    exposedByDefault: false
    network: proxy
)"),
            std::string::npos);
}

TEST(Compose, AnAccessLogFileGetsAVolumeAtItsDirectory)
{
  std::string with_log = edge("[compose]");
  with_log.insert(with_log.find("  compose:"), "  traefik: {accessLog: {filePath: /var/log/traefik/access.log}}\n");
  auto c = testing::compile_files({{"edge.yaml", with_log}, {"shop.yaml", k_project}}, false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  std::string compose = testing::text(c, "default/compose/compose.yaml");
  EXPECT_NE(compose.find(R"(      - traefik-acme:/etc/traefik/acme
      - traefik-logs:/var/log/traefik
)"),
            std::string::npos)
      << compose;
  EXPECT_NE(compose.find(R"(volumes:
  traefik-acme: {}
  traefik-logs: {}
)"),
            std::string::npos)
      << compose;
  // Standard output needs no volume.
  EXPECT_EQ(testing::text(compile_with("[compose]"), "default/compose/compose.yaml").find("traefik-logs"),
            std::string::npos);
}

TEST(Compose, AContainerWithBackendTlsNamesItsTransportInTheDynamicFiles)
{
  const std::string project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: home}
spec:
  services:
    app:
      port: 8443
      scheme: https
      image: registry.example.com/app:1
      tls: {serverName: app.internal, ca: /etc/traefik/ca/app.pem}
  routes:
    - {host: app.example.com, service: app}
)";
  auto c = testing::compile_files({{"edge.yaml", edge("[compose]")}, {"home.yaml", project}}, false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  util::Value all = labels(config, config.projects.at(0), config.projects.at(0).services.at(0));
  EXPECT_EQ(all["traefik.http.services.home-app.loadbalancer.serverstransport"], util::Value("home-app@file"));
  EXPECT_EQ(testing::text(c, "default/traefik/dynamic/home.yml"), R"(http:
  serversTransports:
    home-app:
      rootCAs:
        - /etc/traefik/ca/app.pem
      serverName: app.internal
)");
  // The CA file is mounted into the Traefik container from secretsDirectory.
  EXPECT_NE(testing::text(c, "default/compose/compose.yaml")
                .find("./secrets/etc/traefik/ca/app.pem:/etc/traefik/ca/app.pem:ro"),
            std::string::npos);
}

} // namespace
} // namespace edgegen::emit::compose
