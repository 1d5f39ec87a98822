#include "check/check.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using testing::compile_files;
using testing::messages;
using V = std::vector<std::string>;

std::string edge(const std::string& targets, const std::string& rest = "")
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: test}
spec:
  targets: )" +
         targets + "\n" + rest;
}

TEST(CheckTargets, DnsNeedsZonesAndAddresses)
{
  auto c = compile_files({{"edge.yaml", edge("[dns]")}}, false);
  EXPECT_EQ(messages(c), V{"edge.yaml:1:1: E0471: target \"dns\" needs dns.zones and dns.addresses (environment "
                           "\"default\")"});
  // The same settings without the target are fine: nothing is rendered from them.
  EXPECT_EQ(messages(compile_files({{"edge.yaml", edge("[traefik]", "  dns: {ttl: 60}\n")}}, false)), V{});
}

TEST(CheckTargets, ZoneNamesAreDnsNamesAndListedOnce)
{
  auto c = compile_files({{"edge.yaml", edge("[dns]", R"(  vars: {bad: "a_b"}
  dns:
    addresses: [192.0.2.1]
    zones:
      - name: example.com
      - name: Example.com.
      - name: ${bad}.example.com
)")}},
                         false);
  EXPECT_EQ(messages(c), (V{"edge.yaml:11:9: E0473: zone \"example.com\" is listed twice (environment \"default\")",
                            "edge.yaml:12:9: E0472: zone name \"a_b.example.com\" is not a DNS name (environment "
                            "\"default\")"}));
}

std::string dns(const std::string& settings)
{
  return edge("[dns]", R"(  dns:
    addresses: [192.0.2.1]
    zones: [{name: example.com}]
)" + settings);
}

TEST(CheckTargets, SoaTimersLeaveSecondariesARetryBeforeTheZoneExpires)
{
  const std::string where = " (environment \"default\")";
  EXPECT_EQ(messages(compile_files({{"edge.yaml", dns("    soa: {refresh: 3600, retry: 7200, expire: 7000, "
                                                      "minimum: 8000}\n")}},
                                   false)),
            (V{"edge.yaml:9:33: E0493: SOA retry (7200) is not shorter than refresh (3600): a secondary whose refresh "
               "failed would wait longer than a refresh" +
                   where,
               "edge.yaml:9:47: E0493: SOA expire (7000) is not longer than minimum (8000), the TTL of negative "
               "answers" +
                   where,
               "edge.yaml:9:47: E0493: SOA expire (7000) is not longer than refresh + retry (3600 + 7200): secondaries "
               "would drop the zone before they could try again" +
                   where}));
  // Against a default, at the timer that was written.
  EXPECT_EQ(messages(compile_files({{"edge.yaml", dns("    soa: {refresh: 600}\n")}}, false)),
            V{"edge.yaml:9:20: E0493: SOA retry (900) is not shorter than refresh (600): a secondary whose refresh "
              "failed would wait longer than a refresh" +
              where});
  EXPECT_EQ(messages(compile_files({{"edge.yaml", dns("    soa: {refresh: 3600, retry: 600, expire: 604800, "
                                                      "minimum: 300}\n")}},
                                   false)),
            V{});
}

TEST(CheckTargets, ForwardServersAreAddressesCoreDnsCanUse)
{
  const std::string where = " (environment \"default\")";
  auto c = compile_files({{"edge.yaml", dns(R"(    forward:
      - 1.1.1.1
      - "[2606:4700::1111]:53"
      - 2606:4700::1111
      - "dns://9.9.9.9:5353"
      - dns.google
      - "1.1.1.1:99999"
      - "https://1.1.1.1"
      - "[2606:4700::1111]"
      - "tls://9.9.9.9"
)")}},
                         false);
  EXPECT_EQ(
      messages(c),
      (V{"edge.yaml:14:9: E0494: forward server \"dns.google\": \"dns.google\" is not an IP address" + where,
         "edge.yaml:15:9: E0494: forward server \"1.1.1.1:99999\": port \"99999\" is not a port (1-65535)" + where,
         "edge.yaml:16:9: E0494: forward server \"https://1.1.1.1\": the forward plugin speaks dns:// and "
         "tls://, not https://" +
             where,
         "edge.yaml:17:9: E0494: forward server \"[2606:4700::1111]\": an address in brackets needs a port "
         "after it, as in [2606:4700:4700::1111]:53" +
             where,
         "edge.yaml:18:9: E0494: forward server \"tls://9.9.9.9\" speaks DNS over TLS without "
         "dns.tlsServerName: CoreDNS would not verify its certificate, so anyone on the path could answer in "
         "its place" +
             where}));
  EXPECT_EQ(messages(compile_files({{"edge.yaml", dns(R"(    forward: [1.1.1.1]
    tlsServerName: cloudflare-dns.com
)")}},
                                   false)),
            V{"edge.yaml:10:20: E0494: dns.tlsServerName \"cloudflare-dns.com\" is given, but no forward server is "
              "tls://" +
              where});
}

TEST(CheckTargets, ContainersAgreeOnTheirImageAndLeaveTraefikItsName)
{
  const char* project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: p}
spec:
  services:
    app: {port: 80, host: app, image: "app:1"}
    metrics: {port: 9100, host: app, image: "app:2"}
    admin: {port: 8080, host: app}
    proxy: {port: 80, host: traefik}
)";
  auto c = compile_files({{"edge.yaml", edge("[compose]")}, {"p.yaml", project}}, false);
  EXPECT_EQ(messages(c), (V{"p.yaml:7:5: E0474: container \"app\" is given two images, \"app:1\" and \"app:2\"",
                            "p.yaml:9:5: E0474: compose service name \"traefik\" is taken by the Traefik container"}));
}

const char* k_acme_issuer = R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec: {acme: {email: a@example.com}}
)";

TEST(CheckTargets, ComposeMountsTheAcmeStorageInADirectoryOfItsOwn)
{
  auto with_storage = [](const std::string& storage, const std::string& targets = "[compose]") {
    return compile_files({{"edge.yaml", edge(targets, "  defaultIssuer: le\n"
                                                      "  traefik: {acmeStorage: \"" +
                                                          storage + "\"}\n") +
                                            k_acme_issuer}},
                         false);
  };
  EXPECT_EQ(messages(with_storage("/acme.json")),
            V{"edge.yaml:7:26: E0477: ACME storage \"/acme.json\" is in \"/\": compose cannot keep it in a volume "
              "(environment \"default\")"});
  EXPECT_EQ(messages(with_storage("/etc/acme.json")),
            V{"edge.yaml:7:26: E0477: ACME storage \"/etc/acme.json\" is in the system directory \"/etc\": compose "
              "cannot keep it in a volume (environment \"default\")"});
  EXPECT_EQ(messages(with_storage("/etc/traefik/acme.json")),
            V{"edge.yaml:7:26: E0477: ACME storage \"/etc/traefik/acme.json\" is in \"/etc/traefik\", above the "
              "dynamic directory \"/etc/traefik/dynamic\": compose cannot keep it in a volume (environment "
              "\"default\")"});
  EXPECT_EQ(messages(with_storage("acme.json")),
            V{"edge.yaml:7:26: E0477: ACME storage \"acme.json\" is not an absolute path: compose cannot "
              "keep it in a volume (environment \"default\")"});
  EXPECT_EQ(messages(with_storage("/letsencrypt/acme.json")), V{});
  // Without compose nothing mounts it; with traefik-redis a worker keeps the certificates.
  EXPECT_EQ(messages(with_storage("/acme.json", "[traefik]")), V{});
}

TEST(CheckTargets, ComposeMountsTheAccessLogInADirectoryOfItsOwn)
{
  auto with_log = [](const std::string& path, const std::string& targets = "[compose]") {
    return messages(compile_files({{"edge.yaml", edge(targets, "  defaultIssuer: le\n"
                                                               "  traefik: {accessLog: {filePath: \"" +
                                                                   path + "\"}}\n") +
                                                     k_acme_issuer}},
                                  false));
  };
  const std::string tail = ": compose cannot keep it in a volume (environment \"default\")";
  EXPECT_EQ(with_log("/var/access.log"),
            V{"edge.yaml:7:35: E0495: access log \"/var/access.log\" is in the system directory \"/var\"" + tail});
  EXPECT_EQ(with_log("/etc/traefik/dynamic/access.log"),
            V{"edge.yaml:7:35: E0495: access log \"/etc/traefik/dynamic/access.log\" is in the dynamic directory "
              "\"/etc/traefik/dynamic\"" +
              tail});
  EXPECT_EQ(with_log("/etc/traefik/acme/access.log"),
            V{"edge.yaml:7:35: E0495: access log \"/etc/traefik/acme/access.log\" is in the directory of the ACME "
              "storage, \"/etc/traefik/acme\", which has a volume already" +
              tail});
  EXPECT_EQ(with_log("access.log"),
            V{"edge.yaml:7:35: E0495: access log \"access.log\" is not an absolute path" + tail});
  EXPECT_EQ(with_log("/var/log/traefik/access.log"), V{});
  // Traefik outside compose writes where it is told.
  EXPECT_EQ(with_log("/var/access.log", "[traefik]"), V{});
}

TEST(CheckTargets, ComposeTraefikDoesNotReadRedisAtItsOwnLoopback)
{
  auto c = compile_files({{"edge.yaml", edge("[compose, traefik-redis]", R"(  redis:
    endpoints: ["127.0.0.2:6379", "[::1]:6379", "LOCALHOST:6379", "valkey:6379", "127.example.com:6379"]
    sentinel: {masterName: edge}
)")}},
                         false);
  const std::string tail = "\", the container's own loopback (environment \"default\")";
  EXPECT_EQ(messages(c), (V{"edge.yaml:7:17: E0476: the Traefik container of compose would read Valkey/Redis at "
                            "\"127.0.0.2:6379" +
                                tail,
                            "edge.yaml:7:35: E0476: the Traefik container of compose would read Valkey/Redis at "
                            "\"[::1]:6379" +
                                tail,
                            "edge.yaml:7:49: E0476: the Traefik container of compose would read Valkey/Redis at "
                            "\"LOCALHOST:6379" +
                                tail}));
  // The default endpoint is at the Edge; compose's own Valkey replaces it.
  EXPECT_EQ(
      messages(compile_files({{"edge.yaml", edge("[compose, traefik-redis]")}}, false)),
      V{"edge.yaml:1:1: E0476: the Traefik container of compose would read Valkey/Redis at \"127.0.0.1:6379" + tail});
  EXPECT_EQ(
      messages(compile_files({{"edge.yaml", edge("[compose, traefik-redis]", "  compose: {valkey: {}}\n")}}, false)),
      V{});
  // A Traefik outside compose may read its host's Valkey.
  EXPECT_EQ(messages(compile_files({{"edge.yaml", edge("[traefik-redis]")}}, false)), V{});
}

TEST(CheckTargets, ComposeMountsNoRenderedFilesOverACertificateSyncersFiles)
{
  const char* issuer = R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: synced}
spec:
  files:
    certificates:
      - {certFile: /certs/a.pem, keyFile: /certs/a.key, domains: [a.example.com]}
)";
  auto c = compile_files({{"edge.yaml", edge("[compose]", R"(  defaultIssuer: synced
  traefik: {dynamicDirectory: /certs/}
)") + issuer}},
                         false);
  const std::string tail = "\" of issuer \"synced\" is in the dynamic directory \"/certs\", which compose mounts "
                           "from the rendered tree over what a syncer writes there (environment \"default\")";
  EXPECT_EQ(messages(c), (V{"edge.yaml:9:1: E0478: certificate file \"/certs/a.key" + tail,
                            "edge.yaml:9:1: E0478: certificate file \"/certs/a.pem" + tail}));
}

} // namespace
} // namespace edgegen::check
