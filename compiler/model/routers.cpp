// The routers one environment's Traefik holds, as the targets write them:
// each route's rule and priority, on its entry points, with or without TLS,
// and the dashboard's; the entry points with their redirections.
#include "model/model.hpp"

#include <algorithm>
#include <memory>

namespace edgegen::model {

RoutingTable routing_table(const Config& config)
{
  RoutingTable out;
  for (const auto& entry_point : config.edge.entry_points) {
    auto port = [](const std::string& address) { return static_cast<int>(std::max(0L, address_port(address))); };
    rules::EntryPoint ep{entry_point.name, port(entry_point.address), entry_point.redirect_to.name, 0};
    for (const auto& other : config.edge.entry_points) {
      if (other.name == ep.redirect_to) {
        ep.redirect_port = port(other.address);
      }
    }
    out.entry_points.push_back(std::move(ep));
  }
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      rules::Router router;
      router.name = route.output_name;
      router.rule = &route.match.rule;
      router.rule_length = route.match.text.size();
      router.priority = route.match.priority;
      router.entry_points = entry_points_of(config, route.entry_points);
      router.tls = route.tls;
      router.owner = out.routes.size();
      out.routers.push_back(std::move(router));
      out.routes.push_back({&project, &route});
    }
  }
  const Dashboard& dashboard = config.edge.dashboard;
  if (dashboard.enabled) {
    std::string text = traefik_host_rule(dashboard.host);
    out.dashboard_rule = std::make_unique<rules::Rule>(rules::parse_rule(text));
    rules::Router router;
    router.name = "dashboard";
    router.rule = out.dashboard_rule.get();
    router.rule_length = text.size();
    router.priority = specific_priority(dashboard.host, "", false);
    router.entry_points = entry_points_of(config, dashboard.entry_points);
    router.tls = true;
    router.owner = out.routes.size();
    out.routers.push_back(std::move(router));
    out.routes.push_back({nullptr, nullptr});
    out.dashboard = &dashboard;
  }
  return out;
}

std::string RoutingTable::service_of(const rules::Router& router) const
{
  const Route* route = routes[router.owner].route;
  return route ? route->service.resolved : "api@internal";
}

std::vector<std::string> RoutingTable::servers_of(const rules::Router& router) const
{
  const Source& source = routes[router.owner];
  if (source.route) {
    for (const auto& service : source.project->services) {
      if (service.name == source.route->service.name) {
        return service_urls(service);
      }
    }
  }
  return {};
}

std::vector<std::string> RoutingTable::middlewares_of(const rules::Router& router) const
{
  const Route* route = routes[router.owner].route;
  std::vector<std::string> out;
  for (const auto& ref : route ? route->middlewares : dashboard->middlewares) {
    out.push_back(ref.resolved);
  }
  return out;
}

std::optional<Location> RoutingTable::location_of(const rules::Router& router) const
{
  const Route* route = routes[router.owner].route;
  return route ? std::optional<Location>(route->location) : std::nullopt;
}

} // namespace edgegen::model
