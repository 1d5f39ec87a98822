// Docker provider labels: the routers and service of one container, built
// from the same router the file provider gets, spelt as Traefik's label
// reference spells them (lower-case options, lists joined with ',').
#include "emit/compose/compose.hpp"

#include "emit/traefik/traefik.hpp"
#include "util/strings.hpp"

namespace edgegen::emit::compose {

namespace {

using util::Value;

// Middlewares stay in the dynamic files (labels exist only without
// traefik-redis), so a router of the docker provider names them with the
// file provider's suffix; a name with '@' already has one.
std::string qualified(const std::string& name)
{
  if (name.find('@') != std::string::npos) {
    return name;
  }
  return name + "@file";
}

std::string joined(const Value& list, bool qualify = false)
{
  std::vector<std::string> parts;
  for (const auto& item : list.as_list()) {
    parts.push_back(qualify ? qualified(item.as_string()) : traefik::label_text(item));
  }
  return util::join(parts, ",");
}

void router_labels(const model::Config& config, const model::Route& route, Value& out)
{
  const std::string prefix = "traefik.http.routers." + route.output_name() + ".";
  Value router = traefik::router_config(config, route);
  const auto& fields = router.as_map();
  out[prefix + "rule"] = router["rule"];
  out[prefix + "entrypoints"] = joined(router["entryPoints"]);
  if (fields.count("middlewares")) {
    out[prefix + "middlewares"] = joined(router["middlewares"], true);
  }
  if (fields.count("priority")) {
    out[prefix + "priority"] = traefik::label_text(router["priority"]);
  }
  out[prefix + "service"] = router["service"];
  if (!fields.count("tls")) {
    return;
  }
  Value& tls = router["tls"];
  out[prefix + "tls"] = "true";
  if (tls.as_map().count("certResolver")) {
    out[prefix + "tls.certresolver"] = tls["certResolver"];
  }
  if (tls.as_map().count("domains")) {
    const auto& domains = tls["domains"].as_list();
    for (size_t i = 0; i < domains.size(); ++i) {
      const std::string domain = prefix + "tls.domains[" + std::to_string(i) + "].";
      out[domain + "main"] = domains[i].as_map().at("main");
      if (domains[i].as_map().count("sans")) {
        out[domain + "sans"] = joined(domains[i].as_map().at("sans"));
      }
    }
  }
}

// healthCheck options as written in the input (Traefik's names); header
// names under `headers` keep their spelling.
void health_check_labels(const std::string& prefix, const Value& check, Value& out)
{
  for (const auto& [key, value] : check.as_map()) {
    if (key == "headers" && value.is_map()) {
      for (const auto& [header, text] : value.as_map()) {
        out[prefix + "headers." + header] = traefik::label_text(text);
      }
    } else {
      out[prefix + util::to_lower(key)] = traefik::label_text(value);
    }
  }
}

} // namespace

util::Value labels(const model::Config& config, const model::Project& project, const model::Service& service)
{
  Value out = Value::map();
  out["traefik.enable"] = "true";
  for (const auto& route : project.routes) {
    if (route.service().resolved == service.output_name) {
      router_labels(config, route, out);
    }
  }
  const std::string prefix = "traefik.http.services." + service.output_name + ".loadbalancer.";
  out[prefix + "server.port"] = std::to_string(service.port);
  if (service.scheme != "http") {
    out[prefix + "server.scheme"] = service.scheme;
  }
  if (service.pass_host_header) {
    out[prefix + "passhostheader"] = *service.pass_host_header ? "true" : "false";
  }
  if (service.health_check.is_map()) {
    health_check_labels(prefix + "healthcheck.", service.health_check, out);
  }
  // Labels cannot define a serversTransport, only name one: the service's
  // is in its project's dynamic file.
  if (!traefik::servers_transport(service).is_null()) {
    out[prefix + "serverstransport"] = qualified(service.output_name);
  }
  return out;
}

} // namespace edgegen::emit::compose
