// The Edge's Traefik settings in a cluster: written where
// kubernetes.traefikValues says, or said to be missing (W0613, W0614).
#include "check/check.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using namespace testing;

std::string warnings(const Compilation& c)
{
  std::string out;
  for (const auto& message : testing::messages(c, true)) {
    if (message.find("W0613") != std::string::npos || message.find("W0614") != std::string::npos) {
      out += message + "\n";
    }
  }
  return out;
}

const std::string k_nas = R"(  services:
    nas: {urls: ["https://nas.lan.example.com:5001"]}
  routes:
    - {host: nas.example.com, service: nas}
)";

TEST(CheckTraefikSettings, WhatTheKubernetesTargetDoesNotWrite)
{
  auto c = compile(edge(R"(  entryPoints:
    web: {address: ":80", redirectTo: websecure}
    websecure: {address: ":443"}
    admin: {address: ":9443"}
  traefik:
    log: {level: DEBUG}
    accessLog: {filePath: /var/log/traefik/access.log}
)"),
                   {{"p.yaml", project("nas", k_nas)}});
  EXPECT_EQ(
      warnings(c),
      R"(edge.yaml:14:39: W0613: the kubernetes target writes no Traefik configuration, so entry point "web" redirects to "websecure" only if Traefik's Helm release says so (cert-manager's HTTP-01 solver waits on "websecure")
edge.yaml:16:22: W0613: entry point "admin" (:9443): the kubernetes target does not define entry points, and Traefik's Helm chart has web on port 80 and websecure on port 443
edge.yaml:18:10: W0613: the kubernetes target writes no Traefik configuration, so traefik.log holds only if Traefik's Helm release says so
edge.yaml:19:16: W0613: the kubernetes target writes no Traefik configuration, so traefik.accessLog holds only if Traefik's Helm release says so
edge.yaml:19:27: W0613: traefik.accessLog.filePath: the kubernetes target does not write the access log to a file, which a pod's file system would not keep; Traefik writes it to standard output
p.yaml:7:18: W0614: service "nas" of project "nas": Traefik reaches "nas.lan.example.com" through an ExternalName Service, which its Kubernetes providers ignore unless allowExternalNameServices is set (off by default)
)");
}

TEST(CheckTraefikSettings, WithTraefikValuesOnlyWhatNoArgumentCarries)
{
  auto c = compile(edge(R"(  kubernetes: {traefikValues: {kind: HelmChartConfig}}
  traefik:
    log: {level: DEBUG}
    accessLog: {filePath: /var/log/traefik/access.log}
)"),
                   {{"p.yaml", project("nas", k_nas)}});
  EXPECT_EQ(
      warnings(c),
      "edge.yaml:16:27: W0613: traefik.accessLog.filePath: the kubernetes target does not write the access log to "
      "a file, which a pod's file system would not keep; Traefik writes it to standard output\n");
}

TEST(CheckTraefikSettings, EnvironmentsShareTheClustersOneTraefik)
{
  auto c = compile(edge("  kubernetes: {traefikValues: {kind: ConfigMap, namespace: traefik}}\n") +
                   R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: dev
spec:
  kubernetes: {namespace: edge-dev}
  patches:
    - target: {kind: Edge, name: test}
      patch: {traefik: {log: {level: DEBUG}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: prod
spec:
  vars: {}
)");
  EXPECT_EQ(warnings(c),
            "edge.yaml:45:30: W0613: environments \"dev\" and \"prod\" share the cluster's one Traefik but set "
            "traefik.log differently, so the kubernetes target writes it for neither\n");
}

TEST(CheckTraefikSettings, NothingWithoutTheKubernetesTarget)
{
  std::string yaml = edge(R"(  traefik:
    log: {level: DEBUG}
)");
  yaml.replace(yaml.find("[kubernetes, flux, argocd]"), 26, "[traefik]");
  EXPECT_EQ(warnings(compile(yaml, {{"p.yaml", project("nas", k_nas)}})), "");
}

} // namespace
} // namespace edgegen::check
