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
  return "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Edge\n"
         "metadata: {name: test}\n"
         "spec:\n"
         "  targets: " +
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
  auto c = compile_files({{"edge.yaml", edge("[dns]", "  vars: {bad: \"a_b\"}\n"
                                                      "  dns:\n"
                                                      "    addresses: [192.0.2.1]\n"
                                                      "    zones:\n"
                                                      "      - name: example.com\n"
                                                      "      - name: Example.com.\n"
                                                      "      - name: ${bad}.example.com\n")}},
                         false);
  EXPECT_EQ(messages(c), (V{"edge.yaml:11:9: E0473: zone \"example.com\" is listed twice (environment \"default\")",
                            "edge.yaml:12:9: E0472: zone name \"a_b.example.com\" is not a DNS name (environment "
                            "\"default\")"}));
}

TEST(CheckTargets, ContainersAgreeOnTheirImageAndLeaveTraefikItsName)
{
  const char* project = "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Project\n"
                        "metadata: {name: p}\n"
                        "spec:\n"
                        "  services:\n"
                        "    app: {port: 80, host: app, image: \"app:1\"}\n"
                        "    metrics: {port: 9100, host: app, image: \"app:2\"}\n"
                        "    admin: {port: 8080, host: app}\n"
                        "    proxy: {port: 80, host: traefik}\n";
  auto c = compile_files({{"edge.yaml", edge("[compose]")}, {"p.yaml", project}}, false);
  EXPECT_EQ(messages(c), (V{"p.yaml:7:5: E0474: container \"app\" is given two images, \"app:1\" and \"app:2\"",
                            "p.yaml:9:5: E0474: compose service name \"traefik\" is taken by the Traefik container"}));
}

} // namespace
} // namespace edgegen::check
