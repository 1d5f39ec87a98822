#include "emit/argocd/argocd.hpp"

#include "emit/kubernetes/kubernetes.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

#include <map>

namespace edgegen::emit::argocd {
namespace {

using namespace testing;

std::string simple(const std::string& name)
{
  return project(name, R"(  services:
    web: {port: 80}
  routes:
    - host: )" + name +
                           R"(.${domain}
      service: web
)");
}

// Every Application's: automated, retried, pruning last.
const char* const k_sync_policy = R"(  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    retry:
      backoff:
        duration: 10s
        factor: 2
        maxDuration: 3m
      limit: 5
    syncOptions:
      - PruneLast=true
)";

TEST(ArgoCD, OneApplicationWithASourcePerLayerInSyncWaveOrder)
{
  auto c = compile(edge(R"(  kubernetes:
    shards: 2
    namespace: web
)"),
                   {{"p.yaml", simple("p")}, {"q.yaml", simple("q")}});
  ASSERT_EQ(errors(c), "");
  // Every layer comes in a later wave than the layers it depends on.
  std::map<std::string, int> wave;
  for (const auto& layer : kubernetes::layers(testing::config_of(c))) {
    wave[layer.name] = layer.wave;
    for (const auto& dependency : layer.depends_on) {
      ASSERT_TRUE(wave.count(dependency)) << layer.name;
      EXPECT_LT(wave[dependency], layer.wave) << layer.name << " after " << dependency;
    }
  }
  EXPECT_EQ(text(c, "argocd/default.yaml"), R"(apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  labels:
    app.kubernetes.io/managed-by: edgegen
    app.kubernetes.io/part-of: test
  name: test-default
  namespace: argocd
spec:
  destination:
    namespace: web
    server: https://kubernetes.default.svc
  project: default
  sources:
    - kustomize:
        commonAnnotations:
          argocd.argoproj.io/sync-wave: "0"
      path: out/default/kubernetes/issuers
      repoURL: https://git.example.com/edge.git
      targetRevision: main
    - kustomize:
        commonAnnotations:
          argocd.argoproj.io/sync-wave: "1"
      path: out/default/kubernetes/certificates
      repoURL: https://git.example.com/edge.git
      targetRevision: main
    - kustomize:
        commonAnnotations:
          argocd.argoproj.io/sync-wave: "1"
      path: out/default/kubernetes/certificates-0
      repoURL: https://git.example.com/edge.git
      targetRevision: main
    - kustomize:
        commonAnnotations:
          argocd.argoproj.io/sync-wave: "1"
      path: out/default/kubernetes/certificates-1
      repoURL: https://git.example.com/edge.git
      targetRevision: main
    - kustomize:
        commonAnnotations:
          argocd.argoproj.io/sync-wave: "2"
      path: out/default/kubernetes/routes
      repoURL: https://git.example.com/edge.git
      targetRevision: main
    - kustomize:
        commonAnnotations:
          argocd.argoproj.io/sync-wave: "3"
      path: out/default/kubernetes/routes-0
      repoURL: https://git.example.com/edge.git
      targetRevision: main
    - kustomize:
        commonAnnotations:
          argocd.argoproj.io/sync-wave: "3"
      path: out/default/kubernetes/routes-1
      repoURL: https://git.example.com/edge.git
      targetRevision: main
)" + std::string(k_sync_policy));
}

TEST(ArgoCD, TheProjectAndTheClusterApplication)
{
  auto c = compile(edge("  argocd: {project: edge}\n"), {{"p.yaml", simple("p")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_NE(text(c, "argocd/default.yaml").find("  project: edge\n"), std::string::npos);
  // The cluster-scoped objects: one Application for every environment, at
  // the Edge's branch, synced first by an app of apps.
  EXPECT_EQ(text(c, "argocd/cluster.yaml"), R"(apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  annotations:
    argocd.argoproj.io/sync-wave: "-1"
  labels:
    app.kubernetes.io/managed-by: edgegen
    app.kubernetes.io/part-of: test
  name: test-cluster
  namespace: argocd
spec:
  destination:
    namespace: edge
    server: https://kubernetes.default.svc
  project: edge
  sources:
    - path: out/cluster/kubernetes
      repoURL: https://git.example.com/edge.git
      targetRevision: main
)" + std::string(k_sync_policy));
}

} // namespace
} // namespace edgegen::emit::argocd
