// Dynamic configuration for the file provider: one file per project, plus
// the shared middlewares and the dashboard router.
#include "emit/traefik/traefik.hpp"

namespace edgegen::emit::traefik {

namespace {

using util::Value;

Value names(const util::CompactVector<model::Ref>& refs)
{
  Value out = Value::list();
  for (const auto& ref : refs) {
    out.push_back(ref.resolved.empty() ? ref.name : ref.resolved);
  }
  return out;
}

Value entry_points(const model::Config& config, const util::CompactVector<model::Ref>& refs, bool tls)
{
  if (!refs.empty()) {
    return names(refs);
  }
  Value out = Value::list();
  for (const auto& name : default_entry_points(config, tls)) {
    out.push_back(name);
  }
  return out;
}

} // namespace

util::Value router_config(const model::Config& config, const model::Route& route)
{
  Value out;
  out["entryPoints"] = entry_points(config, route.entry_points(), route.tls());
  if (!route.middlewares().empty()) {
    out["middlewares"] = names(route.middlewares());
  }
  out["rule"] = route_rule(route);
  out["service"] = route.service().resolved;
  if (route.match.priority) {
    out["priority"] = *route.match.priority;
  }
  if (route.tls()) {
    out["tls"] = certificates_from_worker(config)
                     ? Value::map()
                     : router_tls(config, route.match.scope.hosts, route.issuer(), route.raw());
  }
  return out;
}

util::Value service_config(const model::Service& service)
{
  Value servers = Value::list();
  for (const auto& url : model::service_urls(service)) {
    servers.push_back(Value::Map{{"url", url}});
  }
  Value balancer;
  balancer["servers"] = std::move(servers);
  if (service.pass_host_header) {
    balancer["passHostHeader"] = *service.pass_host_header;
  }
  if (!service.health_check.is_null()) {
    balancer["healthCheck"] = service.health_check;
  }
  if (!servers_transport(service).is_null()) {
    balancer["serversTransport"] = service.output_name;
  }
  Value out;
  out["loadBalancer"] = std::move(balancer);
  return out;
}

util::Value project_config(const model::Config& config, const model::Project& project)
{
  Value http = Value::map();
  for (const auto& route : project.routes) {
    const model::Service* target = find_service(project, route.service());
    if (!target || !in_labels(config, *target)) {
      http["routers"][route.output_name()] = router_config(config, route);
    }
  }
  for (const auto& s : project.services) {
    if (!in_labels(config, s)) {
      http["services"][s.output_name] = service_config(s);
    }
  }
  for (const auto& middleware : project.middlewares) {
    http["middlewares"][middleware.output_name] = middleware.config;
  }
  add_servers_transports(project, http);
  Value out;
  out["http"] = std::move(http);
  return out;
}

util::Value shared_config(const model::Config& config)
{
  Value http;
  for (const auto& middleware : config.middlewares) {
    http["middlewares"][middleware.output_name] = middleware.config;
  }
  const auto& dashboard = config.edge.dashboard;
  if (dashboard.enabled) {
    Value r;
    r["entryPoints"] = entry_points(config, dashboard.entry_points, dashboard.tls);
    if (!dashboard.middlewares.empty()) {
      r["middlewares"] = names(dashboard.middlewares);
    }
    r["priority"] = model::specific_priority(dashboard.host, "", false);
    r["rule"] = host_rule(dashboard.host);
    r["service"] = "api@internal";
    if (dashboard.tls) {
      r["tls"] = certificates_from_worker(config) ? Value::map()
                                                  : router_tls(config, {dashboard.host}, dashboard.issuer, false);
    }
    http["routers"]["dashboard"] = std::move(r);
  }
  if (http.is_null()) {
    return {};
  }
  Value out;
  out["http"] = std::move(http);
  return out;
}

} // namespace edgegen::emit::traefik
