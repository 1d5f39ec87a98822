// Cluster-scoped objects: once for every environment, in cluster/kubernetes/.
#include "emit/kubernetes/kubernetes.hpp"

#include "emit/emit.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::kubernetes {
namespace {

using namespace testing;

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
  auto c = compile(edge_with_namespaced_http01() + k_namespaced +
                   environment("dev", "  kubernetes: {namespace: edge-dev}\n") + environment("prod", "  vars: {}\n"));
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(paths(c, "cluster/"),
            (std::vector<std::string>{"cluster/kubernetes/issuers.yaml", "cluster/kubernetes/kustomization.yaml",
                                      "cluster/kubernetes/namespaces.yaml", "cluster/kubernetes/tls-options.yaml"}));
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

// The Edge's Traefik settings, as arguments of Traefik's Helm chart: the
// redirection names the exposed port (the chart's pods listen on 8000 and
// 8443), and a backend outside the namespace turns on ExternalName Services.
TEST(KubernetesCluster, TraefikValuesAsAK3sHelmChartConfig)
{
  auto c = compile(edge("  kubernetes: {traefikValues: {kind: HelmChartConfig}}\n  traefik: {log: {level: DEBUG}}\n"),
                   {{"p.yaml", project("nas", "  services:\n    nas: {urls: [\"https://nas.lan.example.com:5001\"]}\n"
                                              "  routes:\n    - {host: nas.example.com, service: nas}\n")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(text(c, "cluster/kubernetes/traefik-values.yaml"),
            "apiVersion: helm.cattle.io/v1\n"
            "kind: HelmChartConfig\n"
            "metadata:\n"
            "  name: traefik\n"
            "  namespace: kube-system\n"
            "spec:\n"
            "  valuesContent: \"additionalArguments:\\n"
            "  - \\\"--entryPoints.web.http.redirections.entryPoint.to=:443\\\"\\n"
            "  - \\\"--entryPoints.web.http.redirections.entryPoint.scheme=https\\\"\\n"
            "  - \\\"--entryPoints.web.http.redirections.entryPoint.permanent=true\\\"\\n"
            "  - \\\"--log.level=DEBUG\\\"\\n"
            "  - \\\"--accesslog=true\\\"\\n"
            "  - \\\"--providers.kubernetescrd.allowExternalNameServices=true\\\"\\n"
            "  - \\\"--providers.kubernetesingress.allowExternalNameServices=true\\\"\\n\"\n");
  EXPECT_NE(text(c, "cluster/kubernetes/kustomization.yaml").find("  - traefik-values.yaml\n"), std::string::npos);
}

// For a Helm release's valuesFrom, in its namespace, labelled so that
// Flux's helm-controller upgrades the release when it changes; what the
// environments disagree on is left out.
TEST(KubernetesCluster, TraefikValuesAsAConfigMapWithWhatEnvironmentsShare)
{
  auto c = compile(edge("  kubernetes: {traefikValues: {kind: ConfigMap, namespace: traefik}}\n"
                        "  dashboard: {host: traefik.example.com}\n") +
                   environment("dev",
                               "  kubernetes: {namespace: edge-dev}\n  patches:\n"
                               "    - target: {kind: Edge, name: test}\n      patch: {dashboard: {insecure: true}}\n") +
                   environment("prod", "  vars: {}\n"));
  ASSERT_EQ(errors(c), "");
  auto values = document(c, "ConfigMap", "traefik-edgegen-values");
  ASSERT_FALSE(values.is_null());
  EXPECT_EQ(text(c, "cluster/kubernetes/traefik-values.yaml").substr(0, 184),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    reconcile.fluxcd.io/watch: Enabled\n"
            "  name: traefik-edgegen-values\n  namespace: traefik\ndata:\n  values.yaml: \"additionalArguments:");
  EXPECT_EQ(text(c, "cluster/kubernetes/traefik-values.yaml").find("api.insecure"), std::string::npos);
}

// Without traefikValues, nothing is written (the check says what is not).
TEST(KubernetesCluster, NoTraefikValuesUnlessAsked)
{
  auto c = compile(edge());
  EXPECT_EQ(text(c, "cluster/kubernetes/traefik-values.yaml"), "<no cluster/kubernetes/traefik-values.yaml>");
}

} // namespace
} // namespace edgegen::emit::kubernetes
