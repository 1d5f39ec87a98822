// Cluster-scoped objects: once for every environment, in cluster/kubernetes/.
#include "emit/kubernetes/kubernetes.hpp"

#include "emit/emit.hpp"
#include "emit/kubernetes/test_input.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::kubernetes {
namespace {

using namespace test_input;

std::string environment(const std::string& name, const std::string& spec)
{
  return "---\napiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
}

const std::string k_namespaced = "---\napiVersion: edgegen.dev/v1alpha1\nkind: Issuer\nmetadata:\n  name: local\n"
                                 "spec:\n  acme:\n    email: a@example.com\n  kubernetes: {kind: Issuer}\n";

// The HTTP-01 issuer's solver names the TLSOption of each namespace: an
// Issuer of each environment (a ClusterIssuer would be E0443).
std::string edge_with_namespaced_http01()
{
  std::string yaml = edge();
  yaml.replace(yaml.find("      http01: {}\n"), 16, "      http01: {}\n  kubernetes: {kind: Issuer}\n");
  return yaml;
}

TEST(KubernetesCluster, ClusterScopedObjectsOnceForEveryEnvironment)
{
  auto c = compile(edge_with_namespaced_http01() + k_namespaced + environment("dev", "  kubernetes: {namespace: edge-dev}\n") +
                   environment("prod", "  vars: {}\n"));
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(paths(c, "cluster/"), (std::vector<std::string>{"cluster/kubernetes/issuers.yaml",
                                                           "cluster/kubernetes/kustomization.yaml",
                                                           "cluster/kubernetes/namespaces.yaml",
                                                           "cluster/kubernetes/tls-options.yaml"}));
  // One TLSOption `default`, in the first environment's namespace: Traefik
  // drops a default that several namespaces define.
  EXPECT_EQ(text(c, "cluster/kubernetes/tls-options.yaml"), "apiVersion: traefik.io/v1alpha1\n"
                                                            "kind: TLSOption\n"
                                                            "metadata:\n"
                                                            "  name: default\n"
                                                            "  namespace: edge-dev\n"
                                                            "spec:\n"
                                                            "  minVersion: VersionTLS12\n");
  std::string namespaces = text(c, "cluster/kubernetes/namespaces.yaml");
  EXPECT_NE(namespaces.find("  name: edge\n"), std::string::npos) << namespaces;
  EXPECT_NE(namespaces.find("  name: edge-dev\n"), std::string::npos) << namespaces;
  std::string issuers = text(c, "cluster/kubernetes/issuers.yaml");
  EXPECT_NE(issuers.find("kind: ClusterIssuer\nmetadata:\n  name: dns\n"), std::string::npos) << issuers;
  EXPECT_EQ(issuers.find("name: le\n"), std::string::npos) << issuers;
  EXPECT_EQ(issuers.find("name: local"), std::string::npos) << issuers;
  // Each environment keeps its namespaced objects, and no cluster-scoped one.
  for (const char* env : {"dev", "prod"}) {
    std::string own = text(c, std::string(env) + "/kubernetes/issuers/issuers.yaml");
    EXPECT_NE(own.find("kind: Issuer\nmetadata:\n  name: local\n"), std::string::npos) << own;
    EXPECT_EQ(own.find("ClusterIssuer"), std::string::npos) << own;
    EXPECT_EQ(file(c, std::string(env) + "/kubernetes/issuers/namespace.yaml"), nullptr);
  }
  EXPECT_EQ(text(c, "cluster/kubernetes/kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                                              "kind: Kustomization\n"
                                                              "labels:\n"
                                                              "  - includeSelectors: false\n"
                                                              "    pairs:\n"
                                                              "      app.kubernetes.io/managed-by: edgegen\n"
                                                              "      app.kubernetes.io/part-of: test\n"
                                                              "resources:\n"
                                                              "  - namespaces.yaml\n"
                                                              "  - issuers.yaml\n"
                                                              "  - tls-options.yaml\n");
}

// The cluster directory does not depend on which environments --env renders.
TEST(KubernetesCluster, RenderedWhateverTheEnvironmentsSelected)
{
  auto c = compile(edge_with_namespaced_http01() + environment("dev", "  kubernetes: {namespace: edge-dev}\n") +
                   environment("prod", "  vars: {}\n"));
  ASSERT_EQ(errors(c), "");
  auto only_dev = emit::emit(c.model, {"dev"});
  std::string namespaces;
  for (const auto& f : only_dev) {
    if (f.path == "cluster/kubernetes/namespaces.yaml") {
      namespaces = write::to_yaml(f.documents);
    }
  }
  EXPECT_EQ(namespaces, text(c, "cluster/kubernetes/namespaces.yaml"));
}

TEST(KubernetesCluster, ANamespaceAnotherToolOwnsIsNotRendered)
{
  auto c = compile(edge("  kubernetes: {createNamespace: false}\n"));
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(file(c, "cluster/kubernetes/namespaces.yaml"), nullptr);
  EXPECT_NE(file(c, "cluster/kubernetes/issuers.yaml"), nullptr);
  EXPECT_TRUE(document(c, "Namespace", "edge").is_null());
}

} // namespace
} // namespace edgegen::emit::kubernetes
