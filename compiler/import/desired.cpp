// The desired-state tree of an imported configuration: the Edge, an Issuer
// per certificate resolver, shared Middlewares and a Project per group.
#include "import/desired.hpp"

#include "model/model.hpp"
#include "rules/rule.hpp"
#include "serialise/serialise.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::import {

namespace {

const char* const k_production = "https://acme-v02.api.letsencrypt.org/directory";
const char* const k_staging = "https://acme-staging-v02.api.letsencrypt.org/directory";

util::Value document(const char* kind, const std::string& name, util::Value spec)
{
  util::Value doc = util::Value::map();
  doc["apiVersion"] = "edgegen.dev/v1alpha1";
  doc["kind"] = kind;
  doc["metadata"]["name"] = name;
  doc["spec"] = std::move(spec);
  return doc;
}

// `${` would be read as a variable: written as the literal `$${`.
util::Value literal(const std::string& text)
{
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    out += text.compare(i, 2, "${") == 0 ? "$" : "";
    out += text[i];
  }
  return util::Value(out);
}

util::Value literal_tree(const util::Value& value)
{
  if (value.is_string()) {
    return literal(value.as_string());
  }
  util::Value out = value;
  if (value.is_list()) {
    for (auto& item : out.as_list()) {
      item = literal_tree(item);
    }
  } else if (value.is_map()) {
    for (auto& [key, item] : out.as_map()) {
      item = literal_tree(item);
    }
  }
  return out;
}

// The router's rule as `host` and `path`/`pathPrefix` when it is exactly
// Host(`x`) [&& PathPrefix(`/p`) | Path(`/p`)] with a host edgegen accepts
// there (RFC 1123, lower case); else nothing.
bool structured(const std::string& text, util::Value& route, std::string& host, std::string& path, bool& exact)
{
  rules::Rule rule = rules::parse_rule(text);
  if (!rule.ok() || !rule.conjunction || rule.matchers.empty() || rule.matchers.size() > 2) {
    return false;
  }
  const rules::Matcher& first = rule.matchers[0];
  if (first.negated || first.arguments.size() != 1 ||
      (first.written(text) != "Host" && first.written(text) != "HostRegexp")) {
    return false;
  }
  std::string name = first.arguments[0].value;
  bool wildcard = first.written(text) == "HostRegexp";
  if (wildcard) {
    // edgegen's wildcard host *.example.com: ^[a-z0-9-]+\.example\.com$
    const std::string head = "^[a-z0-9-]+\\.";
    if (!util::starts_with(name, head) || !util::ends_with(name, "$")) {
      return false;
    }
    std::string escaped = name.substr(head.size(), name.size() - head.size() - 1);
    name.clear();
    for (size_t i = 0; i < escaped.size(); ++i) {
      if (escaped[i] == '\\' && i + 1 < escaped.size() && escaped[i + 1] == '.') {
        name += '.';
        ++i;
      } else if (escaped[i] == '.') {
        return false; // a regex's any character
      } else {
        name += escaped[i];
      }
    }
  }
  bool valid = !name.empty() && name.size() <= 253 && name.front() != '.' && name.back() != '.' &&
               !rules::is_ip_address(name) && name.find("..") == std::string::npos;
  for (size_t i = 0; i < name.size() && valid; ++i) {
    char c = name[i];
    // No '*': Traefik v3's Host() takes it literally, where edgegen's
    // wildcard host is a HostRegexp.
    valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || (c == '-' && i > 0);
  }
  if (!valid) {
    return false;
  }
  host = wildcard ? "*." + name : name;
  route["host"] = host;
  path.clear();
  exact = false;
  if (rule.matchers.size() == 2) {
    const rules::Matcher& second = rule.matchers[1];
    if ((second.written(text) != "PathPrefix" && second.written(text) != "Path") || second.negated ||
        second.arguments.size() != 1 || second.arguments[0].value.size() < 2 || second.arguments[0].value[0] != '/') {
      route.as_map().erase("host");
      return false;
    }
    path = second.arguments[0].value;
    exact = second.written(text) == "Path";
    route[exact ? "path" : "pathPrefix"] = literal(path);
  }
  return true;
}

// The router to api@internal: Edge.spec.dashboard, on its host.
util::Value dashboard_spec(const Router& router, const TraefikConfig& config, const Plan& plan, const Naming& naming)
{
  util::Value spec = util::Value::map();
  std::string host, path;
  bool exact = false;
  structured(router.rule, spec, host, path, exact);
  for (const auto& reference : router.middlewares) {
    auto known = plan.middleware_names.find(local_name(reference, naming.provider));
    spec["middlewares"].push_back(known != plan.middleware_names.end() ? known->second : reference);
  }
  route_tls(router, config, naming, spec);
  if (config.api_insecure) {
    spec["insecure"] = true;
  }
  return spec;
}

} // namespace

std::vector<source::SourceFile> desired_tree(const TraefikConfig& config, const Plan& plan, const Naming& naming,
                                             Listing& listing)
{
  std::vector<source::SourceFile> files;
  util::Value edge = edge_spec(config, naming);
  if (!plan.dashboard_routers.empty()) {
    edge["dashboard"] = dashboard_spec(config.routers.at(plan.dashboard_routers.front()), config, plan, naming);
  }
  files.push_back({"edge.yaml", serialise::to_yaml({document("Edge", "edge", edge)})});

  std::vector<util::Value> issuers;
  for (const auto& [name, spec] : issuer_specs(config, naming)) {
    issuers.push_back(document("Issuer", name, spec));
  }
  if (!issuers.empty()) {
    files.push_back({"issuers.yaml", serialise::to_yaml(issuers)});
  }

  auto middleware_spec = [&](const Middleware& middleware) {
    util::Value spec = util::Value::map();
    spec[middleware.type] = literal_tree(middleware.options);
    if (middleware.type == "chain") {
      util::Value members = util::Value::list();
      for (const auto& member : middleware.options.as_map().at("middlewares").as_list()) {
        auto it = plan.middleware_names.find(local_name(member.as_string(), naming.provider));
        members.push_back(it == plan.middleware_names.end() ? member : util::Value(it->second));
      }
      spec[middleware.type]["middlewares"] = members;
    }
    return spec;
  };
  std::vector<util::Value> shared;
  for (const auto& [input, name] : plan.shared) {
    shared.push_back(document("Middleware", name, middleware_spec(config.middlewares.at(input))));
  }
  if (!shared.empty()) {
    files.push_back({"middlewares.yaml", serialise::to_yaml(shared)});
  }

  for (const auto& project : plan.projects) {
    util::Value spec = util::Value::map();
    for (const auto& [input, key] : project.services) {
      const Service& service = config.services.at(input);
      auto transport = config.servers_transports.find(service.transport());
      spec["services"][key] =
          service_spec(service, transport == config.servers_transports.end() ? util::Value() : transport->second,
                       project.name + "-" + key, naming);
    }
    for (const auto& [input, key] : project.middlewares) {
      spec["middlewares"][key] = middleware_spec(config.middlewares.at(input));
    }
    std::vector<std::pair<std::string, util::Value>> routes; // sorted by route name
    for (const auto& [input, key] : project.routes) {
      const Router& router = config.routers.at(input);
      util::Value route = util::Value::map();
      route["name"] = key;
      std::string host, path;
      bool exact = false;
      int64_t effective = router.priority.value_or(0) > 0 ? *router.priority : static_cast<int64_t>(router.rule.size());
      if (structured(router.rule, route, host, path, exact)) {
        if (model::specific_priority(host, path, exact) != effective) {
          route["priority"] = effective;
        }
        ++listing.structured;
      } else {
        route["rule"] = literal(router.rule);
        if (router.priority.value_or(0) > 0) {
          route["priority"] = *router.priority;
        }
        listing.raw.push_back(router.rule_location.file.str() + ":" + std::to_string(router.rule_location.line) +
                              ": router " + router.name + ": " + router.rule);
      }
      route["service"] = project.services.at(local_name(router.service, naming.provider));
      for (const auto& reference : router.middlewares) {
        std::string local = local_name(reference, naming.provider);
        auto own = project.middlewares.find(local);
        auto known = plan.middleware_names.find(local);
        route["middlewares"].push_back(own != project.middlewares.end()       ? own->second
                                       : known != plan.middleware_names.end() ? known->second
                                                                              : reference);
      }
      route_tls(router, config, naming, route);
      routes.emplace_back(key, std::move(route));
    }
    std::sort(routes.begin(), routes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [key, route] : routes) {
      spec["routes"].push_back(std::move(route));
    }
    files.push_back(
        {"projects/" + project.name + ".yaml", serialise::to_yaml({document("Project", project.name, spec)})});
  }
  return files;
}

std::string acme_server(const std::string& ca_server)
{
  return ca_server == k_production ? "production" : ca_server == k_staging ? "staging" : ca_server;
}

} // namespace edgegen::import
