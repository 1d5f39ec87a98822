#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::kubernetes {
namespace {

using namespace testing;

const char* k_services = R"(  services:
    pve:
      urls: ["https://pve.home.arpa:8006"]
      tls: {serverName: pve.home.arpa, ca: /etc/traefik/ca/pve.pem, caSecret: pve-ca}
  routes:
    - {host: pve.example.com, service: pve}
)";

TEST(KubernetesTransports, ServersTransportCarriesTheCaSecretAndTheIngressRouteNamesIt)
{
  auto c = compile(edge(), {{"home.yaml", project("home", k_services)}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(serialise::to_yaml({document(c, "ServersTransport", "home-pve")}), R"(apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata:
  labels:
    edgegen.dev/project: home
  name: home-pve
  namespace: edge
spec:
  rootCAs:
    - secret: pve-ca
  serverName: pve.home.arpa
)");
  util::Value route = document(c, "IngressRoute", "home-pve");
  EXPECT_EQ(serialise::to_yaml({route["spec"]["routes"].as_list().at(0)["services"]}), R"(- name: home-pve
  port: 8006
  scheme: https
  serversTransport: home-pve
)");
}

TEST(KubernetesTransports, AnIngressNamesTheTransportOnTheExternalNameService)
{
  auto c = compile(edge("  kubernetes: {routing: ingress}\n"), {{"home.yaml", project("home", k_services)}});
  ASSERT_EQ(errors(c), "");
  util::Value service = document(c, "Service", "home-pve");
  EXPECT_EQ(serialise::to_yaml({service["metadata"]["annotations"]}),
            R"(traefik.ingress.kubernetes.io/service.serversscheme: https
traefik.ingress.kubernetes.io/service.serverstransport: edge-home-pve@kubernetescrd
)");
}

TEST(KubernetesTransports, AServiceWithoutTlsHasNoTransport)
{
  auto c = compile(edge(), {{"home.yaml", project("home", R"(  services: {web: {port: 80}}
  routes: [{host: www.example.com, service: web}]
)")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_TRUE(document(c, "ServersTransport", "home-web").is_null());
}

} // namespace
} // namespace edgegen::emit::kubernetes
