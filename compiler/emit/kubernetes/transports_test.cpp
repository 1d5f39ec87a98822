#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::kubernetes {
namespace {

using namespace testing;

const char* k_services = "  services:\n"
                         "    pve:\n"
                         "      urls: [\"https://pve.home.arpa:8006\"]\n"
                         "      tls: {serverName: pve.home.arpa, ca: /etc/traefik/ca/pve.pem, caSecret: pve-ca}\n"
                         "  routes:\n"
                         "    - {host: pve.example.com, service: pve}\n";

TEST(KubernetesTransports, ServersTransportCarriesTheCaSecretAndTheIngressRouteNamesIt)
{
  auto c = compile(edge(), {{"home.yaml", project("home", k_services)}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(write::to_yaml({document(c, "ServersTransport", "home-pve")}), "apiVersion: traefik.io/v1alpha1\n"
                                                                           "kind: ServersTransport\n"
                                                                           "metadata:\n"
                                                                           "  labels:\n"
                                                                           "    edgegen.dev/project: home\n"
                                                                           "  name: home-pve\n"
                                                                           "  namespace: edge\n"
                                                                           "spec:\n"
                                                                           "  rootCAs:\n"
                                                                           "    - secret: pve-ca\n"
                                                                           "  serverName: pve.home.arpa\n");
  util::Value route = document(c, "IngressRoute", "home-pve");
  EXPECT_EQ(write::to_yaml({route["spec"]["routes"].as_list().at(0)["services"]}), "- name: home-pve\n"
                                                                                   "  port: 8006\n"
                                                                                   "  scheme: https\n"
                                                                                   "  serversTransport: home-pve\n");
}

TEST(KubernetesTransports, AnIngressNamesTheTransportOnTheExternalNameService)
{
  auto c = compile(edge("  kubernetes: {routing: ingress}\n"), {{"home.yaml", project("home", k_services)}});
  ASSERT_EQ(errors(c), "");
  util::Value service = document(c, "Service", "home-pve");
  EXPECT_EQ(write::to_yaml({service["metadata"]["annotations"]}),
            "traefik.ingress.kubernetes.io/service.serversscheme: https\n"
            "traefik.ingress.kubernetes.io/service.serverstransport: edge-home-pve@kubernetescrd\n");
}

TEST(KubernetesTransports, AServiceWithoutTlsHasNoTransport)
{
  auto c = compile(edge(), {{"home.yaml", project("home", "  services: {web: {port: 80}}\n"
                                                          "  routes: [{host: www.example.com, service: web}]\n")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_TRUE(document(c, "ServersTransport", "home-web").is_null());
}

} // namespace
} // namespace edgegen::emit::kubernetes
