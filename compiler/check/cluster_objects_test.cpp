#include "check/check.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
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

std::string all_messages(const Compilation& c)
{
  std::string out;
  for (const auto& message : testing::messages(c, true)) {
    out += message + "\n";
  }
  return out;
}

TEST(CheckClusterObjects, AClusterIssuerEnvironmentsWouldRenderDifferently)
{
  auto c = compile(edge() + environment("dev", R"(  patches:
    - target: {kind: Issuer, name: le}
      patch: {acme: {email: dev@example.com}}
)") + environment("prod", "  vars: {}\n"));
  EXPECT_EQ(errors(c), "edge.yaml:14:1: E0443: ClusterIssuer \"le\" would differ between environments \"dev\" and "
                       "\"prod\" (acme.email), but a "
                       "cluster-scoped object exists once in a cluster\n");
}

TEST(CheckClusterObjects, AnHttp01ClusterIssuerHasOneIngressClass)
{
  // Namespaces may differ (the solver's TLS options are `default` in each);
  // the Ingress class the solver's Ingress names may not.
  auto c =
      compile(edge() + environment("dev", "  kubernetes: {namespace: edge-dev}\n") + environment("prod", R"(  patches:
    - target: {kind: Edge, name: test}
      patch: {kubernetes: {ingressClassName: traefik-prod}}
)"));
  EXPECT_EQ(
      errors(c),
      "edge.yaml:14:1: E0443: ClusterIssuer \"le\" would differ between environments \"dev\" and \"prod\" (the Ingress "
      "class of the HTTP-01 solver (kubernetes.ingressClassName)), but a cluster-scoped object exists once in a "
      "cluster\n");
}

TEST(CheckClusterObjects, EnvironmentsShareTheDefaultTlsOption)
{
  auto c =
      compile(edge() + environment("dev", "  kubernetes: {namespace: edge-dev}\n") + environment("prod", R"(  patches:
    - target: {kind: Edge, name: test}
      patch: {traefik: {tls: {sniStrict: true}}}
)"));
  EXPECT_EQ(errors(c), "edge.yaml:1:1: E0443: TLSOption \"default\" would differ between environments \"dev\" and "
                       "\"prod\" (traefik.tls.sniStrict), but Traefik takes one default TLSOption per cluster\n");
}

TEST(CheckClusterObjects, EnvironmentsThatAgreeShareTheirClusterIssuers)
{
  auto c = compile(edge() + environment("dev", "  vars: {}\n") + environment("prod", "  vars: {}\n"));
  EXPECT_EQ(errors(c), "");
}

TEST(CheckClusterObjects, TheEnvironmentNameClusterIsTaken)
{
  auto c = compile(edge() + environment("cluster", "  vars: {}\n"));
  EXPECT_EQ(
      errors(c),
      "edge.yaml:36:1: E0444: environment name \"cluster\" is taken by the directory of the cluster-scoped objects "
      "(cluster/kubernetes/, flux/cluster.yaml, argocd/cluster.yaml)\n");
}

TEST(CheckClusterObjects, DnsSettingsCertManagerReadsFromItsFlags)
{
  std::string yaml = edge();
  yaml.replace(yaml.find("        apiTokenSecretRef"), 0,
               R"(        resolvers: ["1.1.1.1:53", "8.8.8.8:53"]
        delayBeforeCheck: 30s
)");
  EXPECT_EQ(
      all_messages(compile(yaml)),
      R"(edge.yaml:1:1: W0613: the kubernetes target writes no Traefik configuration, so entry point "web" redirects to "websecure" only if Traefik's Helm release says so (cert-manager's HTTP-01 solver waits on "websecure")
edge.yaml:24:1: W0603: issuer "dns" is not used by any environment, route or certificate
edge.yaml:34:20: W0609: issuer "dns": cert-manager takes the DNS-01 resolvers from its controller's flags, not from an Issuer, so the kubernetes target does not render them (environment "default")
edge.yaml:35:27: W0610: issuer "dns": cert-manager has no delayBeforeCheck; it checks that the DNS-01 record has propagated before asking the CA, so the kubernetes target drops it (environment "default")
)");
  // Traefik reads them: nothing to say without the kubernetes target.
  yaml.replace(yaml.find("[kubernetes, flux, argocd]"), 26, "[traefik]");
  EXPECT_EQ(all_messages(compile(yaml)),
            "edge.yaml:24:1: W0603: issuer \"dns\" is not used by any environment, route or certificate\n");
}

} // namespace
} // namespace edgegen::check
