#include "emit/traefik/traefik.hpp"

#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::traefik {
namespace {

const char* k_project = "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Project\n"
                        "metadata: {name: home}\n"
                        "spec:\n"
                        "  services:\n"
                        "    pve:\n"
                        "      urls: [\"https://192.168.10.5:8006\"]\n"
                        "      tls: {serverName: pve.home.arpa, ca: /etc/traefik/ca/pve.pem}\n"
                        "    nas:\n"
                        "      host: 192.168.10.7\n"
                        "      port: 5001\n"
                        "      scheme: https\n"
                        "      tls: {insecureSkipVerify: true}\n"
                        "    web: {port: 80}\n"
                        "  routes:\n"
                        "    - {host: pve.example.com, service: pve}\n"
                        "    - {host: nas.example.com, service: nas}\n"
                        "    - {host: www.example.com, service: web}\n";

std::string file(const Compilation& c, const std::string& path)
{
  for (const auto& f : c.files) {
    if (f.path == path) {
      return serialise::to_yaml(f.documents);
    }
  }
  return "<no " + path + ">";
}

TEST(Transports, AnHttpsServiceWithTlsGetsAServersTransportNamedAfterIt)
{
  auto c = testing::compile_files({{"home.yaml", k_project}});
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  EXPECT_EQ(file(c, "default/traefik/dynamic/home.yml"), "http:\n"
                                                         "  routers:\n"
                                                         "    home-nas:\n"
                                                         "      entryPoints:\n"
                                                         "        - websecure\n"
                                                         "      priority: 20000\n"
                                                         "      rule: Host(`nas.example.com`)\n"
                                                         "      service: home-nas\n"
                                                         "      tls:\n"
                                                         "        certResolver: le\n"
                                                         "    home-pve:\n"
                                                         "      entryPoints:\n"
                                                         "        - websecure\n"
                                                         "      priority: 20000\n"
                                                         "      rule: Host(`pve.example.com`)\n"
                                                         "      service: home-pve\n"
                                                         "      tls:\n"
                                                         "        certResolver: le\n"
                                                         "    home-web:\n"
                                                         "      entryPoints:\n"
                                                         "        - websecure\n"
                                                         "      priority: 20000\n"
                                                         "      rule: Host(`www.example.com`)\n"
                                                         "      service: home-web\n"
                                                         "      tls:\n"
                                                         "        certResolver: le\n"
                                                         "  serversTransports:\n"
                                                         "    home-nas:\n"
                                                         "      insecureSkipVerify: true\n"
                                                         "    home-pve:\n"
                                                         "      rootCAs:\n"
                                                         "        - /etc/traefik/ca/pve.pem\n"
                                                         "      serverName: pve.home.arpa\n"
                                                         "  services:\n"
                                                         "    home-nas:\n"
                                                         "      loadBalancer:\n"
                                                         "        servers:\n"
                                                         "          - url: https://192.168.10.7:5001\n"
                                                         "        serversTransport: home-nas\n"
                                                         "    home-pve:\n"
                                                         "      loadBalancer:\n"
                                                         "        servers:\n"
                                                         "          - url: https://192.168.10.5:8006\n"
                                                         "        serversTransport: home-pve\n"
                                                         "    home-web:\n"
                                                         "      loadBalancer:\n"
                                                         "        servers:\n"
                                                         "          - url: http://home-web:80\n");
}

TEST(Transports, OnlyACaSecretIsNoTransportForTheFileProvider)
{
  model::Service service;
  EXPECT_TRUE(servers_transport(service).is_null());
  service.tls = model::BackendTls{};
  service.tls->ca_secret = "pve-ca";
  EXPECT_TRUE(servers_transport(service).is_null());
  service.tls->server_name = "pve.home.arpa";
  EXPECT_EQ(serialise::to_yaml({servers_transport(service)}), "serverName: pve.home.arpa\n");
}

} // namespace
} // namespace edgegen::emit::traefik
