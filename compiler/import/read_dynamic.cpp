// A dynamic configuration (the file provider's files, or compose labels
// turned into the same tree): HTTP routers, services, middlewares, TLS.
#include "import/read_common.hpp"
#include "import/traefik_config.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <set>

namespace edgegen::import {

namespace {

void read_tls(const load::Node& node, Router& router, diag::Diagnostics& diagnostics)
{
  router.tls =
      !(node.kind == load::Node::Kind::boolean && !node.boolean) && !(node.is_string() && node.text == "false");
  if (!node.is_map()) {
    return;
  }
  for (size_t i = 0; i < node.keys.size(); ++i) {
    const std::string& key = node.keys[i];
    if (key == "certResolver" || key == "certresolver") {
      router.cert_resolver = node.items[i].text;
    } else if (key == "options") {
      router.tls_options = node.items[i].text;
    } else if (key == "domains") {
      // A list, or (from labels, tls.domains[N]) a map by N.
      router.tls_domains = util::Value::list();
      for (const auto& domain : node.items[i].items) {
        router.tls_domains.push_back(to_value(domain));
      }
    } else {
      not_carried(node, i, "routers." + router.name + ".tls", diagnostics);
    }
  }
}

void read_router(const std::string& name, const diag::Location& at, const load::Node& node, TraefikConfig& config,
                 diag::Diagnostics& diagnostics)
{
  Router router;
  router.name = name;
  router.location = at;
  for (size_t i = 0; i < node.keys.size(); ++i) {
    const std::string key = util::to_lower(node.keys[i]);
    const load::Node& value = node.items[i];
    if (key == "rule") {
      router.rule = value.text;
      router.rule_location = value.location();
    } else if (key == "service") {
      router.service = value.text;
    } else if (key == "priority") {
      router.priority = value.kind == load::Node::Kind::integer ? value.integer : std::stoll("0" + value.text);
    } else if (key == "entrypoints") {
      for (const auto& item : value.items) {
        router.entry_points.push_back(item.text);
      }
      if (value.is_string()) {
        router.entry_points = util::split(value.text, ',');
      }
    } else if (key == "middlewares") {
      for (const auto& item : value.items) {
        router.middlewares.push_back(item.text);
      }
      if (value.is_string()) {
        router.middlewares = util::split(value.text, ',');
      }
    } else if (key == "tls") {
      read_tls(value, router, diagnostics);
    } else if (key == "rulesyntax" && value.text == "v3") {
      // v3 is what edgegen writes anyway.
    } else if (key == "rulesyntax") {
      diagnostics.error("E0429", value.location(),
                        "router \"" + name + "\" uses the " + value.text +
                            " rule syntax: edgegen writes Traefik v3 rules",
                        "rewrite the rule in the v3 syntax (`edgegen validate` gives the v3 spelling of each v2 form)");
    } else {
      not_carried(node, i, "routers." + name, diagnostics);
    }
  }
  if (router.rule.empty() || router.service.empty()) {
    diagnostics.error("E0429", at, "router \"" + name + "\" has no " + (router.rule.empty() ? "rule" : "service"),
                      "a router needs a rule and a service");
    return;
  }
  config.routers[name] = std::move(router);
}

void read_service(const std::string& name, const diag::Location& at, const load::Node& node, TraefikConfig& config,
                  diag::Diagnostics& diagnostics)
{
  const load::Node* balancer = node.find("loadBalancer");
  if (!balancer) {
    std::string kind = node.keys.empty() ? "no loadBalancer" : "a " + node.keys.front() + " service";
    config.refused_services.insert(name);
    diagnostics.error("E0429", at, "service \"" + name + "\" is " + kind + ": edgegen's services are load balancers",
                      "split the traffic with routes of their own, or keep this service in a file edgegen does not "
                      "write");
    return;
  }
  Service service;
  service.name = name;
  service.location = at;
  for (size_t i = 0; i < balancer->keys.size(); ++i) {
    const std::string& key = balancer->keys[i];
    const load::Node& value = balancer->items[i];
    if (key == "servers") {
      for (const auto& server : value.items) {
        service.urls.push_back(text_of(server.find("url")));
      }
    } else if (key == "healthCheck") {
      service.health_check = to_value(value);
    } else if (key == "passHostHeader") {
      service.pass_host_header = value.boolean;
    } else if (key == "serversTransport") {
      service.servers_transport = value.text;
    } else {
      not_carried(*balancer, i, "services." + name + ".loadBalancer", diagnostics);
    }
  }
  config.services[name] = std::move(service);
}

using Reader = void (*)(const std::string&, const diag::Location&, const load::Node&, TraefikConfig&,
                        diag::Diagnostics&);

void read_section(const load::Node& http, const char* key, Reader reader, TraefikConfig& config,
                  diag::Diagnostics& diagnostics)
{
  const load::Node* section = http.find(key);
  for (size_t i = 0; section && i < section->keys.size(); ++i) {
    reader(section->keys[i], section->key_location(i), section->items[i], config, diagnostics);
  }
}

void read_tls_section(const load::Node& tls, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  for (size_t i = 0; i < tls.keys.size(); ++i) {
    const load::Node& value = tls.items[i];
    if (tls.keys[i] == "certificates") {
      for (const auto& item : value.items) {
        config.certificates.push_back({item.location(), text_of(item.find("certFile")), text_of(item.find("keyFile"))});
      }
    } else if (tls.keys[i] == "options") {
      for (size_t j = 0; j < value.keys.size(); ++j) {
        if (value.keys[j] == "default") {
          config.tls_default_options = to_value(value.items[j]);
        } else {
          not_carried(value, j, "tls.options", diagnostics);
        }
      }
    } else if (tls.keys[i] == "stores") {
      const load::Node* store = value.find("default");
      if (value.keys.size() != 1 || !store || !(store->is_null() || store->keys.empty())) {
        not_carried(tls, i, "tls", diagnostics);
      }
    } else {
      not_carried(tls, i, "tls", diagnostics);
    }
  }
}

} // namespace

void read_middleware(const std::string& name, const diag::Location& at, const load::Node& node, TraefikConfig& config,
                     diag::Diagnostics& diagnostics)
{
  if (!node.is_map() || node.keys.size() != 1) {
    diagnostics.error("E0428", at, "middleware \"" + name + "\" must hold exactly one middleware type");
    return;
  }
  const std::vector<std::string>& types = middleware_types();
  if (!std::binary_search(types.begin(), types.end(), node.keys.front())) {
    std::string guess = util::closest_match(node.keys.front(), types);
    diagnostics.error(
        "E0428", node.key_location(0), "middleware \"" + name + "\" has the unknown type \"" + node.keys.front() + "\"",
        guess.empty() ? "Traefik v3's HTTP middlewares: " + util::join(types, ", ") : "did you mean " + guess + "?");
    return;
  }
  Middleware middleware;
  middleware.name = name;
  middleware.location = at;
  middleware.type = node.keys.front();
  middleware.options = to_value(node.items.front());
  middleware.node = &node.items.front();
  config.middlewares[name] = std::move(middleware);
}

const std::vector<std::string>& middleware_types()
{
  static const std::vector<std::string> types = {
      "addPrefix",        "basicAuth",   "buffering",     "chain",           "circuitBreaker",
      "compress",         "contentType", "digestAuth",    "errors",          "forwardAuth",
      "grpcWeb",          "headers",     "inFlightReq",   "ipAllowList",     "passTLSClientCert",
      "plugin",           "rateLimit",   "redirectRegex", "redirectScheme",  "replacePath",
      "replacePathRegex", "retry",       "stripPrefix",   "stripPrefixRegex"};
  return types;
}

// A service's tls in edgegen: one CA file, the server name and
// insecureSkipVerify; anything else of a serversTransport is W0615.
void read_transports(const load::Node& node, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  for (size_t i = 0; i < node.keys.size(); ++i) {
    const load::Node& transport = node.items[i];
    util::Value kept = util::Value::map();
    for (size_t j = 0; transport.is_map() && j < transport.keys.size(); ++j) {
      const std::string& key = transport.keys[j];
      const load::Node& value = transport.items[j];
      if (key == "serverName" || key == "insecureSkipVerify" ||
          (key == "rootCAs" && value.is_list() && value.items.size() == 1)) {
        kept[key] = to_value(value);
      } else {
        not_carried(transport, j, "serversTransports." + node.keys[i], diagnostics);
      }
    }
    config.servers_transports[node.keys[i]] = kept;
    config.transport_locations[node.keys[i]] = node.key_location(i);
  }
}

void read_dynamic(const load::Node& root, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  if (root.is_null()) {
    return; // an empty file: Traefik loads nothing from it
  }
  if (!root.is_map() || root.find("entryPoints") || root.find("providers") || root.find("certificatesResolvers") ||
      !(root.find("http") || root.find("tls") || root.find("tcp") || root.find("udp"))) {
    diagnostics.error("E0427", root.location(),
                      "not a Traefik dynamic configuration: it has none of http, tcp, udp and tls" +
                          std::string(root.is_map() && (root.find("entryPoints") || root.find("providers"))
                                          ? ", and entryPoints or providers, which the static file holds"
                                          : ""),
                      "give the static file (traefik.yml) first, then the dynamic files or directory");
    return;
  }
  for (size_t i = 0; i < root.keys.size(); ++i) {
    const load::Node& value = root.items[i];
    if (root.keys[i] == "http") {
      read_section(value, "routers", read_router, config, diagnostics);
      read_section(value, "services", read_service, config, diagnostics);
      read_section(value, "middlewares", read_middleware, config, diagnostics);
      for (size_t j = 0; j < value.keys.size(); ++j) {
        const std::string& key = value.keys[j];
        if (key == "serversTransports" && value.items[j].is_map()) {
          read_transports(value.items[j], config, diagnostics);
        } else if (key != "routers" && key != "services" && key != "middlewares") {
          not_carried(value, j, "http", diagnostics);
        }
      }
    } else if (root.keys[i] == "tls") {
      read_tls_section(value, config, diagnostics);
    } else {
      diagnostics.error("E0429", root.key_location(i),
                        root.keys[i] + " routers and services cannot be expressed: edgegen writes HTTP routing only",
                        "keep them in a dynamic file of their own beside edgegen's");
    }
  }
}

} // namespace edgegen::import
