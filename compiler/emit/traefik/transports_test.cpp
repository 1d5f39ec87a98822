#include "emit/traefik/traefik.hpp"

#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::traefik {
namespace {

const char* k_project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: home}
spec:
  services:
    pve:
      urls: ["https://192.168.10.5:8006"]
      tls: {serverName: pve.home.arpa, ca: /etc/traefik/ca/pve.pem}
    nas:
      host: 192.168.10.7
      port: 5001
      scheme: https
      tls: {insecureSkipVerify: true}
    web: {port: 80}
  routes:
    - {host: pve.example.com, service: pve}
    - {host: nas.example.com, service: nas}
    - {host: www.example.com, service: web}
)";

TEST(Transports, AnHttpsServiceWithTlsGetsAServersTransportNamedAfterIt)
{
  auto c = testing::compile_files({{"home.yaml", k_project}});
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  EXPECT_EQ(testing::text(c, "default/traefik/dynamic/home.yml"), R"(http:
  routers:
    home-nas:
      entryPoints:
        - websecure
      priority: 20000
      rule: Host(`nas.example.com`)
      service: home-nas
      tls:
        certResolver: le
    home-pve:
      entryPoints:
        - websecure
      priority: 20000
      rule: Host(`pve.example.com`)
      service: home-pve
      tls:
        certResolver: le
    home-web:
      entryPoints:
        - websecure
      priority: 20000
      rule: Host(`www.example.com`)
      service: home-web
      tls:
        certResolver: le
  serversTransports:
    home-nas:
      insecureSkipVerify: true
    home-pve:
      rootCAs:
        - /etc/traefik/ca/pve.pem
      serverName: pve.home.arpa
  services:
    home-nas:
      loadBalancer:
        servers:
          - url: https://192.168.10.7:5001
        serversTransport: home-nas
    home-pve:
      loadBalancer:
        servers:
          - url: https://192.168.10.5:8006
        serversTransport: home-pve
    home-web:
      loadBalancer:
        servers:
          - url: http://home-web:80
)");
}

TEST(Transports, OnlyACaSecretIsNoTransportForTheFileProvider)
{
  model::Service service;
  EXPECT_TRUE(servers_transport(service).is_null());
  model::BackendTls tls;
  tls.ca_secret = "pve-ca";
  service.tls = std::make_shared<const model::BackendTls>(tls);
  EXPECT_TRUE(servers_transport(service).is_null());
  tls.server_name = "pve.home.arpa";
  service.tls = std::make_shared<const model::BackendTls>(tls);
  EXPECT_EQ(serialise::to_yaml({servers_transport(service)}), "serverName: pve.home.arpa\n");
}

} // namespace
} // namespace edgegen::emit::traefik
