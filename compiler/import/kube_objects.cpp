// Kubernetes manifests: which objects are read, Services, Middlewares and
// TLSOptions; routes are kube_routes.cpp's, cert-manager's objects
// kube_cert_manager.cpp's.
#include "import/kubernetes.hpp"
#include "import/read_common.hpp"
#include "util/empty.hpp"
#include "util/strings.hpp"

namespace edgegen::import {

namespace kube {

std::string name_of(const load::Node& root)
{
  return text_of(find_path(root, {"metadata", "name"}));
}

std::string namespace_of(const load::Node& root)
{
  return text_of(find_path(root, {"metadata", "namespace"}));
}

const load::Node* annotations_of(const load::Node& root)
{
  const load::Node* annotations = find_path(root, {"metadata", "annotations"});
  return annotations && annotations->is_map() ? annotations : nullptr;
}

std::string middleware_reference(const std::string& written, const std::string& namespace_name)
{
  std::string name = local_name(written, "kubernetescrd");
  std::string prefix = (namespace_name.empty() ? "default" : namespace_name) + "-";
  return util::starts_with(name, prefix) && name.size() > prefix.size() ? name.substr(prefix.size()) : name;
}

namespace {

// The number of the Service's port that `port` names ("" and 0 if none).
int64_t port_number(const load::Node* service, const load::Node* port, std::string& port_name)
{
  if (port && port->kind == load::Node::Kind::integer) {
    return port->integer;
  }
  const load::Node* ports = service ? find_path(*service, {"spec", "ports"}) : nullptr;
  std::vector<const load::Node*> all;
  for (size_t i = 0; ports && i < ports->items.size(); ++i) {
    all.push_back(&ports->items[i]);
  }
  for (const load::Node* item : all) {
    if ((port && text_of(item->find("name")) == port->text) || (!port && all.size() == 1)) {
      port_name = text_of(item->find("name"));
      const load::Node* number = item->find("port");
      return number && number->kind == load::Node::Kind::integer ? number->integer : 0;
    }
  }
  return 0;
}

// The servers of a Service without a selector: the addresses of the
// EndpointSlices that name it, on the slice's port of the Service port's
// name (Traefik reads them so); none for any other Service.
std::vector<std::string> endpoint_urls(const Reader& reader, const load::Node* service, const std::string& port_name,
                                       const std::string& scheme)
{
  std::vector<std::string> urls;
  if (!service || find_path(*service, {"spec", "selector"}) ||
      text_of(find_path(*service, {"spec", "type"})) == "ExternalName") {
    return urls;
  }
  auto slices = reader.endpoint_slices.find(name_of(*service));
  if (slices == reader.endpoint_slices.end()) {
    return urls;
  }
  for (const load::Node* slice : slices->second) {
    const load::Node* ports = slice->find("ports");
    int64_t target = 0;
    for (size_t i = 0; ports && i < ports->items.size(); ++i) {
      const load::Node* number = ports->items[i].find("port");
      if ((text_of(ports->items[i].find("name")) == port_name || ports->items.size() == 1) && number &&
          number->kind == load::Node::Kind::integer) {
        target = number->integer;
      }
    }
    const load::Node* endpoints = slice->find("endpoints");
    for (size_t e = 0; target > 0 && endpoints && e < endpoints->items.size(); ++e) {
      const load::Node* addresses = endpoints->items[e].find("addresses");
      for (size_t a = 0; addresses && a < addresses->items.size(); ++a) {
        const std::string& address = addresses->items[a].text;
        std::string host = address.find(':') == std::string::npos ? address : "[" + address + "]";
        urls.push_back(scheme + "://" + host + ":" + std::to_string(target));
      }
    }
  }
  return urls;
}

} // namespace

std::string backend_service(Reader& reader, const std::string& name, const load::Node* port, std::string scheme,
                            const diag::Location& at)
{
  auto found = reader.services.find(name);
  const load::Node* service = found == reader.services.end() ? nullptr : found->second;
  std::string port_name;
  int64_t number = port_number(service, port, port_name);
  if (number <= 0) {
    std::string what = port ? "the port \"" + port->text + "\"" : "no port";
    reader.diagnostics.error(
        "E0429", port ? port->location() : at,
        "the backend Service \"" + name + "\" is given " + what +
            (service ? ", which it does not have" : ", and no Service " + name + " is in these files"),
        "give the port by number, or add the Service's manifest to the inputs");
    return {};
  }
  std::string host = name;
  if (service) {
    if (text_of(find_path(*service, {"spec", "type"})) == "ExternalName") {
      host = text_of(find_path(*service, {"spec", "externalName"}));
    }
    const load::Node* annotations = annotations_of(*service);
    const load::Node* written =
        annotations ? annotations->find("traefik.ingress.kubernetes.io/service.serversscheme") : nullptr;
    if (scheme.empty() && written) {
      scheme = written->text;
    }
  }
  if (scheme.empty()) {
    // Traefik's Kubernetes providers: port 443 or a port named https is HTTPS.
    scheme = number == 443 || port_name == "https" ? "https" : "http";
  }
  std::vector<std::string> urls = endpoint_urls(reader, service, port_name, scheme);
  if (urls.empty()) {
    urls = {scheme + "://" + host + ":" + std::to_string(number)};
  }
  std::string key = name;
  auto existing = reader.config.services.find(key);
  if (existing != reader.config.services.end() && existing->second.urls != urls) {
    key = name + "-" + std::to_string(number);
  }
  Service& out = reader.config.services[key];
  if (out.name.empty()) {
    out.name = key;
    out.location = at;
    out.urls = std::move(urls);
  }
  return key;
}

} // namespace kube

namespace {

using kube::Reader;

void read_middleware_object(const load::Node& root, Reader& reader)
{
  std::string name = kube::name_of(root);
  const load::Node* spec = root.find("spec");
  if (!spec) {
    reader.diagnostics.error("E0428", root.location(),
                             "middleware \"" + name + "\" must hold exactly one middleware type");
    return;
  }
  read_middleware(name, root.location(), *spec, reader.config, reader.diagnostics);
  auto it = reader.config.middlewares.find(name);
  if (it != reader.config.middlewares.end() && it->second.type == "errors") {
    // The CRD's error pages come from a Service and its port: the service
    // it stands for, as the file provider names one.
    const load::Node* service = find_path(*spec, {"errors", "service"});
    if (service && service->is_map()) {
      std::string key =
          kube::backend_service(reader, text_of(service->find("name")), service->find("port"), "", service->location());
      it->second.options["service"] = key;
    }
    return;
  }
  if (it == reader.config.middlewares.end() || it->second.type != "chain") {
    return;
  }
  // The CRD's chain names Middleware objects: [{name: a}] as the file's [a].
  util::Value& members = it->second.options["middlewares"];
  util::Value names = util::Value::list();
  for (const auto& member : members.is_list() ? members.as_list() : util::empty<util::Value::List>()) {
    bool reference = member.is_map() && member.as_map().count("name");
    names.push_back(reference ? member.as_map().at("name") : member);
  }
  members = names;
}

// A ServersTransport as edgegen's service tls keeps one: the server name,
// insecureSkipVerify and one CA from a Secret; anything else is W0615.
void read_servers_transport(const load::Node& root, Reader& reader)
{
  const std::string name = kube::name_of(root);
  const std::string path = "ServersTransport " + name + ".spec";
  const load::Node* spec = root.find("spec");
  util::Value kept = util::Value::map();
  for (size_t i = 0; spec && spec->is_map() && i < spec->keys.size(); ++i) {
    const std::string& key = spec->keys[i];
    const load::Node& value = spec->items[i];
    const load::Node* secret =
        value.is_list() && value.items.size() == 1 ? value.items.front().find("secret") : nullptr;
    if (key == "serverName" || key == "insecureSkipVerify") {
      kept[key] = to_value(value);
    } else if (key == "rootCAs" && secret && value.items.front().keys.size() == 1) {
      kept["caSecret"] = secret->text;
    } else if (key == "rootCAsSecrets" && value.is_list() && value.items.size() == 1) {
      kept["caSecret"] = value.items.front().text; // the older traefik.containo.us form
    } else {
      not_carried(*spec, i, path, reader.diagnostics);
    }
  }
  reader.config.servers_transports[name] = kept;
  reader.config.transport_locations[name] = root.location();
}

void read_tls_option(const load::Node& root, Reader& reader)
{
  const load::Node* spec = root.find("spec");
  if (reader.config.tls_default_options.is_map() || !spec || !spec->is_map()) {
    reader.diagnostics.warning("W0615", root.location(),
                               "TLSOption \"" + kube::name_of(root) +
                                   "\" is not carried over: edgegen writes one TLSOption, the Edge's "
                                   "traefik.tls",
                               "merge it into the other TLSOption, or keep it beside edgegen's output");
    return;
  }
  util::Value options = util::Value::map();
  for (size_t i = 0; i < spec->keys.size(); ++i) {
    const std::string& key = spec->keys[i];
    if (key == "minVersion" || key == "sniStrict" || key == "cipherSuites") {
      options[key] = to_value(spec->items[i]);
    } else {
      not_carried(*spec, i, "TLSOption " + kube::name_of(root) + ".spec", reader.diagnostics);
    }
  }
  reader.config.tls_default_options = options;
}

// What an object of another kind is, for W0618.
std::string not_carried_reason(const std::string& api, const std::string& kind)
{
  if (util::ends_with(api, ".fluxcd.io/v1") || api.find(".fluxcd.io/") != std::string::npos) {
    return kind == "HelmRelease" ? "a Flux HelmRelease: its chart's values are the release's, which edgegen does not "
                                   "write (Traefik's static settings are Edge.spec.traefik)"
                                 : "a Flux object: edgegen's flux target writes its own";
  }
  return "not Traefik or cert-manager configuration";
}

void read_object(const load::Node& root, Reader& reader)
{
  const std::string api = text_of(root.find("apiVersion"));
  const std::string kind = text_of(root.find("kind"));
  bool traefik = api == "traefik.io/v1alpha1" || api == "traefik.containo.us/v1alpha1";
  bool cert_manager = api == "cert-manager.io/v1";
  std::string name = kube::name_of(root);
  reader.config.kubernetes.namespaces[kube::namespace_of(root)] += traefik || cert_manager || kind == "Ingress";
  if (traefik && kind == "IngressRoute") {
    kube::read_ingress_route(root, reader);
  } else if (traefik && kind == "Middleware") {
    read_middleware_object(root, reader);
  } else if (traefik && kind == "ServersTransport") {
    read_servers_transport(root, reader);
  } else if (traefik && kind == "TLSOption") {
    read_tls_option(root, reader);
  } else if (kind == "Ingress" && util::starts_with(api, "networking.k8s.io/")) {
    kube::read_ingress(root, reader);
  } else if (cert_manager && (kind == "Issuer" || kind == "ClusterIssuer")) {
    kube::read_issuer(root, reader);
  } else if (cert_manager && kind == "Certificate") {
    kube::read_certificate(root, reader);
  } else if (kind == "Service" && api == "v1") {
    // Read first, for the routes' backends.
  } else if (kind == "EndpointSlice" && api == "discovery.k8s.io/v1" &&
             reader.services.count(text_of(find_path(root, {"metadata", "labels", "kubernetes.io/service-name"})))) {
    // The servers of its Service, read with it.
  } else {
    reader.diagnostics.warning("W0618", root.location(),
                               (kind.empty() ? std::string("a document") : kind) +
                                   (name.empty() ? "" : " \"" + name + "\"") +
                                   " is not carried over: " + not_carried_reason(api, kind),
                               "keep it where it is deployed beside edgegen's output");
  }
}

} // namespace

void read_kubernetes(const std::vector<const load::Node*>& roots, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  Reader reader{config, diagnostics, {}, {}, {}};
  config.kubernetes.any = true;
  std::vector<const load::Node*> objects;
  for (const load::Node* root : roots) {
    if (root->is_null()) {
      continue; // an empty document
    }
    bool object = root->is_map() && root->find("apiVersion") && root->find("kind");
    if (!object && root->is_map() && (root->find("services") || root->find("http") || root->find("entryPoints"))) {
      diagnostics.error("E0427", root->location(),
                        std::string("not a Kubernetes manifest: it has no apiVersion and kind, and its ") +
                            (root->find("services") ? "services are a compose file's"
                                                    : "http or entryPoints are Traefik's own configuration"),
                        root->find("services") ? "`edgegen import compose FILE...` reads compose files"
                                               : "`edgegen import traefik STATIC DYNAMIC...` reads Traefik's files");
      continue;
    }
    if (!object) {
      diagnostics.warning("W0618", root->location(),
                          "a document without apiVersion and kind is not carried over: it is no Kubernetes object",
                          "give whole manifests; a fragment (a Kustomization's spec, a ConfigMap's data) says "
                          "nothing edgegen writes");
      continue;
    }
    objects.push_back(root);
    if (text_of(root->find("kind")) == "Service" && text_of(root->find("apiVersion")) == "v1") {
      reader.services[kube::name_of(*root)] = root;
    }
    if (text_of(root->find("kind")) == "EndpointSlice" && text_of(root->find("apiVersion")) == "discovery.k8s.io/v1") {
      reader.endpoint_slices[text_of(find_path(*root, {"metadata", "labels", "kubernetes.io/service-name"}))].push_back(
          root);
    }
  }
  for (const load::Node* root : objects) {
    read_object(*root, reader);
  }
}

} // namespace edgegen::import
