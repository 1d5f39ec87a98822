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
  // Only renames: the project is named by its first Service, and
  // edgegen names a certificate's Secret by its host.
  EXPECT_EQ(lines_of(proof), (std::vector<std::string>{
                                 "~ router homepage@kubernetes: name homepage → backend-homepage",
                                 "~ router homepage-2@kubernetes: name homepage-2 → backend-homepage-2",
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

} // namespace
} // namespace edgegen::import
