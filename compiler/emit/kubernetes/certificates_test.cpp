#include "emit/kubernetes/kubernetes.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

#include <map>

namespace edgegen::emit::kubernetes {
namespace {

using namespace testing;

const std::string k_wildcard = R"(  certificates:
    - name: apps
      issuer: dns
      domains: ["apps.${domain}", "*.apps.${domain}"]
)";

const std::string k_hosts = R"(  services:
    web: {port: 80}
  routes:
    - host: one.apps.${domain}
      service: web
      issuer: dns
    - name: deep
      host: x.two.apps.${domain}
      service: web
      issuer: dns
    - name: apex
      host: apps.${domain}
      service: web
      issuer: dns
    - name: again
      host: one.apps.${domain}
      pathPrefix: /again
      service: web
      issuer: dns
    - name: raw
      rule: Host(`r1.${domain}`) || Host(`r2.${domain}`) || HostRegexp(`^.+\.example\.com$`)
      service: web
    - name: plain
      host: plain.${domain}
      service: web
      tls: false
)";

std::vector<std::string> tls_hosts(const model::Config& config)
{
  std::vector<std::string> out;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (route.tls()) {
        for (const auto& host : route.match.scope.hosts) {
          out.push_back(host);
        }
      }
    }
  }
  return out;
}

TEST(Certificates, AWildcardCoversOneLevelOfSubdomainsOfItsOwnIssuer)
{
  auto c = compile(edge(k_wildcard), {{"p.yaml", project("p", k_hosts)}});
  ASSERT_EQ(errors(c), "");
  CertificatePlan plan = plan_certificates(config_of(c));
  auto name_for = [&](const std::string& host) {
    const Certificate* certificate = plan.for_host(host);
    return certificate ? certificate->name : "<none>";
  };
  EXPECT_EQ(name_for("one.apps.example.com"), "apps");
  EXPECT_EQ(name_for("apps.example.com"), "apps");                         // listed in the request
  EXPECT_EQ(name_for("x.two.apps.example.com"), "x.two.apps.example.com"); // two levels below: its own
  EXPECT_EQ(name_for("r1.example.com"), "r1.example.com");                 // hosts of a raw rule
  EXPECT_EQ(name_for("r2.example.com"), "r2.example.com");
  EXPECT_EQ(name_for("plain.example.com"), "<none>"); // no TLS
  EXPECT_EQ(plan.certificates.size(), 4u);
}

TEST(Certificates, EveryTlsHostIsCoveredByExactlyOneCertificate)
{
  auto c = compile(edge(k_wildcard), {{"p.yaml", project("p", k_hosts)}});
  ASSERT_EQ(errors(c), "");
  // From the rendered Certificate objects, as cert-manager sees them.
  std::map<std::string, int> listed; // dnsName -> Certificates listing it
  std::vector<util::Value> certificates;
  for (const auto& d : file(c, "default/kubernetes/certificates/certificates.yaml")->documents) {
    certificates.push_back(d);
    for (const auto& name : d.as_map().at("spec").as_map().at("dnsNames").as_list()) {
      ++listed[name.as_string()];
    }
  }
  for (const auto& [name, count] : listed) {
    EXPECT_EQ(count, 1) << name << " is in " << count << " certificates";
  }
  for (const auto& host : tls_hosts(config_of(c))) {
    int covering = 0;
    for (const auto& certificate : certificates) {
      for (const auto& name : certificate.as_map().at("spec").as_map().at("dnsNames").as_list()) {
        if (model::certificate_covers(name.as_string(), host)) {
          ++covering;
          break;
        }
      }
    }
    EXPECT_EQ(covering, 1) << host;
  }
}

TEST(Certificates, IngressShimAsksForAHostsCertificateOnceFromItsFirstIngress)
{
  const std::string spec = R"(  services:
    web: {port: 80}
  routes:
    - host: a.${domain}
      pathPrefix: /one
      service: web
    - name: two
      host: a.${domain}
      pathPrefix: /two
      service: web
)";
  const std::string extra = R"(  dashboard:
    host: traefik.${domain}
  kubernetes:
    routing: ingress
)";
  auto c = compile(edge(extra), {{"p.yaml", project("p", spec)}});
  ASSERT_EQ(errors(c), "");
  util::Value first = document(c, "Ingress", "p-web");
  util::Value second = document(c, "Ingress", "p-two");
  EXPECT_EQ(first["metadata"]["annotations"]["cert-manager.io/cluster-issuer"], util::Value("le"));
  EXPECT_FALSE(second["metadata"]["annotations"].as_map().count("cert-manager.io/cluster-issuer"));
  EXPECT_EQ(second["spec"]["tls"].as_list().at(0)["secretName"], util::Value("a.example.com-tls"));
  // The dashboard is an IngressRoute, which needs the Certificate object.
  EXPECT_EQ(text(c, "default/kubernetes/certificates/certificates.yaml"), R"(apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: traefik.example.com
  namespace: edge
spec:
  dnsNames:
    - traefik.example.com
  issuerRef:
    group: cert-manager.io
    kind: ClusterIssuer
    name: le
  secretName: traefik.example.com-tls
)");
}

TEST(Certificates, NamesThatCollideGetANumber)
{
  // A requested certificate named "intranet" and the certificate of the
  // single-label host "intranet" both want that name.
  const std::string spec = R"(  services:
    web: {port: 80}
  routes:
    - host: intranet
      service: web
    - name: wiki
      host: wiki.example.com
      service: web
)";
  const std::string extra = R"(  certificates:
    - name: intranet
      domains: [wiki.example.com]
)";
  auto c = compile(edge(extra), {{"p.yaml", project("p", spec)}});
  ASSERT_EQ(errors(c), "");
  CertificatePlan plan = plan_certificates(config_of(c));
  ASSERT_EQ(plan.certificates.size(), 2u);
  EXPECT_EQ(plan.certificates[0].name, "intranet");
  EXPECT_EQ(plan.certificates[1].name, "intranet-2");
  EXPECT_EQ(plan.certificates[1].secret_name(), "intranet-2-tls");
}

TEST(Certificates, FilesIssuersGetNoCertificateAndRoutesUseTraefiksDefault)
{
  const std::string issuer = R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: disk
spec:
  files:
    certificates:
      - {certFile: /c.pem, keyFile: /k.pem, domains: [a.example.com]}
)";
  const std::string spec = R"(  services:
    web: {port: 80}
  routes:
    - host: a.${domain}
      service: web
      issuer: disk
)";
  auto c = compile(edge(), {{"i.yaml", issuer}, {"p.yaml", project("p", spec)}});
  ASSERT_EQ(errors(c), "");
  EXPECT_TRUE(plan_certificates(config_of(c)).certificates.empty());
  // TLS without a Secret of its own, under the default TLS options.
  EXPECT_EQ(serialise::to_yaml({document(c, "IngressRoute", "p-web")["spec"]["tls"]}), "{}\n");
}

} // namespace
} // namespace edgegen::emit::kubernetes
