#include "check/check.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using namespace testing;

// Errors and warnings, less the unused Issuer "dns" of the test Edge.
std::string all(const Compilation& c)
{
  std::string out;
  for (const auto& message : testing::messages(c, true)) {
    if (message.find(": W0603: ") == std::string::npos) {
      out += message + "\n";
    }
  }
  return out;
}

// Traefik's settings written as Helm values: no W0613/W0614 here.
const char* const k_values = "  kubernetes: {traefikValues: {kind: HelmChartConfig}}\n";

std::string traefik_edge()
{
  std::string out = edge();
  out.replace(out.find("[kubernetes, flux, argocd]"), 26, "[traefik]");
  return out;
}

TEST(CheckBackendTls, TlsNeedsHttpsServersAndAnAbsoluteCa)
{
  const std::string spec = R"(  services:
    plain:
      port: 80
      tls: {serverName: a.home.arpa}
    mixed:
      urls: ["https://10.0.0.1:8443", "http://10.0.0.2:8080"]
      tls: {serverName: b.home.arpa}
    relative:
      port: 8443
      scheme: https
      tls: {ca: certs/ca.pem}
  routes:
    - {host: a.example.com, service: plain}
    - {host: b.example.com, service: mixed}
    - {host: c.example.com, service: relative}
)";
  auto c = compile(traefik_edge(), {{"p.yaml", project("p", spec)}});
  EXPECT_EQ(
      all(c),
      R"(p.yaml:9:12: E0452: service "plain" of project "p" has tls settings, but Traefik does not reach its servers over https
p.yaml:12:12: E0452: service "mixed" of project "p" has tls settings, but Traefik does not reach its servers over https
p.yaml:16:17: E0453: tls.ca "certs/ca.pem" of service "relative" of project "p" is not an absolute path
)");
}

TEST(CheckBackendTls, InsecureSkipVerifyWarnsAtTheSetting)
{
  const std::string spec = R"(  services:
    nas:
      urls: ["https://192.168.10.7:5001"]
      tls:
        insecureSkipVerify: true
  routes:
    - {host: nas.example.com, service: nas}
)";
  auto c = compile(traefik_edge(), {{"p.yaml", project("p", spec)}});
  EXPECT_EQ(all(c), "p.yaml:10:29: W0611: service \"nas\" of project \"p\": insecureSkipVerify accepts any certificate "
                    "its servers present, so anyone between Traefik and them can read and change the traffic\n");
}

TEST(CheckBackendTls, KubernetesNeedsTheCaAsASecret)
{
  const std::string spec = R"(  services:
    pve:
      urls: ["https://pve.home.arpa:8006"]
      tls: {ca: /etc/traefik/ca/pve.pem}
  routes:
    - {host: pve.example.com, service: pve}
)";
  EXPECT_EQ(all(compile(edge(k_values), {{"p.yaml", project("p", spec)}})),
            "p.yaml:9:17: E0454: service \"pve\" of project \"p\": tls.ca is a file, which the Traefik pod does not "
            "have; Kubernetes needs the name of the Secret that holds the CA\n");
  EXPECT_EQ(all(compile(traefik_edge(), {{"p.yaml", project("p", spec)}})), "");
}

TEST(CheckBackendTls, AnIngressToAServiceOfTheNamespaceCannotNameTheTransport)
{
  const std::string spec = R"(  services:
    api:
      host: api
      port: 8443
      scheme: https
      tls: {caSecret: api-ca}
  routes:
    - {host: api.example.com, service: api}
)";
  auto c = compile(edge("  kubernetes: {routing: ingress, traefikValues: {kind: HelmChartConfig}}\n"),
                   {{"p.yaml", project("p", spec)}});
  EXPECT_EQ(all(c), "p.yaml:11:12: W0612: service \"api\" of project \"p\" is reached through an Ingress, where "
                    "Traefik reads its serversTransport from the annotations of Service \"api\", which edgegen does "
                    "not write\n");
  // An IngressRoute names the transport itself.
  EXPECT_EQ(all(compile(edge(k_values), {{"p.yaml", project("p", spec)}})), "");
}

} // namespace
} // namespace edgegen::check
