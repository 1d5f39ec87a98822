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
  return project(name, "  services:\n    web: {port: 80}\n  routes:\n    - host: " + name +
                           ".${domain}\n      service: web\n");
}

TEST(ArgoCD, OneApplicationWithASourcePerLayerInSyncWaveOrder)
{
  auto c = compile(edge("  kubernetes:\n    shards: 2\n    namespace: web\n"),
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
  EXPECT_EQ(text(c, "argocd/default.yaml"), "apiVersion: argoproj.io/v1alpha1\n"
                                            "kind: Application\n"
                                            "metadata:\n"
                                            "  labels:\n"
                                            "    app.kubernetes.io/managed-by: edgegen\n"
                                            "    app.kubernetes.io/part-of: test\n"
                                            "  name: test-default\n"
                                            "  namespace: argocd\n"
                                            "spec:\n"
                                            "  destination:\n"
                                            "    namespace: web\n"
                                            "    server: https://kubernetes.default.svc\n"
                                            "  project: default\n"
                                            "  sources:\n"
                                            "    - kustomize:\n"
                                            "        commonAnnotations:\n"
                                            "          argocd.argoproj.io/sync-wave: \"0\"\n"
                                            "      path: out/default/kubernetes/issuers\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "    - kustomize:\n"
                                            "        commonAnnotations:\n"
                                            "          argocd.argoproj.io/sync-wave: \"1\"\n"
                                            "      path: out/default/kubernetes/certificates\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "    - kustomize:\n"
                                            "        commonAnnotations:\n"
                                            "          argocd.argoproj.io/sync-wave: \"1\"\n"
                                            "      path: out/default/kubernetes/certificates-0\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "    - kustomize:\n"
                                            "        commonAnnotations:\n"
                                            "          argocd.argoproj.io/sync-wave: \"1\"\n"
                                            "      path: out/default/kubernetes/certificates-1\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "    - kustomize:\n"
                                            "        commonAnnotations:\n"
                                            "          argocd.argoproj.io/sync-wave: \"2\"\n"
                                            "      path: out/default/kubernetes/routes\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "    - kustomize:\n"
                                            "        commonAnnotations:\n"
                                            "          argocd.argoproj.io/sync-wave: \"3\"\n"
                                            "      path: out/default/kubernetes/routes-0\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "    - kustomize:\n"
                                            "        commonAnnotations:\n"
                                            "          argocd.argoproj.io/sync-wave: \"3\"\n"
                                            "      path: out/default/kubernetes/routes-1\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "  syncPolicy:\n"
                                            "    automated:\n"
                                            "      prune: true\n"
                                            "      selfHeal: true\n"
                                            "    syncOptions:\n"
                                            "      - PruneLast=true\n");
}

TEST(ArgoCD, TheProjectAndTheClusterApplication)
{
  auto c = compile(edge("  argocd: {project: edge}\n"), {{"p.yaml", simple("p")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_NE(text(c, "argocd/default.yaml").find("  project: edge\n"), std::string::npos);
  // The cluster-scoped objects: one Application for every environment, at
  // the Edge's branch, synced first by an app of apps.
  EXPECT_EQ(text(c, "argocd/cluster.yaml"), "apiVersion: argoproj.io/v1alpha1\n"
                                            "kind: Application\n"
                                            "metadata:\n"
                                            "  annotations:\n"
                                            "    argocd.argoproj.io/sync-wave: \"-1\"\n"
                                            "  labels:\n"
                                            "    app.kubernetes.io/managed-by: edgegen\n"
                                            "    app.kubernetes.io/part-of: test\n"
                                            "  name: test-cluster\n"
                                            "  namespace: argocd\n"
                                            "spec:\n"
                                            "  destination:\n"
                                            "    server: https://kubernetes.default.svc\n"
                                            "  project: edge\n"
                                            "  sources:\n"
                                            "    - path: out/cluster/kubernetes\n"
                                            "      repoURL: https://git.example.com/edge.git\n"
                                            "      targetRevision: main\n"
                                            "  syncPolicy:\n"
                                            "    automated:\n"
                                            "      prune: true\n"
                                            "      selfHeal: true\n"
                                            "    syncOptions:\n"
                                            "      - PruneLast=true\n");
}

} // namespace
} // namespace edgegen::emit::argocd
