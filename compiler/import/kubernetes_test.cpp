#include "import/import.hpp"

#include <gtest/gtest.h>

namespace edgegen::import {
namespace {

std::vector<std::string> lines_of(const Proof& proof)
{
  std::vector<std::string> lines;
  for (const auto& difference : proof.differences) {
    lines.push_back(difference.text);
  }
  return lines;
}

std::string messages(const diag::Diagnostics& d)
{
  std::string out;
  for (const auto& item : d.sorted()) {
    out += item.code + " " + std::to_string(item.location.line) + ":" + std::to_string(item.location.column) + " " +
           item.message + "\n";
  }
  return out;
}

// The diagnostics of importing one file, as messages() gives them.
std::string import_messages(const std::string& name, const std::string& yaml)
{
  diag::Diagnostics d;
  import_kubernetes({{name, yaml}}, d);
  return messages(d);
}

std::string file_of(const Imported& imported, const std::string& path)
{
  for (const auto& file : imported.files) {
    if (file.path == path) {
      return file.bytes;
    }
  }
  return "(no " + path + ")";
}

const char* k_ingress = "apiVersion: cert-manager.io/v1\n"
                        "kind: ClusterIssuer\n"
                        "metadata: {name: letsencrypt-prod}\n"
                        "spec:\n"
                        "  acme:\n"
                        "    email: ops@example.com\n"
                        "    server: https://acme-v02.api.letsencrypt.org/directory\n"
                        "    privateKeySecretRef: {name: letsencrypt-prod}\n"
                        "    solvers: [{http01: {ingress: {ingressClassName: traefik}}}]\n"
                        "---\n"
                        "apiVersion: networking.k8s.io/v1\n"
                        "kind: Ingress\n"
                        "metadata:\n"
                        "  name: homepage\n"
                        "  namespace: homepage\n"
                        "  annotations:\n"
                        "    cert-manager.io/cluster-issuer: letsencrypt-prod\n"
                        "    traefik.ingress.kubernetes.io/router.entrypoints: websecure\n"
                        "    traefik.ingress.kubernetes.io/router.tls: \"true\"\n"
                        "spec:\n"
                        "  ingressClassName: traefik\n"
                        "  tls: [{hosts: [homepage.example.dev], secretName: homepage-tls}]\n"
                        "  rules:\n"
                        "    - host: homepage.example.dev\n"
                        "      http:\n"
                        "        paths:\n"
                        "          - {path: /, pathType: Prefix, backend: {service: {name: frontend, port: {number: "
                        "80}}}}\n"
                        "          - {path: /api, pathType: Prefix, backend: {service: {name: backend, port: {name: "
                        "http}}}}\n"
                        "---\n"
                        "apiVersion: v1\n"
                        "kind: Service\n"
                        "metadata: {name: backend, namespace: homepage}\n"
                        "spec: {ports: [{name: http, port: 3000}]}\n";

TEST(ImportKubernetes, ReadsAnIngressItsServicesAndItsClusterIssuer)
{
  diag::Diagnostics d;
  Imported imported = import_kubernetes({{"homepage.yaml", k_ingress}}, d);
  ASSERT_EQ(messages(d), "");
  ASSERT_EQ(imported.config.routers.size(), 2u);
  const Router& api = imported.config.routers.at("homepage-2");
  EXPECT_EQ(api.rule, "Host(`homepage.example.dev`) && PathPrefix(`/api`)");
  EXPECT_EQ(api.service, "backend");
  EXPECT_EQ(api.cert_resolver, "letsencrypt-prod");
  EXPECT_EQ(api.entry_points, std::vector<std::string>{"websecure"});
  EXPECT_EQ(imported.config.services.at("backend").urls, std::vector<std::string>{"http://backend:3000"});
  EXPECT_EQ(imported.config.routers.at("homepage").rule, "Host(`homepage.example.dev`)");
  EXPECT_EQ(imported.config.resolvers.at("letsencrypt-prod").challenge, "http");
  EXPECT_EQ(file_of(imported, "edge.yaml"), "apiVersion: edgegen.dev/v1alpha1\n"
                                            "kind: Edge\n"
                                            "metadata:\n"
                                            "  name: edge\n"
                                            "spec:\n"
                                            "  defaultIssuer: letsencrypt-prod\n"
                                            "  entryPoints:\n"
                                            "    web:\n"
                                            "      address: \":80\"\n"
                                            "    websecure:\n"
                                            "      address: \":443\"\n"
                                            "  kubernetes:\n"
                                            "    namespace: homepage\n"
                                            "    routing: ingress\n"
                                            "  targets:\n"
                                            "    - kubernetes\n");
  Proof proof = prove(imported);
  ASSERT_FALSE(proof.diagnostics.has_errors());
  // Only renames. The Services (frontend, backend) share no prefix, so the
  // project is named by what its routers share, the Ingress's name: the
  // router homepage-2 keeps its name, and homepage gets the project's
  // prefix. edgegen names a certificate's Secret by its host.
  EXPECT_EQ(lines_of(proof), (std::vector<std::string>{
                                 "~ router homepage@kubernetes: name homepage → homepage-homepage",
                                 "~ certificate homepage-tls: secretName homepage-tls → homepage.example.dev-tls",
                             }));
  for (const auto& difference : proof.differences) {
    EXPECT_TRUE(difference.rename) << difference.text;
  }
}

TEST(ImportKubernetes, ReadsIngressRoutesOfTheOlderGroupWithTheirMiddlewares)
{
  diag::Diagnostics d;
  Imported imported = import_kubernetes({{"routes.yaml", "apiVersion: traefik.containo.us/v1alpha1\n"
                                                         "kind: Middleware\n"
                                                         "metadata: {name: secure, namespace: apps}\n"
                                                         "spec: {headers: {stsSeconds: 31536000}}\n"
                                                         "---\n"
                                                         "apiVersion: traefik.io/v1alpha1\n"
                                                         "kind: Middleware\n"
                                                         "metadata: {name: both, namespace: apps}\n"
                                                         "spec: {chain: {middlewares: [{name: secure}]}}\n"
                                                         "---\n"
                                                         "apiVersion: traefik.containo.us/v1alpha1\n"
                                                         "kind: IngressRoute\n"
                                                         "metadata: {name: shop, namespace: apps}\n"
                                                         "spec:\n"
                                                         "  entryPoints: [websecure]\n"
                                                         "  routes:\n"
                                                         "    - match: Host(`shop.example.com`) && Method(`GET`)\n"
                                                         "      kind: Rule\n"
                                                         "      middlewares: [{name: both}]\n"
                                                         "      services: [{name: shop, port: 8080}]\n"
                                                         "  tls: {certResolver: le}\n"}},
                                        d);
  EXPECT_EQ(messages(d), "W0615 17:7 router \"shop\": the certificate resolver or issuer \"le\" is not carried "
                         "over: it is not among these manifests (a certificate resolver is Traefik's static "
                         "configuration)\n");
  const Router& shop = imported.config.routers.at("shop");
  EXPECT_EQ(shop.middlewares, std::vector<std::string>{"both"});
  EXPECT_EQ(shop.cert_resolver, "");
  EXPECT_EQ(imported.config.middlewares.at("both").options.as_map().at("middlewares"),
            util::Value(util::Value::List{util::Value("secure")}));
  ASSERT_EQ(imported.listing.raw.size(), 1u);
  EXPECT_EQ(imported.listing.raw[0], "routes.yaml:17: router shop: Host(`shop.example.com`) && Method(`GET`)");
}

TEST(ImportKubernetes, ReportsAnUnknownMiddlewareType)
{
  diag::Diagnostics d;
  import_kubernetes({{"m.yaml", "apiVersion: traefik.io/v1alpha1\n"
                                "kind: Middleware\n"
                                "metadata: {name: auth}\n"
                                "spec:\n"
                                "  basicauth: {secret: users}\n"}},
                    d);
  EXPECT_EQ(messages(d), "E0428 5:3 middleware \"auth\" has the unknown type \"basicauth\"\n");
}

TEST(ImportKubernetes, RefusesAComposeFileAndReportsWhatItDoesNotCarry)
{
  diag::Diagnostics d;
  import_kubernetes({{"compose.yaml", "services:\n  web: {image: nginx}\n"},
                     {"flux.yaml", "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
                                   "kind: Kustomization\n"
                                   "metadata: {name: apps}\n"
                                   "spec: {path: ./apps}\n"
                                   "---\n"
                                   "spec:\n"
                                   "  path: ./repositories\n"}},
                    d);
  EXPECT_EQ(messages(d),
            "E0427 1:1 not a Kubernetes manifest: it has no apiVersion and kind, and its services are a compose "
            "file's\n"
            "W0618 1:1 Kustomization \"apps\" is not carried over: a Flux object: edgegen's flux target writes its "
            "own\n"
            "W0618 6:1 a document without apiVersion and kind is not carried over: it is no Kubernetes object\n");
}

TEST(ImportKubernetes, RefusesABackendPortTheServiceDoesNotHave)
{
  diag::Diagnostics d;
  import_kubernetes({{"i.yaml", "apiVersion: networking.k8s.io/v1\n"
                                "kind: Ingress\n"
                                "metadata: {name: web}\n"
                                "spec:\n"
                                "  rules:\n"
                                "    - host: a.example.com\n"
                                "      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, "
                                "port: {name: http}}}}]}\n"}},
                    d);
  EXPECT_EQ(messages(d), "E0429 7:94 the backend Service \"web\" is given the port \"http\", and no Service web is in "
                         "these files\n");
}

// A selector-less Service and the EndpointSlice that gives its one server.
std::string one_server(const std::string& name, const std::string& type, const std::string& address)
{
  return R"(apiVersion: v1
kind: Service
metadata: {name: )" +
         name + R"(, namespace: shop}
spec:
  ports: [{name: http, port: 9000, protocol: TCP}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: )" +
         name + R"(
  namespace: shop
  labels: {kubernetes.io/service-name: )" +
         name + R"(}
addressType: )" +
         type + R"(
endpoints: [{addresses: [)" +
         address + R"(]}]
ports: [{name: http, port: 9000, protocol: TCP}]
)";
}

// edgegen's service of two IP servers: a route to two selector-less
// Services, each with the EndpointSlice that gives its one server.
const std::string k_pooled =
    one_server("shop-api-1", "IPv4", "10.0.0.11") + "---\n" + one_server("shop-api-2", "IPv6", "\"fd00::12\"") + R"(---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: shop-api, namespace: shop}
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(`shop.example.com`)
      services:
        - {name: shop-api-1, port: 9000, passHostHeader: true}
        - {name: shop-api-2, port: 9000, passHostHeader: true}
  tls: {secretName: shop-tls}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: shop, namespace: shop}
spec: {secretName: shop-tls, dnsNames: [shop.example.com], issuerRef: {name: le, kind: ClusterIssuer}}
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata: {name: le}
spec:
  acme:
    server: https://acme-v02.api.letsencrypt.org/directory
    privateKeySecretRef: {name: le}
    solvers:
      - dns01: {cloudflare: {apiTokenSecretRef: {name: cf, key: token}}}
        selector: {dnsZones: [example.com]}
)";

TEST(ImportKubernetes, ARouteToServicesOfOneServerEachIsOneServiceOfTheirServers)
{
  diag::Diagnostics d;
  Imported imported = import_kubernetes({{"shop.yaml", k_pooled}}, d);
  ASSERT_EQ(messages(d), "");
  ASSERT_EQ(imported.config.services.size(), 1u);
  const Service& pooled = imported.config.services.at("shop-api");
  EXPECT_EQ(pooled.urls, (std::vector<std::string>{"http://10.0.0.11:9000", "http://[fd00::12]:9000"}));
  EXPECT_EQ(pooled.pass_host_header, std::optional<bool>(true));
  EXPECT_EQ(imported.config.routers.at("shop-api").service, "shop-api");
  EXPECT_EQ(imported.config.resolvers.at("le").dns_zones, std::vector<std::string>{"example.com"});
  EXPECT_NE(file_of(imported, "issuers.yaml").find("      dnsZones:\n        - example.com\n"), std::string::npos)
      << file_of(imported, "issuers.yaml");
  Proof proof = prove(imported);
  ASSERT_FALSE(proof.diagnostics.has_errors());
  for (const auto& difference : proof.differences) {
    EXPECT_TRUE(difference.rename) << difference.text;
  }
}

TEST(ImportKubernetes, RefusesARouteToWeightedServicesOrToServicesOfSeveralServers)
{
  std::string weighted = k_pooled;
  weighted.replace(weighted.find("passHostHeader: true}\n        - {name: shop-api-2"), 21,
                   "passHostHeader: true, weight: 3}");
  EXPECT_EQ(import_messages("shop.yaml", weighted),
            "E0429 42:11 route \"shop-api\" sends to 2 services, weighted or set apart: edgegen's routes "
            "send to one service\n");
  std::string two_servers = k_pooled;
  two_servers.replace(two_servers.find("[10.0.0.11]"), 11, "[10.0.0.11, 10.0.0.13]");
  EXPECT_EQ(import_messages("shop.yaml", two_servers),
            "E0429 42:11 route \"shop-api\" sends to 2 services, and \"shop-api-1\" has 2 servers: "
            "Traefik shares requests out among the services, not their servers\n");
}

TEST(ImportKubernetes, TheHttp01SolversOwnIngressClassIsReported)
{
  std::string other = k_ingress;
  other.replace(other.find("ingressClassName: traefik"), 25, "ingressClassName: nginx");
  EXPECT_EQ(import_messages("homepage.yaml", other),
            "W0615 9:53 Issuer letsencrypt-prod: the HTTP-01 solver's Ingress class \"nginx\" is not "
            "carried over: edgegen's solver uses the Edge's class \"traefik\"\n");
}

TEST(ImportKubernetes, AnErrorsMiddlewaresServiceIsTheServiceItsServiceAndPortStandFor)
{
  diag::Diagnostics d;
  Imported imported = import_kubernetes({{"m.yaml", R"(apiVersion: v1
kind: Service
metadata: {name: pages, namespace: app}
spec: {ports: [{name: http, port: 8080}]}
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: {name: oops, namespace: app}
spec:
  errors:
    status: ["500-599"]
    query: /{status}.html
    service: {name: pages, port: http}
)"}},
                                        d);
  ASSERT_EQ(messages(d), "");
  EXPECT_EQ(imported.config.middlewares.at("oops").options.as_map().at("service").as_string(), "pages");
  EXPECT_EQ(imported.config.services.at("pages").urls, std::vector<std::string>{"http://pages:8080"});
}

TEST(ImportKubernetes, AServersTransportIsTheServicesTls)
{
  diag::Diagnostics d;
  Imported imported = import_kubernetes({{"pve.yaml", R"(apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: {name: pve, namespace: lab}
spec:
  serverName: pve
  rootCAs: [{secret: proxmox-ca}]
  maxIdleConnsPerHost: 4
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: pve, namespace: lab}
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(`pve.example.com`)
      services: [{name: pve, port: 8006, scheme: https, serversTransport: pve}]
  tls: {secretName: pve-tls}
---
apiVersion: v1
kind: Service
metadata: {name: pve, namespace: lab}
spec: {type: ExternalName, externalName: pve.lan, ports: [{name: https, port: 8006}]}
)"}},
                                        d);
  EXPECT_EQ(messages(d), "W0615 7:3 ServersTransport pve.spec.maxIdleConnsPerHost is not carried over: edgegen's "
                         "desired state has no such setting\n");
  EXPECT_EQ(imported.config.services.at("pve").servers_transport, "pve");
  EXPECT_NE(file_of(imported, "projects/pve.yaml").find(R"(      tls:
        caSecret: proxmox-ca
        serverName: pve
)"),
            std::string::npos)
      << file_of(imported, "projects/pve.yaml");
}

} // namespace
} // namespace edgegen::import
