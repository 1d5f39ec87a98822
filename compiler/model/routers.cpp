// The routers one environment's Traefik holds, as the targets write them:
// each route's rule and priority, on its entry points, with or without TLS,
// and the dashboard's; the entry points with their redirections.
#include "model/routing.hpp"
#include "util/empty.hpp"
#include "util/parallel.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>

namespace edgegen::model {

namespace {

// A rule's length, for the default priority; a text of 4 GiB or more (which
// no input of at most 8 MiB a file can make but by substitution) counts as
// the longest.
uint32_t length_of(size_t size)
{
  return static_cast<uint32_t>(std::min<size_t>(size, UINT32_MAX));
}

// The index of `item` in `list`, or SIZE_MAX when it is not one of its items.
template <typename T> size_t index_in(const std::vector<T>& list, const T& item)
{
  auto at = reinterpret_cast<uintptr_t>(&item);
  auto first = reinterpret_cast<uintptr_t>(list.data());
  if (at < first || at >= first + list.size() * sizeof(T)) {
    return SIZE_MAX;
  }
  return (at - first) / sizeof(T);
}

} // namespace

RouteRules::RouteRules(const Config& config) : m_config(config)
{
  // Each route's place, and each raw rule's, in route order: the workers
  // parse into them.
  m_first.reserve(config.projects.size());
  uint32_t raw = 0;
  for (const auto& project : config.projects) {
    m_first.push_back(static_cast<uint32_t>(m_held.size()));
    for (const auto& route : project.routes) {
      m_held.push_back(route.raw() ? raw++ : k_not_held);
    }
  }
  m_held.shrink_to_fit();
  m_sizes.resize(m_held.size());
  m_flags.resize(m_held.size());
  m_rules.resize(raw);
  util::parallel_for(config.projects.size(), [&](size_t i) {
    const Project& project = config.projects[i];
    for (size_t j = 0; j < project.routes.size(); ++j) {
      const Route& route = project.routes[j];
      size_t at = m_first[i] + j;
      std::string built = route.raw() ? std::string() : rule_text(route);
      const std::string& text = route.raw() ? route.rule() : built;
      rules::Rule rule = rules::parse_rule(text);
      m_sizes[at] = text.size();
      m_flags[at] = static_cast<uint8_t>((rules::builds(rule) ? k_builds : 0) | (rule.ok() ? k_ok : 0));
      if (m_held[at] != k_not_held) {
        m_rules[m_held[at]] = std::move(rule);
      }
    }
  });
}

size_t RouteRules::index_of(const Project& project, const Route& route) const
{
  size_t p = index_in(m_config.projects, project);
  size_t r = p == SIZE_MAX ? SIZE_MAX : index_in(project.routes, route);
  if (r == SIZE_MAX) {
    throw std::logic_error("RouteRules: not a route of this environment's projects");
  }
  return m_first[p] + r;
}

const rules::Rule* RouteRules::held(const Project& project, const Route& route) const
{
  uint32_t at = m_held[index_of(project, route)];
  return at == k_not_held ? nullptr : &m_rules[at];
}

const rules::Rule& RouteRules::of(const Project& project, const Route& route, rules::Rule& scratch) const
{
  return held_or_parsed(held(project, route), route, scratch);
}

const rules::Rule& held_or_parsed(const rules::Rule* held, const Route& route, rules::Rule& scratch)
{
  if (held) {
    return *held;
  }
  scratch = parse_route_rule(route);
  return scratch;
}

rules::HostPath RouteRules::host_path(const Project& project, const Route& route) const
{
  size_t at = index_of(project, route);
  if (route.raw()) {
    return {};
  }
  rules::HostPath out = host_path_of(route);
  out.builds = (m_flags[at] & k_builds) != 0;
  out.ok = (m_flags[at] & k_ok) != 0;
  return out;
}

bool RouteRules::ok(const Project& project, const Route& route) const
{
  return (m_flags[index_of(project, route)] & k_ok) != 0;
}

std::string RouteRules::text_of(const Project& project, const Route& route) const
{
  index_of(project, route); // throws for a route of another environment
  return rule_text(route);
}

size_t RouteRules::size_of(const Project& project, const Route& route) const
{
  return m_sizes[index_of(project, route)];
}

void RoutingTable::add(rules::Router router, Source source, const std::string& rule_text)
{
  owned_rules.push_back(std::make_unique<OwnedRule>(OwnedRule{rule_text, rules::parse_rule(rule_text)}));
  router.rule = &owned_rules.back()->rule;
  router.rule_length = length_of(rule_text.size());
  router.owner = static_cast<uint32_t>(routes.size());
  routers.push_back(std::move(router));
  routes.push_back(std::move(source));
}

void RoutingTable::remove_after(size_t count)
{
  while (routers.size() > count) {
    routers.pop_back();
    routes.pop_back();
    owned_rules.pop_back(); // add() makes one for each router after the routes'
  }
}

RoutingTable routing_table(const Config& config, SharedRouteRules rules)
{
  RoutingTable out;
  out.route_rules = rules ? std::move(rules) : std::make_shared<const RouteRules>(config);
  // Sized once: at 10,000 projects an environment has ~40,000 routers, and
  // each check rule that routes builds its own table while another runs, so
  // the slack and the copies of a doubling vector would sit in the peak.
  size_t count = 2; // the dashboard, and Traefik's ACME router (acme_routers.cpp)
  for (const auto& project : config.projects) {
    count += project.routes.size();
  }
  out.routers.reserve(count);
  out.routes.reserve(count);
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
  // Most routes listen on the same entry points: their routers share one list.
  std::map<std::pair<bool, std::vector<std::string>>, util::SharedList<std::string>> lists;
  auto entry_points = [&](const util::CompactVector<Ref>& refs, bool tls) {
    std::pair<bool, std::vector<std::string>> key{tls, {}};
    for (const auto& ref : refs) {
      key.second.push_back(ref.name);
    }
    auto found = lists.find(key);
    if (found == lists.end()) {
      found = lists.emplace(std::move(key), entry_points_of(config, refs, tls)).first;
    }
    return found->second;
  };
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      rules::Router router;
      router.name = route.output_name();
      router.rule = out.route_rules->held(project, route);
      if (!router.rule) {
        router.host_path = out.route_rules->host_path(project, route);
      }
      router.rule_length = length_of(out.route_rules->size_of(project, route));
      router.priority = route.match.priority;
      router.entry_points = entry_points(route.entry_points(), route.tls());
      router.tls = route.tls();
      router.owner = static_cast<uint32_t>(out.routes.size());
      out.routers.push_back(std::move(router));
      RoutingTable::Source source;
      source.project = &project;
      source.route = &route;
      out.routes.push_back(std::move(source));
    }
  }
  const Dashboard& dashboard = config.edge.dashboard;
  if (dashboard.enabled) {
    rules::Router router;
    router.name = "dashboard";
    router.priority = specific_priority(dashboard.host, "", false);
    router.entry_points = entry_points_of(config, dashboard.entry_points, dashboard.tls);
    router.tls = dashboard.tls;
    out.add(std::move(router), RoutingTable::Source::of_kind(RoutingTable::Source::Kind::dashboard),
            traefik_host_rule(dashboard.host));
    out.dashboard = &dashboard;
  }
  return out;
}

std::string RoutingTable::service_of(const rules::Router& router) const
{
  const Source& source = routes[router.owner];
  switch (source.kind) {
  case Source::Kind::route:
    return source.route->service().resolved;
  case Source::Kind::dashboard:
    return "api@internal";
  case Source::Kind::acme_http:
    return "acme-http@internal";
  case Source::Kind::solver_ingress:
    return "cert-manager's HTTP-01 solver";
  }
  return {};
}

std::vector<std::string> RoutingTable::servers_of(const rules::Router& router) const
{
  const Source& source = routes[router.owner];
  if (source.kind == Source::Kind::route) {
    for (const auto& service : source.project->services) {
      if (service.name == source.route->service().name) {
        return service_urls(service);
      }
    }
  }
  return {};
}

std::vector<std::string> RoutingTable::middlewares_of(const rules::Router& router) const
{
  const Source& source = routes[router.owner];
  std::vector<std::string> out;
  const util::CompactVector<Ref>* refs = source.kind == Source::Kind::route       ? &source.route->middlewares()
                                         : source.kind == Source::Kind::dashboard ? &dashboard->middlewares
                                                                                  : nullptr;
  for (const auto& ref : refs ? *refs : util::empty<util::CompactVector<Ref>>()) {
    out.push_back(ref.resolved);
  }
  return out;
}

std::string RoutingTable::rule_text(const rules::Router& router) const
{
  if (const Route* route = routes[router.owner].route) {
    return route_rules->text_of(*routes[router.owner].project, *route);
  }
  for (const auto& owned : owned_rules) {
    if (&owned->rule == router.rule) {
      return owned->text;
    }
  }
  return {};
}

std::optional<Location> RoutingTable::location_of(const rules::Router& router) const
{
  const Source& source = routes[router.owner];
  return source.kind == Source::Kind::route ? std::optional<Location>(source.route->location()) : std::nullopt;
}

} // namespace edgegen::model
