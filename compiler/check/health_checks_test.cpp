#include "check/check.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using namespace testing;

std::string w0621(const Compilation& c)
{
  std::string out;
  for (const auto& message : testing::messages(c, true)) {
    if (message.find(": W0621: ") != std::string::npos) {
      out += message + "\n";
    }
  }
  return out;
}

// A service of the namespace, one outside the cluster by name, one by
// address, each with a health check.
const std::string k_spec = R"(  services:
    api:
      host: api
      port: 8000
      healthCheck: {path: /healthz, interval: 10s}
    nas:
      urls: ["https://nas.lan.example.com:5001"]
      healthCheck: {interval: 30s}
    box:
      urls: ["http://192.168.1.20:8080"]
      healthCheck: {path: /up}
  routes:
    - {host: api.example.com, service: api}
    - {host: nas.example.com, service: nas}
    - {host: box.example.com, service: box}
)";

std::string dropped(const std::string& at, const std::string& service)
{
  return "p.yaml:" + at + ": W0621: service \"" + service +
         "\" of project \"p\": the kubernetes target does not write its healthCheck: Traefik's Kubernetes "
         "providers health-check only the ExternalName Services of an IngressRoute, and send a Service's requests "
         "to its ready Pods\n";
}

TEST(CheckHealthChecks, AnIngressRouteKeepsOnlyTheHealthCheckOfAnExternalNameService)
{
  auto c = compile(edge(), {{"p.yaml", project("p", k_spec)}});
  EXPECT_EQ(w0621(c), dropped("10:7", "api") + dropped("16:7", "box"));
  std::vector<std::string> hints;
  for (const auto& d : c.diagnostics.sorted()) {
    if (d.code == "W0621") {
      hints.push_back(d.hint);
    }
  }
  EXPECT_EQ(hints, (std::vector<std::string>{"give the Pods a readinessProbe (httpGet, path /healthz) instead",
                                             "give the Pods a readinessProbe (httpGet, path /up) instead"}));
}

TEST(CheckHealthChecks, AnIngressHasNone)
{
  auto c = compile(edge("  kubernetes: {routing: ingress}\n"), {{"p.yaml", project("p", k_spec)}});
  EXPECT_EQ(w0621(c), dropped("10:7", "api") + dropped("13:7", "nas") + dropped("16:7", "box"));
}

TEST(CheckHealthChecks, TheTraefikTargetsKeepIt)
{
  std::string traefik = edge();
  traefik.replace(traefik.find("[kubernetes, flux, argocd]"), 26, "[traefik, compose]");
  EXPECT_EQ(w0621(compile(traefik, {{"p.yaml", project("p", k_spec)}})), "");
}

} // namespace
} // namespace edgegen::check
