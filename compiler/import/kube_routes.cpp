// Routes of Kubernetes manifests: Traefik's IngressRoutes (traefik.io and
// the older traefik.containo.us) and Ingress objects with Traefik's router
// annotations, as the routers Traefik makes of them.
#include "import/group.hpp"
#include "import/kubernetes.hpp"
#include "import/read_common.hpp"
#include "util/empty.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <set>

namespace edgegen::import::kube {

namespace {

const std::string k_router = "traefik.ingress.kubernetes.io/router.";

// A route's name: the object's, and "<object>-<n>" for its n-th route
// after the first (edgegen's IngressRoute of several routes is named by
// the first).
std::string route_name(const std::string& object, size_t index)
{
  return index == 0 ? object : object + "-" + std::to_string(index + 1);
}

void read_route_tls(const load::Node& tls, Router& router, Reader& reader, const std::string& object)
{
  router.tls = true;
  for (size_t i = 0; tls.is_map() && i < tls.keys.size(); ++i) {
    const std::string& key = tls.keys[i];
    const load::Node& value = tls.items[i];
    if (key == "certResolver") {
      router.cert_resolver = value.text;
    } else if (key == "secretName") {
      router.tls_secret = value.text;
    } else if (key == "options") {
      router.tls_options = text_of(value.find("name"));
    } else if (key == "domains") {
      router.tls_domains = to_value(value);
    } else {
      not_carried(tls, i, "IngressRoute " + object + ".spec.tls", reader.diagnostics);
    }
  }
}

// The longest common "-"-separated prefix of names ("team-api-1" and
// "team-api-2": "team-api"); the first name when they share none.
std::string common_name(const std::vector<std::string>& names)
{
  std::string common = shared_labels(names);
  return common.empty() ? names.front() : common;
}

// The settings of a route's service that edgegen keeps on its service:
// passHostHeader and the serversTransport (its ServersTransport object).
const char* const k_service_settings[] = {"passHostHeader", "serversTransport"};

std::string settings_text(const load::Node& item)
{
  std::string out;
  for (const char* key : k_service_settings) {
    out += text_of(item.find(key)) + "\n";
  }
  return out;
}

void apply_settings(const load::Node& item, Service& service)
{
  if (const load::Node* pass = item.find("passHostHeader")) {
    service.pass_host_header = pass->text == "true";
  }
  if (const load::Node* transport = item.find("serversTransport")) {
    service.servers_transport = transport->text;
  }
}

// Reports the keys of a route's service that edgegen does not keep.
void report_settings(const load::Node& item, const std::string& path, Reader& reader)
{
  for (size_t k = 0; k < item.keys.size(); ++k) {
    const std::string& key = item.keys[k];
    if (key != "name" && key != "port" && key != "scheme" && key != "kind" && key != "namespace" &&
        std::find(std::begin(k_service_settings), std::end(k_service_settings), key) == std::end(k_service_settings)) {
      not_carried(item, k, path, reader.diagnostics);
    }
  }
}

// A route to several Services that each have one server, all with Traefik's
// default weight, as edgegen writes a service of several servers: Traefik
// shares the requests out evenly, as one load balancer over those servers
// does. That load balancer's name; "" when it is not one (E0429, reported).
std::string pooled_service(const load::Node& services, const std::string& name, Reader& reader)
{
  std::vector<std::string> keys;
  std::vector<std::string> urls;
  std::set<std::string> created;
  for (size_t i = 0; i < services.items.size(); ++i) {
    const load::Node& item = services.items[i];
    const load::Node* weight = item.find("weight");
    std::string kind = text_of(item.find("kind"));
    if ((!kind.empty() && kind != "Service") || (weight && weight->text != "1") ||
        settings_text(item) != settings_text(services.items.front())) {
      reader.diagnostics.error("E0429", item.location(),
                               "route \"" + name + "\" sends to " + std::to_string(services.items.size()) +
                                   " services, weighted or set apart: edgegen's routes send to one service",
                               "split the traffic with routes of their own, or keep this IngressRoute beside "
                               "edgegen's output");
      return {};
    }
    report_settings(item, "route " + name + ".services[" + std::to_string(i) + "]", reader);
    std::string target = text_of(item.find("name"));
    bool known = reader.config.services.count(target) > 0;
    std::string key = backend_service(reader, target, item.find("port"), text_of(item.find("scheme")), item.location());
    if (key.empty()) {
      return {};
    }
    if (!known) {
      created.insert(key);
    }
    const Service& service = reader.config.services.at(key);
    if (service.urls.size() != 1) {
      reader.diagnostics.error("E0429", item.location(),
                               "route \"" + name + "\" sends to " + std::to_string(services.items.size()) +
                                   " services, and \"" + target + "\" has " + std::to_string(service.urls.size()) +
                                   " servers: Traefik shares requests out among the services, not their servers",
                               "give each service of the route one server, or keep this IngressRoute beside "
                               "edgegen's output");
      return {};
    }
    keys.push_back(key);
    urls.push_back(service.urls.front());
  }
  Service pooled = reader.config.services.at(keys.front());
  for (const auto& key : created) {
    reader.config.services.erase(key);
  }
  const std::string base = common_name(keys);
  std::string key = base;
  for (int n = 2; reader.config.services.count(key) && reader.config.services.at(key).urls != urls; ++n) {
    key = base + "-" + std::to_string(n);
  }
  pooled.name = key;
  pooled.urls = urls;
  apply_settings(services.items.front(), pooled);
  reader.config.services.emplace(key, std::move(pooled));
  return key;
}

// The one service of a route: a Service (with its port), several Services
// of one server each (pooled_service), or Traefik's api@internal; "" when
// it cannot be expressed (reported).
std::string route_service(const load::Node& route, const std::string& name, Reader& reader)
{
  const load::Node* services = route.find("services");
  if (services && services->is_list() && services->items.size() > 1) {
    return pooled_service(*services, name, reader);
  }
  if (!services || !services->is_list() || services->items.size() != 1) {
    reader.diagnostics.error("E0429", services ? services->location() : route.location(),
                             "route \"" + name + "\" sends to " +
                                 (services ? std::to_string(services->items.size()) : std::string("no")) +
                                 " services: edgegen's routes send to one service",
                             "split the traffic with routes of their own, or keep this IngressRoute beside "
                             "edgegen's output");
    return {};
  }
  const load::Node& service = services->items.front();
  std::string target = text_of(service.find("name"));
  if (text_of(service.find("kind")) == "TraefikService") {
    if (target == "api@internal") {
      return target;
    }
    reader.diagnostics.error("E0429", service.location(),
                             "route \"" + name + "\" sends to the TraefikService \"" + target +
                                 "\": edgegen's services are load balancers",
                             "keep this IngressRoute beside edgegen's output");
    return {};
  }
  report_settings(service, "route " + name + ".services[0]", reader);
  std::string key =
      backend_service(reader, target, service.find("port"), text_of(service.find("scheme")), service.location());
  if (!key.empty()) {
    apply_settings(service, reader.config.services.at(key));
  }
  return key;
}

} // namespace

void read_ingress_route(const load::Node& root, Reader& reader)
{
  reader.config.kubernetes.ingress_route = true;
  std::string object = name_of(root);
  std::string namespace_name = namespace_of(root);
  const load::Node* spec = root.find("spec");
  const load::Node* routes = spec ? spec->find("routes") : nullptr;
  size_t count = routes ? routes->items.size() : 0;
  for (size_t r = 0; r < count; ++r) {
    const load::Node& route = routes->items[r];
    Router router;
    router.name = route_name(object, r);
    router.location = route.location();
    const load::Node* match = route.find("match");
    router.rule = text_of(match);
    router.rule_location = match ? match->location() : route.location();
    if (const load::Node* priority = route.find("priority")) {
      router.priority = priority->kind == load::Node::Kind::integer ? priority->integer : 0;
    }
    for (const auto& item :
         spec->find("entryPoints") ? spec->find("entryPoints")->items : util::empty<load::Node::List>()) {
      router.entry_points.push_back(item.text);
    }
    if (const load::Node* middlewares = route.find("middlewares")) {
      for (const auto& item : middlewares->items) {
        router.middlewares.push_back(middleware_reference(text_of(item.find("name")), namespace_name));
      }
    }
    if (const load::Node* tls = spec->find("tls")) {
      read_route_tls(*tls, router, reader, object);
    }
    router.service = route_service(route, router.name, reader);
    if (router.rule.empty()) {
      reader.diagnostics.error("E0429", route.location(), "route \"" + router.name + "\" has no match",
                               "a route needs a match and a service");
      continue;
    }
    if (!router.service.empty()) {
      reader.config.routers[router.name] = std::move(router);
    }
  }
  for (size_t i = 0; spec && i < spec->keys.size(); ++i) {
    const std::string& key = spec->keys[i];
    if (key != "routes" && key != "entryPoints" && key != "tls") {
      not_carried(*spec, i, "IngressRoute " + object + ".spec", reader.diagnostics);
    }
  }
}

namespace {

// Traefik's router annotations of an Ingress (and cert-manager's issuer).
void read_annotations(const load::Node* annotations, Router& router, const std::string& namespace_name, Reader& reader)
{
  for (size_t i = 0; annotations && i < annotations->keys.size(); ++i) {
    const std::string& key = annotations->keys[i];
    const std::string value = text_of(&annotations->items[i]);
    if (key == k_router + "entrypoints") {
      router.entry_points = util::split(value, ',');
    } else if (key == k_router + "middlewares") {
      for (const auto& reference : util::split(value, ',')) {
        router.middlewares.push_back(middleware_reference(reference, namespace_name));
      }
    } else if (key == k_router + "priority") {
      router.priority = std::stoll("0" + value.substr(0, value.find_first_not_of("0123456789")));
    } else if (key == k_router + "tls") {
      router.tls = router.tls || value == "true";
    } else if (key == k_router + "tls.certresolver") {
      router.cert_resolver = value;
    } else if (key == k_router + "tls.options") {
      router.tls_options = middleware_reference(value, namespace_name);
    } else if (key == "cert-manager.io/cluster-issuer" || key == "cert-manager.io/issuer") {
      router.cert_resolver = value;
    } else if (util::starts_with(key, "traefik.ingress.kubernetes.io/") ||
               (util::starts_with(key, "cert-manager.io/") && key != "cert-manager.io/duration" &&
                key != "cert-manager.io/renew-before")) {
      not_carried(*annotations, i, "Ingress " + router.name + ".metadata.annotations", reader.diagnostics);
    }
  }
}

// Traefik's rule of one Ingress path.
std::string ingress_rule(const std::string& host, const load::Node* path)
{
  std::string rule = host.empty() ? "" : "Host(`" + host + "`)";
  std::string value = text_of(path ? path->find("path") : nullptr);
  if (value.empty() || (value == "/" && !host.empty() && text_of(path->find("pathType")) != "Exact")) {
    return rule.empty() ? "PathPrefix(`/`)" : rule;
  }
  std::string matcher = (text_of(path->find("pathType")) == "Exact" ? "Path(`" : "PathPrefix(`") + value + "`)";
  return rule.empty() ? matcher : rule + " && " + matcher;
}

} // namespace

void read_ingress(const load::Node& root, Reader& reader)
{
  reader.config.kubernetes.ingress = true;
  std::string object = name_of(root);
  std::string namespace_name = namespace_of(root);
  const load::Node* spec = root.find("spec");
  if (spec && spec->find("ingressClassName")) {
    reader.config.kubernetes.ingress_class = text_of(spec->find("ingressClassName"));
  }
  if (spec && spec->find("defaultBackend")) {
    reader.diagnostics.warning("W0615", spec->find("defaultBackend")->location(),
                               "Ingress " + object +
                                   ".spec.defaultBackend is not carried over: edgegen's routes "
                                   "match a host or path",
                               "give it a rule with a host");
  }
  // Every path of every rule, with its host.
  std::vector<std::pair<std::string, const load::Node*>> paths;
  const load::Node* rules = spec ? spec->find("rules") : nullptr;
  for (size_t i = 0; rules && i < rules->items.size(); ++i) {
    std::string host = text_of(rules->items[i].find("host"));
    const load::Node* list = find_path(rules->items[i], {"http", "paths"});
    for (size_t j = 0; list && j < list->items.size(); ++j) {
      paths.emplace_back(host, &list->items[j]);
    }
  }
  const load::Node* tls = spec ? spec->find("tls") : nullptr;
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto& [host, path] = paths[i];
    Router router;
    router.name = route_name(object, i);
    router.location = path->location();
    router.rule = ingress_rule(host, path);
    router.rule_location = path->find("path") ? path->find("path")->location() : path->location();
    read_annotations(annotations_of(root), router, namespace_name, reader);
    for (size_t t = 0; tls && t < tls->items.size(); ++t) {
      const load::Node* hosts = tls->items[t].find("hosts");
      for (size_t h = 0; hosts && h < hosts->items.size(); ++h) {
        if (hosts->items[h].text == host) {
          router.ingress_tls = true;
          router.tls_secret = text_of(tls->items[t].find("secretName"));
        }
      }
    }
    const load::Node* backend = find_path(*path, {"backend", "service"});
    if (!backend) {
      reader.diagnostics.error("E0429", path->location(),
                               "Ingress \"" + object +
                                   "\" sends a path to a resource backend: edgegen's routes send "
                                   "to services",
                               "send it to a Service");
      continue;
    }
    const load::Node* port = backend->find("port");
    const load::Node* number = port ? port->find("number") : nullptr;
    router.service = backend_service(reader, text_of(backend->find("name")),
                                     number ? number : (port ? port->find("name") : nullptr), "", backend->location());
    if (!router.service.empty()) {
      reader.config.routers[router.name] = std::move(router);
    }
  }
  shim_certificates(root, reader);
}

} // namespace edgegen::import::kube
