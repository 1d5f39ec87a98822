#include "emit/compose/compose.hpp"
#include "emit/redis/redis.hpp"

#include "testing.hpp"
#include "write/write.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::compose {
namespace {

std::string edge(const std::string& targets)
{
  return "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Edge\n"
         "metadata: {name: test}\n"
         "spec:\n"
         "  targets: " +
         targets +
         "\n"
         "  defaultIssuer: le\n"
         "  entryPoints:\n"
         "    web: {address: \":80\", redirectTo: websecure}\n"
         "    websecure: {address: \"[::1]:443\"}\n"
         "  certificates:\n"
         "    - domains: [example.com, \"*.example.com\"]\n"
         "  compose: {network: proxy, traefikImage: \"traefik:v3.7.9\"}\n"
         "  redis: {endpoints: [\"valkey.internal:6379\"]}\n"
         "---\n"
         "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Issuer\n"
         "metadata: {name: le}\n"
         "spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}\n"
         "---\n"
         "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Middleware\n"
         "metadata: {name: headers}\n"
         "spec: {preset: secure-headers}\n";
}

const char* k_project = "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Project\n"
                        "metadata: {name: shop}\n"
                        "spec:\n"
                        "  services:\n"
                        "    api:\n"
                        "      port: 8000\n"
                        "      scheme: h2c\n"
                        "      image: registry.example.com/shop/api:1.2\n"
                        "      healthCheck: {path: /healthz, interval: 10s, headers: {X-Probe: edge}}\n"
                        "    web: {port: 3000, passHostHeader: false}\n"
                        "    legacy: {port: 80, host: 10.0.0.5}\n"
                        "  routes:\n"
                        "    - host: shop.example.com\n"
                        "      pathPrefix: /api\n"
                        "      service: api\n"
                        "      middlewares: [limit, headers, auth@docker]\n"
                        "      priority: 30000\n"
                        "      entryPoints: [websecure]\n"
                        "    - host: shop.example.com\n"
                        "      service: web\n"
                        "    - host: old.shop.internal\n"
                        "      service: legacy\n"
                        "      tls: false\n"
                        "  middlewares:\n"
                        "    limit: {rateLimit: {average: 5}}\n";

Compilation compile_with(const std::string& targets)
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
  return write::to_yaml({value});
}

std::string file(const Compilation& c, const std::string& path)
{
  for (const auto& f : c.files) {
    if (f.path == path) {
      return write::to_yaml(f.documents);
    }
  }
  return "<no " + path + ">";
}

TEST(Compose, LabelsCarryRoutersAndTheServiceAsTraefiksLabelReferenceSpellsThem)
{
  auto c = compile_with("[compose]");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  EXPECT_EQ(yaml(labels(config, config.projects.at(0), service(c, "api"))),
            "traefik.enable: \"true\"\n"
            "traefik.http.routers.shop-api.entrypoints: websecure\n"
            "traefik.http.routers.shop-api.middlewares: shop-limit@file,headers@file,auth@docker\n"
            "traefik.http.routers.shop-api.priority: \"30000\"\n"
            "traefik.http.routers.shop-api.rule: Host(`shop.example.com`) && PathPrefix(`/api`)\n"
            "traefik.http.routers.shop-api.service: shop-api\n"
            "traefik.http.routers.shop-api.tls: \"true\"\n"
            "traefik.http.routers.shop-api.tls.certresolver: le\n"
            "traefik.http.routers.shop-api.tls.domains[0].main: example.com\n"
            "traefik.http.routers.shop-api.tls.domains[0].sans: \"*.example.com\"\n"
            "traefik.http.services.shop-api.loadbalancer.healthcheck.headers.X-Probe: edge\n"
            "traefik.http.services.shop-api.loadbalancer.healthcheck.interval: 10s\n"
            "traefik.http.services.shop-api.loadbalancer.healthcheck.path: /healthz\n"
            "traefik.http.services.shop-api.loadbalancer.server.port: \"8000\"\n"
            "traefik.http.services.shop-api.loadbalancer.server.scheme: h2c\n");
}

TEST(Compose, WithTraefikRedisEveryRouteIsInTheKvAndCertificatesAreTheWorkers)
{
  // Every node of the fleet reads the KV; only the one beside the containers
  // could read their labels. So containers join the network, with no labels,
  // and their routers and services are keys like every other route's.
  auto c = compile_with("[compose, traefik-redis]");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  std::string compose = file(c, "default/compose/compose.yaml");
  EXPECT_EQ(compose.find("labels:"), std::string::npos) << compose;
  EXPECT_NE(compose.find("  shop-web:\n    networks:\n      - proxy\n      - default\n"), std::string::npos) << compose;
  const auto& config = testing::config_of(c);
  auto keys = redis::keys(config);
  EXPECT_EQ(keys.at("traefik/http/routers/shop-web/rule"), "Host(`shop.example.com`)");
  EXPECT_EQ(keys.at("traefik/http/routers/shop-api/middlewares/0"), "shop-limit");
  EXPECT_EQ(keys.at("traefik/http/routers/shop-api/middlewares/2"), "auth@docker");
  EXPECT_EQ(keys.at("traefik/http/services/shop-web/loadBalancer/servers/0/url"), "http://shop-web:3000");
  EXPECT_EQ(keys.at("traefik/http/services/shop-api/loadBalancer/servers/0/url"), "h2c://shop-api:8000");
  std::string traefik_yml = file(c, "default/traefik/traefik.yml");
  EXPECT_NE(traefik_yml.find("  redis:\n    endpoints:\n      - valkey.internal:6379\n"
                             "    rootKey: traefik\n"),
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
  std::string compose = file(c, "default/compose/compose.yaml");
  // shop-web has no image: labels and network only, to merge with the team's file.
  EXPECT_NE(compose.find("  shop-web:\n    labels:\n"), std::string::npos) << compose;
  EXPECT_NE(compose.find("  shop-api:\n    image: registry.example.com/shop/api:1.2\n    labels:\n"),
            std::string::npos);
  EXPECT_EQ(compose.find("shop-legacy"), std::string::npos);
  // The file provider keeps what labels do not hold: the legacy router and
  // service and the project's middleware.
  EXPECT_EQ(file(c, "default/traefik/dynamic/shop.yml"), "http:\n"
                                                         "  middlewares:\n"
                                                         "    shop-limit:\n"
                                                         "      rateLimit:\n"
                                                         "        average: 5\n"
                                                         "  routers:\n"
                                                         "    shop-legacy:\n"
                                                         "      entryPoints:\n"
                                                         "        - websecure\n"
                                                         "      priority: 20000\n"
                                                         "      rule: Host(`old.shop.internal`)\n"
                                                         "      service: shop-legacy\n"
                                                         "  services:\n"
                                                         "    shop-legacy:\n"
                                                         "      loadBalancer:\n"
                                                         "        servers:\n"
                                                         "          - url: http://10.0.0.5:80\n");
}

TEST(Compose, TraefikContainerMountsTheRenderedFilesAndPublishesTheEntryPoints)
{
  auto c = compile_with("[compose]");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  // Traefik solves the DNS-01 challenges of `le`: the provider's credentials
  // come from the env file.
  EXPECT_EQ(yaml(traefik_service(testing::config_of(c))), "env_file:\n"
                                                          "  - traefik.env\n"
                                                          "healthcheck:\n"
                                                          "  interval: 10s\n"
                                                          "  retries: 3\n"
                                                          "  start_period: 10s\n"
                                                          "  test:\n"
                                                          "    - CMD\n"
                                                          "    - traefik\n"
                                                          "    - healthcheck\n"
                                                          "    - \"--ping\"\n"
                                                          "  timeout: 5s\n"
                                                          "image: traefik:v3.7.9\n"
                                                          "networks:\n"
                                                          "  - proxy\n"
                                                          "ports:\n"
                                                          "  - protocol: tcp\n"
                                                          "    published: 80\n"
                                                          "    target: 80\n"
                                                          "  - host_ip: \"::1\"\n"
                                                          "    protocol: tcp\n"
                                                          "    published: 443\n"
                                                          "    target: 443\n"
                                                          "restart: unless-stopped\n"
                                                          "volumes:\n"
                                                          "  - ../traefik/traefik.yml:/etc/traefik/traefik.yml:ro\n"
                                                          "  - ../traefik/dynamic:/etc/traefik/dynamic:ro\n"
                                                          "  - /var/run/docker.sock:/var/run/docker.sock:ro\n"
                                                          "  - traefik-acme:/etc/traefik/acme\n");
  EXPECT_NE(file(c, "default/traefik/traefik.yml").find("  docker:\n    exposedByDefault: false\n    network: proxy\n"),
            std::string::npos);
}

TEST(Compose, AnAccessLogFileGetsAVolumeAtItsDirectory)
{
  std::string with_log = edge("[compose]");
  with_log.insert(with_log.find("  compose:"), "  traefik: {accessLog: {filePath: /var/log/traefik/access.log}}\n");
  auto c = testing::compile_files({{"edge.yaml", with_log}, {"shop.yaml", k_project}}, false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  std::string compose = file(c, "default/compose/compose.yaml");
  EXPECT_NE(compose.find("      - traefik-acme:/etc/traefik/acme\n      - traefik-logs:/var/log/traefik\n"),
            std::string::npos)
      << compose;
  EXPECT_NE(compose.find("volumes:\n  traefik-acme: {}\n  traefik-logs: {}\n"), std::string::npos) << compose;
  // Standard output needs no volume.
  EXPECT_EQ(file(compile_with("[compose]"), "default/compose/compose.yaml").find("traefik-logs"), std::string::npos);
}

TEST(Compose, AContainerWithBackendTlsNamesItsTransportInTheDynamicFiles)
{
  const std::string project = "apiVersion: edgegen.dev/v1alpha1\n"
                              "kind: Project\n"
                              "metadata: {name: home}\n"
                              "spec:\n"
                              "  services:\n"
                              "    app:\n"
                              "      port: 8443\n"
                              "      scheme: https\n"
                              "      image: registry.example.com/app:1\n"
                              "      tls: {serverName: app.internal, ca: /etc/traefik/ca/app.pem}\n"
                              "  routes:\n"
                              "    - {host: app.example.com, service: app}\n";
  auto c = testing::compile_files({{"edge.yaml", edge("[compose]")}, {"home.yaml", project}}, false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  util::Value all = labels(config, config.projects.at(0), config.projects.at(0).services.at(0));
  EXPECT_EQ(all["traefik.http.services.home-app.loadbalancer.serverstransport"], util::Value("home-app@file"));
  EXPECT_EQ(file(c, "default/traefik/dynamic/home.yml"), "http:\n"
                                                         "  serversTransports:\n"
                                                         "    home-app:\n"
                                                         "      rootCAs:\n"
                                                         "        - /etc/traefik/ca/app.pem\n"
                                                         "      serverName: app.internal\n");
  // The CA file is mounted into the Traefik container from secretsDirectory.
  EXPECT_NE(file(c, "default/compose/compose.yaml").find("./secrets/etc/traefik/ca/app.pem:/etc/traefik/ca/app.pem:ro"),
            std::string::npos);
}

} // namespace
} // namespace edgegen::emit::compose
