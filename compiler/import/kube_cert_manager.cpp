// cert-manager's objects: ACME Issuers and ClusterIssuers as certificate
// resolvers, Certificates and the ingress-shim's certificates as requests.
#include "import/kubernetes.hpp"
#include "import/read_common.hpp"

#include <algorithm>

namespace edgegen::import::kube {

namespace {

// The DNS-01 providers edgegen's Issuers say (docs/input-format.md).
const char* const k_dns_providers[] = {"cloudflare", "digitalocean", "route53", "webhook"};

void read_solver(const load::Node& solver, Resolver& resolver, Reader& reader, const std::string& path)
{
  for (size_t i = 0; i < solver.keys.size(); ++i) {
    const std::string& key = solver.keys[i];
    const load::Node& value = solver.items[i];
    if (key == "http01") {
      resolver.challenge = "http";
      // edgegen writes the solver's Ingress: the Edge's class, and the
      // entry point and priority its router needs (its ingressTemplate).
      const load::Node* ingress = value.find("ingress");
      for (size_t j = 0; ingress && j < ingress->keys.size(); ++j) {
        const std::string& setting = ingress->keys[j];
        if (setting == "class" || setting == "ingressClassName") {
          resolver.http01_class = ingress->items[j].text;
          resolver.http01_class_location = ingress->items[j].location();
        } else {
          not_carried(*ingress, j, path + ".http01.ingress", reader.diagnostics);
        }
      }
      for (size_t j = 0; value.is_map() && j < value.keys.size(); ++j) {
        if (value.keys[j] != "ingress") {
          not_carried(value, j, path + ".http01", reader.diagnostics);
        }
      }
    } else if (key == "dns01" && value.is_map() && value.keys.size() == 1 &&
               std::find(std::begin(k_dns_providers), std::end(k_dns_providers), value.keys.front()) !=
                   std::end(k_dns_providers)) {
      resolver.challenge = "dns";
      resolver.provider = value.keys.front() == "webhook" ? text_of(find_path(value, {"webhook", "solverName"}))
                                                          : value.keys.front().str();
      resolver.dns_solver = to_value(value);
    } else if (key == "selector" && value.is_map() && value.keys.size() == 1 && value.keys.front() == "dnsZones") {
      for (const auto& zone : value.items.front().items) {
        resolver.dns_zones.push_back(zone.text);
      }
    } else if (key == "dns01") {
      reader.diagnostics.error("E0429", value.location(),
                               "Issuer \"" + resolver.name + "\" solves DNS-01 by " +
                                   (value.keys.empty() ? std::string("nothing") : value.keys.front().str()) +
                                   ": edgegen's Issuers use cloudflare, digitalocean, route53 or a webhook",
                               "use the provider's cert-manager webhook (dns01.webhook)");
    } else {
      not_carried(solver, i, path, reader.diagnostics);
    }
  }
}

} // namespace

void read_issuer(const load::Node& root, Reader& reader)
{
  Resolver resolver;
  resolver.name = name_of(root);
  resolver.location = root.location();
  resolver.namespaced = text_of(root.find("kind")) == "Issuer";
  const load::Node* spec = root.find("spec");
  const load::Node* acme = spec ? spec->find("acme") : nullptr;
  if (!acme || !acme->is_map()) {
    reader.diagnostics.error("E0429", spec ? spec->location() : root.location(),
                             "Issuer \"" + resolver.name +
                                 "\" is not an ACME issuer: edgegen's Issuers are ACME "
                                 "accounts or certificate files",
                             "keep this issuer beside edgegen's output, and its certificates with it");
    return;
  }
  const std::string path = "Issuer " + resolver.name + ".spec.acme";
  for (size_t i = 0; i < acme->keys.size(); ++i) {
    const std::string& key = acme->keys[i];
    const load::Node& value = acme->items[i];
    if (key == "email") {
      resolver.email = value.text;
    } else if (key == "server") {
      resolver.ca_server = value.text;
    } else if (key == "privateKeySecretRef") {
      resolver.private_key = text_of(value.find("name"));
    } else if (key == "solvers" && value.is_list() && !value.items.empty()) {
      read_solver(value.items.front(), resolver, reader, path + ".solvers[0]");
      for (size_t j = 1; j < value.items.size(); ++j) {
        not_carried(value, j, path + ".solvers", reader.diagnostics);
      }
    } else {
      not_carried(*acme, i, path, reader.diagnostics);
    }
  }
  if (resolver.challenge.empty()) {
    return; // reported
  }
  reader.config.resolvers[resolver.name] = std::move(resolver);
}

void read_certificate(const load::Node& root, Reader& reader)
{
  CertificateRequest request;
  request.name = name_of(root);
  request.location = root.location();
  const load::Node* spec = root.find("spec");
  for (size_t i = 0; spec && i < spec->keys.size(); ++i) {
    const std::string& key = spec->keys[i];
    const load::Node& value = spec->items[i];
    if (key == "dnsNames") {
      for (const auto& item : value.items) {
        request.dns_names.push_back(item.text);
      }
    } else if (key == "issuerRef") {
      request.issuer = text_of(value.find("name"));
    } else if (key == "secretName") {
      request.secret_name = value.text;
    } else if (key == "duration") {
      request.duration = value.text;
    } else if (key == "renewBefore") {
      request.renew_before = value.text;
    } else if (key != "commonName") {
      not_carried(*spec, i, "Certificate " + request.name + ".spec", reader.diagnostics);
    }
  }
  std::sort(request.dns_names.begin(), request.dns_names.end());
  reader.config.kubernetes.certificates[request.name] = std::move(request);
}

void shim_certificates(const load::Node& ingress, Reader& reader)
{
  const load::Node* annotations = annotations_of(ingress);
  const load::Node* issuer = annotations ? annotations->find("cert-manager.io/cluster-issuer") : nullptr;
  issuer = issuer ? issuer : (annotations ? annotations->find("cert-manager.io/issuer") : nullptr);
  const load::Node* tls = find_path(ingress, {"spec", "tls"});
  for (size_t i = 0; issuer && tls && i < tls->items.size(); ++i) {
    CertificateRequest request;
    request.secret_name = text_of(tls->items[i].find("secretName"));
    request.name = request.secret_name; // the ingress-shim names the Certificate by its Secret
    request.location = tls->items[i].location();
    request.issuer = issuer->text;
    request.shim = true;
    request.duration = text_of(annotations->find("cert-manager.io/duration"));
    request.renew_before = text_of(annotations->find("cert-manager.io/renew-before"));
    const load::Node* hosts = tls->items[i].find("hosts");
    for (size_t h = 0; hosts && h < hosts->items.size(); ++h) {
      request.dns_names.push_back(hosts->items[h].text);
    }
    std::sort(request.dns_names.begin(), request.dns_names.end());
    reader.config.kubernetes.certificates[request.name] = std::move(request);
  }
}

} // namespace edgegen::import::kube
