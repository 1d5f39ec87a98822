// What Traefik's pod dials in a cluster: IP backends, ExternalName Services,
// forward-auth addresses, and the TLS options of clients without SNI.
#include "emit/kubernetes/kubernetes.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::kubernetes {
namespace {

using namespace testing;

const std::string k_servers = R"(  services:
    nas: {host: 192.168.1.20, port: 5000}
    pve:
      urls: ["https://[2001:db8::7]:8006", "https://pve.lan.example.com:8006"]
  routes:
    - host: nas.${domain}
      service: nas
    - host: pve.${domain}
      service: pve
)";

TEST(KubernetesBackends, AnIpAddressIsASelectorlessServiceWithAnEndpointSlice)
{
  auto c = compile(edge(), {{"p.yaml", project("p", k_servers)}});
  ASSERT_EQ(errors(c), "");
  // The API server refuses an IP as an ExternalName: the Service has no
  // type and no selector, its slice names it and matches its port by name.
  EXPECT_EQ(serialise::to_yaml({document(c, "Service", "p-nas"), document(c, "EndpointSlice", "p-nas")}),
            R"(apiVersion: v1
kind: Service
metadata:
  labels:
    edgegen.dev/project: p
  name: p-nas
  namespace: edge
spec:
  ports:
    - name: http
      port: 5000
      protocol: TCP
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  labels:
    edgegen.dev/project: p
    endpointslice.kubernetes.io/managed-by: edgegen.dev
    kubernetes.io/service-name: p-nas
  name: p-nas
  namespace: edge
addressType: IPv4
endpoints:
  - addresses:
      - "192.168.1.20"
ports:
  - name: http
    port: 5000
    protocol: TCP
)");
  EXPECT_EQ(document(c, "EndpointSlice", "p-pve-1")["addressType"], util::Value("IPv6"));
  EXPECT_EQ(document(c, "EndpointSlice", "p-pve-1")["endpoints"].as_list().at(0)["addresses"].as_list().at(0),
            util::Value("2001:db8::7"));
  EXPECT_FALSE(document(c, "Service", "p-pve-1")["spec"].as_map().count("type"));
  // A DNS name stays an ExternalName Service, without a slice.
  EXPECT_EQ(document(c, "Service", "p-pve-2")["spec"]["externalName"], util::Value("pve.lan.example.com"));
  EXPECT_TRUE(document(c, "EndpointSlice", "p-pve-2").is_null());
}

TEST(KubernetesBackends, NotDnsNamesAreNotIpAddresses)
{
  model::Service service;
  service.output_name = "p-x";
  service.port = 80;
  for (const char* host : {"10.0.0.256", "10.0.0", "1.2.3.4.example.com", "10.0.0.5."}) {
    service.host = host;
    EXPECT_EQ(backends(service).at(0).address_type, "") << host;
  }
  service.host = "10.0.0.5";
  EXPECT_EQ(backends(service).at(0).address_type, "IPv4");
}

TEST(KubernetesBackends, AFileWithExternalNameServicesSaysTraefikMustAllowThem)
{
  auto c = compile(edge(), {{"p.yaml", project("p", k_servers)}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(file(c, "default/kubernetes/routes/p.yaml")->comment,
            R"(Traefik ignores the ExternalName Services of this file unless its Kubernetes providers
allow them (off by default): providers.kubernetesCRD.allowExternalNameServices=true
and providers.kubernetesIngress.allowExternalNameServices=true.)");
  // Services of the namespace and IP addresses need no such setting.
  const std::string inside = R"(  services:
    api: {port: 8000}
    nas: {host: 10.0.0.5, port: 80}
  routes:
    - host: a.${domain}
      service: api
    - host: n.${domain}
      service: nas
)";
  c = compile(edge(), {{"q.yaml", project("q", inside)}});
  ASSERT_EQ(errors(c), "");
  EXPECT_EQ(file(c, "default/kubernetes/routes/q.yaml")->comment, "");
}

const std::string k_forward_auth = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: sso
spec:
  forwardAuth:
    address: http://oauth2-proxy:4180/oauth2/auth?x=1
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: outside
spec:
  forwardAuth:
    address: https://auth.example.com/check
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: sidecar
spec:
  forwardAuth:
    address: http://localhost:9091
)";

TEST(KubernetesBackends, AForwardAuthShortNameIsTheServiceOfTheEnvironmentsNamespace)
{
  std::string with_traefik = edge();
  with_traefik.replace(with_traefik.find("[kubernetes"), 1, "[traefik, ");
  const std::string environment = R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: prod
spec:
  kubernetes:
    namespace: web
)";
  auto c = compile(with_traefik, {{"m.yaml", k_forward_auth}, {"env.yaml", environment}});
  ASSERT_EQ(errors(c), "");
  // The Traefik pod resolves a short name in its own namespace.
  EXPECT_EQ(document(c, "Middleware", "sso")["spec"]["forwardAuth"]["address"],
            util::Value("http://oauth2-proxy.web.svc.cluster.local:4180/oauth2/auth?x=1"));
  EXPECT_EQ(document(c, "Middleware", "outside")["spec"]["forwardAuth"]["address"],
            util::Value("https://auth.example.com/check"));
  EXPECT_EQ(document(c, "Middleware", "sidecar")["spec"]["forwardAuth"]["address"],
            util::Value("http://localhost:9091"));
  // Traefik's file provider shares the compose network: the name as written.
  EXPECT_NE(text(c, "prod/traefik/dynamic/_shared.yml").find("address: http://oauth2-proxy:4180/oauth2/auth?x=1"),
            std::string::npos);
}

const std::string k_one_route = R"(  services:
    api: {port: 8000}
  routes:
    - host: a.${domain}
      service: api
)";

TEST(KubernetesBackends, TheEdgesTlsOptionsAreTraefiksDefault)
{
  std::string strict = edge(R"(  traefik:
    tls: {sniStrict: true}
)");
  auto c = compile(strict, {{"p.yaml", project("p", k_one_route)}});
  ASSERT_EQ(errors(c), "");
  // Clients without SNI (or with an unknown name) get the TLSOption named
  // "default": sniStrict holds for them as with the file provider.
  util::Value option = document(c, "TLSOption", "default");
  EXPECT_EQ(option["spec"]["sniStrict"], util::Value(true));
  EXPECT_TRUE(document(c, "TLSOption", "test").is_null());
  // A route that names no TLS options has the default ones; naming
  // "default" would make Traefik look for "edge-default".
  EXPECT_EQ(serialise::to_yaml({document(c, "IngressRoute", "p-api")["spec"]["tls"]}),
            "secretName: a.example.com-tls\n");
}

TEST(KubernetesBackends, AnIngressNamesTheDefaultTlsOptionsUnqualified)
{
  std::string ingress = edge(R"(  kubernetes:
    routing: ingress
)");
  auto c = compile(ingress, {{"p.yaml", project("p", k_one_route)}});
  ASSERT_EQ(errors(c), "");
  util::Value annotations = document(c, "Ingress", "p-api")["metadata"]["annotations"];
  EXPECT_EQ(annotations["traefik.ingress.kubernetes.io/router.tls.options"], util::Value("default"));
}

} // namespace
} // namespace edgegen::emit::kubernetes
