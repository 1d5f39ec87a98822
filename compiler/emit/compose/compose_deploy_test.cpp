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
  return "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Edge\n"
         "metadata: {name: test}\n"
         "spec:\n"
         "  targets: " +
         targets +
         "\n"
         "  defaultIssuer: le\n"
         "  traefik: {ping: false}\n" +
         rest +
         "---\n"
         "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Issuer\n"
         "metadata: {name: le}\n"
         "spec: {acme: {email: a@example.com}}\n";
}

const char* k_project = "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Project\n"
                        "metadata: {name: shop}\n"
                        "spec:\n"
                        "  services:\n"
                        "    web: {port: 3000}\n"
                        "    db: {port: 5432, image: \"postgres:17\"}\n"
                        "  routes:\n"
                        "    - rule: Host(`a.example.com`) && PathRegexp(`^/api/v[0-9]+$`)\n"
                        "      service: web\n"
                        "    - host: db.example.com\n"
                        "      service: db\n";

std::string compose_file(const Compilation& c)
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
            "  shop-web:\n"
            "    labels:\n"
            "      traefik.enable: \"true\"\n"
            "      traefik.http.routers.shop-web.entrypoints: websecure\n"
            "      traefik.http.routers.shop-web.rule: Host(`a.example.com`) && PathRegexp(`^/api/v[0-9]+$$`)\n"
            "      traefik.http.routers.shop-web.service: shop-web\n"
            "      traefik.http.routers.shop-web.tls: \"true\"\n"
            "      traefik.http.routers.shop-web.tls.certresolver: le\n"
            "      traefik.http.routers.shop-web.tls.domains[0].main: a.example.com\n"
            "      traefik.http.services.shop-web.loadbalancer.server.port: \"3000\"\n"
            "    networks:\n"
            "      - edge\n"
            "      - default\n");
  // A complete container is only on the shared network.
  EXPECT_NE(compose_file(c).find("    image: postgres:17\n"
                                 "    labels:\n"),
            std::string::npos);
  EXPECT_NE(compose_file(c).find("    networks:\n      - edge\n    restart: unless-stopped\n  shop-web:\n"),
            std::string::npos)
      << compose_file(c);
}

TEST(ComposeDeploy, DnsCredentialsComeFromAnEnvFileAndUsersFilesAreMountedReadOnly)
{
  const std::string rest = "  compose: {secretsDirectory: /srv/edge/secrets}\n"
                           "---\n"
                           "apiVersion: edgegen.dev/v1alpha1\n"
                           "kind: Middleware\n"
                           "metadata: {name: login}\n"
                           "spec: {basicAuth: {usersFile: /etc/traefik/auth/ops.htpasswd}}\n"
                           "---\n"
                           "apiVersion: edgegen.dev/v1alpha1\n"
                           "kind: Issuer\n"
                           "metadata: {name: dns}\n"
                           "spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}\n"
                           "---\n"
                           "apiVersion: edgegen.dev/v1alpha1\n"
                           "kind: Middleware\n"
                           "metadata: {name: digest}\n"
                           "spec: {digestAuth: {usersFile: /run/secrets/digest}}\n";
  auto c = testing::compile_files({{"edge.yaml", edge("[compose]", rest)}}, false);
  ASSERT_EQ(testing::messages(c), V{});
  EXPECT_EQ(section(compose_file(c), "  traefik:\n", "    image:"), "  traefik:\n"
                                                                    "    env_file:\n"
                                                                    "      - traefik.env\n");
  EXPECT_EQ(section(compose_file(c), "    volumes:\n", "volumes:\n  traefik-acme"),
            "    volumes:\n"
            "      - ../traefik/traefik.yml:/etc/traefik/traefik.yml:ro\n"
            "      - ../traefik/dynamic:/etc/traefik/dynamic:ro\n"
            "      - /var/run/docker.sock:/var/run/docker.sock:ro\n"
            "      - traefik-acme:/etc/traefik/acme\n"
            "      - /srv/edge/secrets/etc/traefik/auth/ops.htpasswd:/etc/traefik/auth/ops.htpasswd:ro\n"
            "      - /srv/edge/secrets/run/secrets/digest:/run/secrets/digest:ro\n");
}

TEST(ComposeDeploy, WithTheKvTraefikMountsNeitherAMissingDynamicDirectoryNorTheDockerSocket)
{
  auto c = testing::compile_files(
      {{"edge.yaml", edge("[compose, traefik-redis]", "  compose: {valkey: {}}\n")}, {"shop.yaml", k_project}}, false);
  ASSERT_EQ(testing::messages(c), V{});
  std::string compose = compose_file(c);
  EXPECT_EQ(section(compose, "  traefik:\n", "volumes:\n  traefik-dynamic"),
            "  traefik:\n"
            "    depends_on:\n"
            "      valkey:\n"
            "        condition: service_healthy\n"
            "    image: traefik:v3.7.9\n"
            "    networks:\n"
            "      - edge\n"
            "    ports:\n"
            "      - protocol: tcp\n"
            "        published: 80\n"
            "        target: 80\n"
            "      - protocol: tcp\n"
            "        published: 443\n"
            "        target: 443\n"
            "    restart: unless-stopped\n"
            "    volumes:\n"
            "      - ../traefik/traefik.yml:/etc/traefik/traefik.yml:ro\n"
            "      - traefik-dynamic:/etc/traefik/dynamic:ro\n"
            "  valkey:\n"
            "    command:\n"
            "      - valkey-server\n"
            "      - \"--notify-keyspace-events\"\n"
            "      - KEA\n"
            "      - \"--appendonly\"\n"
            "      - \"yes\"\n"
            "    healthcheck:\n"
            "      interval: 10s\n"
            "      retries: 3\n"
            "      test:\n"
            "        - CMD\n"
            "        - valkey-cli\n"
            "        - ping\n"
            "      timeout: 5s\n"
            "    image: valkey/valkey:8.1\n"
            "    networks:\n"
            "      - edge\n"
            "    restart: unless-stopped\n"
            "    volumes:\n"
            "      - valkey-data:/data\n");
  EXPECT_EQ(compose.substr(compose.find("\nvolumes:\n")), "\nvolumes:\n  traefik-dynamic: {}\n  valkey-data: {}\n");
  for (const auto& f : c.files) {
    EXPECT_EQ(f.path.find("/dynamic/"), std::string::npos) << f.path;
  }
}

} // namespace
} // namespace edgegen::emit::compose
