#include "emit/flux/flux.hpp"

#include "emit/kubernetes/kubernetes.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

#include <set>

namespace edgegen::emit::flux {
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

TEST(Flux, KustomizationsDependOnTheLayerBeforeAndComeAfterIt)
{
  auto c = compile(edge(R"(  kubernetes:
    shards: 2
)"),
                   {{"p.yaml", simple("p")}, {"q.yaml", simple("q")}});
  ASSERT_EQ(errors(c), "");
  const OutputFile* f = file(c, "flux/default.yaml");
  ASSERT_NE(f, nullptr);
  std::vector<std::string> order;
  std::set<std::string> applied = {"test-cluster"}; // flux/cluster.yaml
  for (const auto& d : f->documents) {
    auto& map = d.as_map();
    if (map.at("kind") != util::Value("Kustomization")) {
      continue;
    }
    std::string name = map.at("metadata").as_map().at("name").as_string();
    std::string line = name + " <-";
    if (map.at("spec").as_map().count("dependsOn")) {
      for (const auto& dependency : map.at("spec").as_map().at("dependsOn").as_list()) {
        std::string needed = dependency.as_map().at("name").as_string();
        EXPECT_TRUE(applied.count(needed)) << name << " depends on " << needed << ", which comes later";
        line += " " + needed;
      }
    }
    applied.insert(name);
    order.push_back(line);
  }
  EXPECT_EQ(order, (std::vector<std::string>{
                       "test-default-issuers <- test-cluster",
                       "test-default-certificates <- test-default-issuers",
                       "test-default-certificates-0 <- test-default-issuers",
                       "test-default-certificates-1 <- test-default-issuers",
                       "test-default-routes <- test-default-certificates",
                       "test-default-routes-0 <- test-default-certificates-0 test-default-routes",
                       "test-default-routes-1 <- test-default-certificates-1 test-default-routes",
                   }));
}

TEST(Flux, SourceAndLayersAsAFluxUserWritesThem)
{
  auto c = compile(edge(), {{"p.yaml", simple("p")}});
  ASSERT_EQ(errors(c), "");
  std::string flux = text(c, "flux/default.yaml");
  auto document = [&](size_t index) {
    std::string::size_type begin = 0;
    for (size_t i = 0; i < index; ++i) {
      begin = flux.find("---\n", begin) + 4;
    }
    return flux.substr(begin, flux.find("---\n", begin) - begin);
  };
  EXPECT_EQ(document(0), R"(apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  labels:
    app.kubernetes.io/managed-by: edgegen
    app.kubernetes.io/part-of: test
  name: test-default
  namespace: flux-system
spec:
  interval: 1m
  ref:
    branch: main
  url: https://git.example.com/edge.git
)");
  // Issuers: after the cluster's objects (the ClusterIssuers, flux/cluster.yaml).
  EXPECT_EQ(document(1), R"(apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  labels:
    app.kubernetes.io/managed-by: edgegen
    app.kubernetes.io/part-of: test
  name: test-default-issuers
  namespace: flux-system
spec:
  dependsOn:
    - name: test-cluster
  interval: 10m
  path: ./out/default/kubernetes/issuers
  prune: true
  retryInterval: 1m
  sourceRef:
    kind: GitRepository
    name: test-default
  timeout: 5m
  wait: false
)");
  // Certificates: applied is enough; routes: wait for what they apply.
  EXPECT_NE(document(2).find("  wait: false\n"), std::string::npos) << document(2);
  EXPECT_NE(document(3).find("  path: ./out/default/kubernetes/routes\n"), std::string::npos) << document(3);
  EXPECT_NE(document(3).find("  wait: true\n"), std::string::npos) << document(3);
}

TEST(Flux, NamespacedIssuersAreCheckedInTheirNamespace)
{
  const std::string issuer = R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: local
spec:
  acme:
    email: a@example.com
  kubernetes:
    kind: Issuer
)";
  auto c = compile(edge(R"(  kubernetes:
    namespace: team
)"),
                   {{"i.yaml", issuer}});
  ASSERT_EQ(errors(c), "");
  EXPECT_NE(text(c, "flux/default.yaml").find(R"(    - apiVersion: cert-manager.io/v1
      kind: Issuer
      name: local
      namespace: team
)"),
            std::string::npos);
}

} // namespace
// Each environment checks out its own revision: a branch by name, a full
// ref by `name`, a commit by id; Argo CD takes any of them as written.
TEST(Flux, EachEnvironmentChecksOutItsOwnRevision)
{
  auto environment = [](const std::string& name, const std::string& git) {
    return R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: )" +
           name + R"(
spec:
)" + git;
  };
  const std::string commit = "0123456789abcdef0123456789abcdef01234567";
  auto c =
      compile(edge() + environment("dev", "  git: {revision: dev}\n") +
                  environment("prod", "  git: {revision: refs/tags/v1.2.0}\n") +
                  environment("pinned", "  git: {revision: " + commit + "}\n") + environment("main", "  vars: {}\n"),
              {{"p.yaml", simple("p")}});
  ASSERT_EQ(errors(c), "");
  auto ref = [&](const std::string& env) {
    const OutputFile* f = file(c, "flux/" + env + ".yaml");
    return f ? f->documents.at(0).as_map().at("spec").as_map().at("ref") : util::Value();
  };
  EXPECT_EQ(ref("dev"), util::Value(util::Value::Map{{"branch", "dev"}}));
  EXPECT_EQ(ref("prod"), util::Value(util::Value::Map{{"name", "refs/tags/v1.2.0"}}));
  EXPECT_EQ(ref("pinned"), util::Value(util::Value::Map{{"commit", commit}}));
  EXPECT_EQ(ref("main"), util::Value(util::Value::Map{{"branch", "main"}}));
  auto revision = [&](const std::string& env) {
    const OutputFile* f = file(c, "argocd/" + env + ".yaml");
    const auto& sources = f->documents.at(0).as_map().at("spec").as_map().at("sources").as_list();
    return sources.at(0).as_map().at("targetRevision").as_string();
  };
  EXPECT_EQ(revision("dev"), "dev");
  EXPECT_EQ(revision("prod"), "refs/tags/v1.2.0");
  EXPECT_EQ(revision("pinned"), commit);
  EXPECT_EQ(revision("main"), "main");
}

// An environment's targets replace the Edge's: only what it lists renders.
TEST(Flux, AnEnvironmentRendersItsOwnTargets)
{
  auto c = compile(edge() + R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: dev
spec:
  targets: [kubernetes]
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: prod
spec:
  vars: {}
)",
                   {{"p.yaml", simple("p")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(file(c, "flux/dev.yaml"), nullptr);
  EXPECT_EQ(file(c, "argocd/dev.yaml"), nullptr);
  EXPECT_NE(file(c, "flux/prod.yaml"), nullptr);
  EXPECT_NE(file(c, "argocd/prod.yaml"), nullptr);
}

} // namespace edgegen::emit::flux
