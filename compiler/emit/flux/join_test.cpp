// Joining an existing Flux repository: its source, interval and chain.
#include "emit/flux/flux.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::flux {
namespace {

using namespace testing;

const std::string k_project = project("p", R"(  services:
    web: {port: 80}
  routes:
    - host: p.${domain}
      service: web
)");

// The spec of the Flux object `kind`/`name` (kustomization.yaml files are
// Kustomizations too, of Kustomize, without metadata).
util::Value flux_spec(const testing::Compiled& c, const std::string& kind, const std::string& name)
{
  for (const auto& f : c.files) {
    if (f.path.rfind("flux/", 0) != 0) {
      continue;
    }
    for (const auto& d : f.documents) {
      if (d.as_map().at("kind") == util::Value(kind) &&
          d.as_map().at("metadata").as_map().at("name") == util::Value(name)) {
        return d.as_map().at("spec");
      }
    }
  }
  return util::Value::Map{};
}

std::vector<std::string> kinds(const testing::Compiled& c, const std::string& path)
{
  std::vector<std::string> out;
  if (const OutputFile* f = file(c, path)) {
    for (const auto& d : f->documents) {
      out.push_back(d.as_map().at("kind").as_string() + " " +
                    d.as_map().at("metadata").as_map().at("name").as_string());
    }
  }
  return out;
}

TEST(FluxJoin, AnExistingSourceIntervalAndDependencies)
{
  auto c = compile(edge(R"(  flux:
    sourceRef: {name: flux-system}
    interval: 1h
    dependsOn: [infrastructure-controllers, infra/cert-manager-crds]
)"),
                   {{"p.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  // No second GitRepository: every Kustomization applies from the repository's own.
  EXPECT_EQ(kinds(c, "flux/cluster.yaml"), (std::vector<std::string>{"Kustomization test-cluster"}));
  EXPECT_EQ(kinds(c, "flux/default.yaml"),
            (std::vector<std::string>{"Kustomization test-default-issuers", "Kustomization test-default-certificates",
                                      "Kustomization test-default-routes"}));
  const util::Value source = util::Value::Map{{"kind", "GitRepository"}, {"name", "flux-system"}};
  for (const char* name : {"test-cluster", "test-default-issuers", "test-default-routes"}) {
    auto spec = flux_spec(c, "Kustomization", name);
    EXPECT_EQ(spec.as_map().at("sourceRef"), source) << name;
    EXPECT_EQ(spec.as_map().at("interval"), util::Value("1h")) << name;
  }
  // The cluster's objects wait for the repository's Kustomizations, the
  // environment's first layer for the cluster's objects.
  EXPECT_EQ(flux_spec(c, "Kustomization", "test-cluster").as_map().at("dependsOn"),
            util::Value(util::Value::List{util::Value::Map{{"name", "infrastructure-controllers"}},
                                          util::Value::Map{{"name", "cert-manager-crds"}, {"namespace", "infra"}}}));
  EXPECT_EQ(flux_spec(c, "Kustomization", "test-default-issuers").as_map().at("dependsOn"),
            util::Value(util::Value::List{util::Value::Map{{"name", "test-cluster"}}}));
}

TEST(FluxJoin, ASourceInAnotherNamespaceIsNamedWithIt)
{
  auto c = compile(edge(R"(  flux:
    sourceRef: {kind: OCIRepository, name: edge, namespace: sources}
)"),
                   {{"p.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(flux_spec(c, "Kustomization", "test-default-routes").as_map().at("sourceRef"),
            util::Value(util::Value::Map{{"kind", "OCIRepository"}, {"name", "edge"}, {"namespace", "sources"}}));
}

TEST(FluxJoin, WithoutClusterScopedObjectsTheClusterLayerStillHoldsTheDefaultTlsOption)
{
  const std::string issuer = R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: local
spec:
  acme:
    email: a@example.com
  kubernetes: {kind: Issuer}
)";
  std::string yaml = edge(R"(  kubernetes: {createNamespace: false}
  flux: {dependsOn: [infrastructure-configs]}
)") + issuer;
  // Only the namespaced issuer remains.
  yaml.replace(yaml.find(R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: le)"),
               yaml.find(R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: local)") - yaml.find(R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: le)"),
               "");
  yaml.replace(yaml.find("defaultIssuer: le"), 17, "defaultIssuer: local");
  auto c = compile(yaml, {{"p.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(paths(c, "cluster/"),
            (std::vector<std::string>{"cluster/kubernetes/kustomization.yaml", "cluster/kubernetes/tls-options.yaml"}));
  EXPECT_EQ(flux_spec(c, "Kustomization", "test-cluster").as_map().at("dependsOn"),
            util::Value(util::Value::List{util::Value::Map{{"name", "infrastructure-configs"}}}));
  EXPECT_EQ(flux_spec(c, "Kustomization", "test-default-issuers").as_map().at("dependsOn"),
            util::Value(util::Value::List{util::Value::Map{{"name", "test-cluster"}}}));
}

TEST(FluxJoin, ThePrivateRepositorysSecret)
{
  std::string yaml = edge();
  yaml.replace(yaml.find("    path: ./out/\n"), 17, R"(    path: ./out/
    secretRef: {name: edge-repo}
)");
  auto c = compile(yaml, {{"p.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  for (const char* name : {"test-default", "test-cluster"}) {
    EXPECT_EQ(flux_spec(c, "GitRepository", name).as_map().at("secretRef"),
              util::Value(util::Value::Map{{"name", "edge-repo"}}))
        << name;
  }
}

TEST(FluxJoin, TheClusterKustomizationWaitsForTheClusterIssuers)
{
  auto c = compile(edge(), {{"p.yaml", k_project}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(text(c, "flux/cluster.yaml"), R"(apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  labels:
    app.kubernetes.io/managed-by: edgegen
    app.kubernetes.io/part-of: test
  name: test-cluster
  namespace: flux-system
spec:
  interval: 1m
  ref:
    branch: main
  url: https://git.example.com/edge.git
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  labels:
    app.kubernetes.io/managed-by: edgegen
    app.kubernetes.io/part-of: test
  name: test-cluster
  namespace: flux-system
spec:
  healthChecks:
    - apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      name: dns
    - apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      name: le
  interval: 10m
  path: ./out/cluster/kubernetes
  prune: true
  retryInterval: 1m
  sourceRef:
    kind: GitRepository
    name: test-cluster
  timeout: 5m
  wait: false
)");
}

} // namespace
} // namespace edgegen::emit::flux
