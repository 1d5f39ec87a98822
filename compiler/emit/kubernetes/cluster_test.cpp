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
  return R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: )" +
         name + R"(
spec:
)" + spec;
}

const std::string k_namespaced = R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: local
spec:
  acme:
    email: a@example.com
  kubernetes: {kind: Issuer}
)";

// The HTTP-01 issuer's solver names the TLSOption of each namespace: an
// Issuer of each environment (a ClusterIssuer would be E0443).
std::string edge_with_namespaced_http01()
{
  std::string yaml = edge();
  yaml.replace(yaml.find("      http01: {}\n"), 16, R"(      http01: {}
  kubernetes: {kind: Issuer}
)");
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
  EXPECT_EQ(text(c, "cluster/kubernetes/tls-options.yaml"), R"(apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata:
  name: default
  namespace: edge-dev
spec:
  minVersion: VersionTLS12
)");
  std::string namespaces = text(c, "cluster/kubernetes/namespaces.yaml");
  EXPECT_NE(namespaces.find("  name: edge\n"), std::string::npos) << namespaces;
  EXPECT_NE(namespaces.find("  name: edge-dev\n"), std::string::npos) << namespaces;
  std::string issuers = text(c, "cluster/kubernetes/issuers.yaml");
  EXPECT_NE(issuers.find(R"(kind: ClusterIssuer
metadata:
  name: dns
)"),
            std::string::npos)
      << issuers;
  EXPECT_EQ(issuers.find("name: le\n"), std::string::npos) << issuers;
  EXPECT_EQ(issuers.find("name: local"), std::string::npos) << issuers;
  // Each environment keeps its namespaced objects, and no cluster-scoped one.
  for (const char* env : {"dev", "prod"}) {
    std::string own = text(c, std::string(env) + "/kubernetes/issuers/issuers.yaml");
    EXPECT_NE(own.find(R"(kind: Issuer
metadata:
  name: local
)"),
              std::string::npos)
        << own;
    EXPECT_EQ(own.find("ClusterIssuer"), std::string::npos) << own;
    EXPECT_EQ(file(c, std::string(env) + "/kubernetes/issuers/namespace.yaml"), nullptr);
  }
  EXPECT_EQ(text(c, "cluster/kubernetes/kustomization.yaml"), R"(apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - includeSelectors: false
    pairs:
      app.kubernetes.io/managed-by: edgegen
      app.kubernetes.io/part-of: test
resources:
  - namespaces.yaml
  - issuers.yaml
  - tls-options.yaml
)");
}

// cert-manager registers an ACME account without a contact when the Issuer gives none.
TEST(KubernetesCluster, AnAcmeIssuerWithoutAnEmailHasNoContact)
{
  std::string yaml = edge();
  std::string email = "    email: a@example.com\n    solver:";
  yaml.replace(yaml.rfind(email), email.size(), "    solver:");
  auto c = compile(yaml);
  ASSERT_EQ(errors(c), "");
  std::string issuers = text(c, "cluster/kubernetes/issuers.yaml");
  EXPECT_NE(issuers.find(R"(  name: dns
spec:
  acme:
    privateKeySecretRef:
      name: dns-account-key
    server: https://acme-v02.api.letsencrypt.org/directory
)"),
            std::string::npos)
      << issuers;
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
      namespaces = serialise::to_yaml(f.documents);
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
  auto c = compile(edge(R"(  kubernetes: {traefikValues: {kind: HelmChartConfig}}
  traefik: {log: {level: DEBUG}}
)"),
                   {{"p.yaml", project("nas", R"(  services:
    nas: {urls: ["https://nas.lan.example.com:5001"]}
  routes:
    - {host: nas.example.com, service: nas}
)")}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(text(c, "cluster/kubernetes/traefik-values.yaml"),
            R"(apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: traefik
  namespace: kube-system
spec:
  valuesContent: "additionalArguments:\n  - \"--entryPoints.web.http.redirections.entryPoint.to=:443\"\n  - \"--entryPoints.web.http.redirections.entryPoint.scheme=https\"\n  - \"--entryPoints.web.http.redirections.entryPoint.permanent=true\"\n  - \"--log.level=DEBUG\"\n  - \"--accesslog=true\"\n  - \"--providers.kubernetescrd.allowExternalNameServices=true\"\n  - \"--providers.kubernetesingress.allowExternalNameServices=true\"\n"
)");
  EXPECT_NE(text(c, "cluster/kubernetes/kustomization.yaml").find("  - traefik-values.yaml\n"), std::string::npos);
}

// For a Helm release's valuesFrom, in its namespace, labelled so that
// Flux's helm-controller upgrades the release when it changes; what the
// environments disagree on is left out.
TEST(KubernetesCluster, TraefikValuesAsAConfigMapWithWhatEnvironmentsShare)
{
  auto c = compile(edge(R"(  kubernetes: {traefikValues: {kind: ConfigMap, namespace: traefik}}
  dashboard: {host: traefik.example.com}
)") +
                   environment("dev",
                               R"(  kubernetes: {namespace: edge-dev}
  patches:
    - target: {kind: Edge, name: test}
      patch: {dashboard: {insecure: true}}
)") + environment("prod", "  vars: {}\n"));
  ASSERT_EQ(errors(c), "");
  auto values = document(c, "ConfigMap", "traefik-edgegen-values");
  ASSERT_FALSE(values.is_null());
  EXPECT_EQ(text(c, "cluster/kubernetes/traefik-values.yaml").substr(0, 184),
            R"(apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    reconcile.fluxcd.io/watch: Enabled
  name: traefik-edgegen-values
  namespace: traefik
data:
  values.yaml: "additionalArguments:)");
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
