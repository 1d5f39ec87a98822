// What the compose file needs to run as written: mounts only of what exists,
// the overrides' networks, `$` escaped, credentials and users files by
// reference, Valkey next to Traefik.
#include "emit/compose/compose.hpp"

#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::compose {
namespace {

using V = std::vector<std::string>;

std::string edge(const std::string& targets, const std::string& rest)
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: test}
spec:
  targets: )" +
         targets +
         R"(
  defaultIssuer: le
  traefik: {ping: false}
)" + rest +
         R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec: {acme: {email: a@example.com}}
)";
}

const char* k_project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: shop}
spec:
  services:
    web: {port: 3000}
    db: {port: 5432, image: "postgres:17"}
  routes:
    - rule: Host(`a.example.com`) && PathRegexp(`^/api/v[0-9]+$`)
      service: web
    - host: db.example.com
      service: db
)";

std::string compose_file(const testing::Compiled& c)
{
  for (const auto& f : c.files) {
    if (f.path == "default/compose/compose.yaml") {
      return serialise::to_yaml(f.documents);
    }
  }
  return "<no compose file>";
}

std::string section(const std::string& text, const std::string& start, const std::string& end)
{
  size_t from = text.find(start);
  if (from == std::string::npos) {
    return "<no " + start + ">";
  }
  size_t to = text.find(end, from + start.size());
  return text.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

TEST(ComposeDeploy, OverridesKeepTheTeamsServiceOnDefaultAndDollarsAreEscaped)
{
  auto c = testing::compile_files({{"edge.yaml", edge("[compose]", "")}, {"shop.yaml", k_project}}, false);
  ASSERT_EQ(testing::messages(c), V{});
  EXPECT_EQ(section(compose_file(c), "  shop-web:\n", "  traefik:\n"),
            R"(  shop-web:
    labels:
      traefik.enable: "true"
      traefik.http.routers.shop-web.entrypoints: websecure
      traefik.http.routers.shop-web.rule: Host(`a.example.com`) && PathRegexp(`^/api/v[0-9]+$$`)
      traefik.http.routers.shop-web.service: shop-web
      traefik.http.routers.shop-web.tls: "true"
      traefik.http.routers.shop-web.tls.certresolver: le
      traefik.http.routers.shop-web.tls.domains[0].main: a.example.com
      traefik.http.services.shop-web.loadbalancer.server.port: "3000"
    networks:
      - edge
      - default
)");
  // A complete container is only on the shared network.
  EXPECT_NE(compose_file(c).find(R"(    image: postgres:17
    labels:
)"),
            std::string::npos);
  EXPECT_NE(compose_file(c).find(R"(    networks:
      - edge
    restart: unless-stopped
  shop-web:
)"),
            std::string::npos)
      << compose_file(c);
}

TEST(ComposeDeploy, DnsCredentialsComeFromAnEnvFileAndUsersFilesAreMountedReadOnly)
{
  const std::string rest = R"(  compose: {secretsDirectory: /srv/edge/secrets}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: login}
spec: {basicAuth: {usersFile: /etc/traefik/auth/ops.htpasswd}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: dns}
spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: digest}
spec: {digestAuth: {usersFile: /run/secrets/digest}}
)";
  auto c = testing::compile_files({{"edge.yaml", edge("[compose]", rest)}}, false);
  ASSERT_EQ(testing::messages(c), V{});
  EXPECT_EQ(section(compose_file(c), "  traefik:\n", "    image:"), R"(  traefik:
    env_file:
      - traefik.env
)");
  EXPECT_EQ(section(compose_file(c), "    volumes:\n", "volumes:\n  traefik-acme"),
            R"(    volumes:
      - ../traefik/traefik.yml:/etc/traefik/traefik.yml:ro
      - ../traefik/dynamic:/etc/traefik/dynamic:ro
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - traefik-acme:/etc/traefik/acme
      - /srv/edge/secrets/etc/traefik/auth/ops.htpasswd:/etc/traefik/auth/ops.htpasswd:ro
      - /srv/edge/secrets/run/secrets/digest:/run/secrets/digest:ro
)");
}

TEST(ComposeDeploy, WithTheKvTraefikMountsNeitherAMissingDynamicDirectoryNorTheDockerSocket)
{
  auto c = testing::compile_files(
      {{"edge.yaml", edge("[compose, traefik-redis]", "  compose: {valkey: {}}\n")}, {"shop.yaml", k_project}}, false);
  ASSERT_EQ(testing::messages(c), V{});
  std::string compose = compose_file(c);
  EXPECT_EQ(section(compose, "  traefik:\n", "volumes:\n  traefik-dynamic"),
            R"(  traefik:
    depends_on:
      valkey:
        condition: service_healthy
    image: traefik:v3.7.9
    networks:
      - edge
    ports:
      - protocol: tcp
        published: 80
        target: 80
      - protocol: tcp
        published: 443
        target: 443
    restart: unless-stopped
    volumes:
      - ../traefik/traefik.yml:/etc/traefik/traefik.yml:ro
      - traefik-dynamic:/etc/traefik/dynamic:ro
  valkey:
    command:
      - valkey-server
      - "--notify-keyspace-events"
      - KEA
      - "--appendonly"
      - "yes"
    healthcheck:
      interval: 10s
      retries: 3
      test:
        - CMD
        - valkey-cli
        - ping
      timeout: 5s
    image: valkey/valkey:8.1
    networks:
      - edge
    restart: unless-stopped
    volumes:
      - valkey-data:/data
)");
  EXPECT_EQ(compose.substr(compose.find(R"(
volumes:
)")),
            R"(
volumes:
  traefik-dynamic: {}
  valkey-data: {}
)");
  for (const auto& f : c.files) {
    EXPECT_EQ(f.path.find("/dynamic/"), std::string::npos) << f.path;
  }
}

} // namespace
} // namespace edgegen::emit::compose
