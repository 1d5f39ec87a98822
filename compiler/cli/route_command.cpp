// `edgegen route`: Traefik's answer to one request, from the model alone,
// with what decided it (the entry point, the router and its priority, the
// routers it outranked) and where it leads (middlewares, service, servers).
#include "cli/route_command.hpp"

#include "cli/commands.hpp"
#include "model/routing.hpp"
#include "rules/routing.hpp"
#include "serialise/serialise.hpp"
#include "util/errors.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::cli {

const model::Config& environment_of(const Compilation& c, const std::string& name)
{
  std::vector<std::string> known;
  for (const auto& config : c.model.environments) {
    if (config.environment.name == name || (name.empty() && c.model.environments.size() == 1)) {
      return config;
    }
    known.push_back(config.environment.name);
  }
  throw util::EnvironmentError((name.empty() ? std::string("several environments: name one with --env")
                                             : "unknown environment \"" + name + "\"") +
                               " (environments: " + util::join(known, ", ") + ")");
}

namespace {

using util::Value;

struct Answer
{
  rules::Outcome outcome;
  const model::RoutingTable* table = nullptr;

  const model::Route* route(const rules::Router& router) const { return table->routes[router.owner].route; }
  std::string location(const rules::Router& router) const
  {
    auto where = table->location_of(router);
    return where ? diag::format_location(*where) : std::string();
  }
};

Value router_value(const Answer& answer, const rules::Router& router)
{
  Value out;
  out["router"] = std::string(router.name);
  out["priority"] = router.effective_priority();
  out["location"] = answer.location(router);
  return out;
}

Value json_of(const Answer& answer)
{
  const rules::Outcome& o = answer.outcome;
  Value out;
  out["status"] = static_cast<int64_t>(o.status);
  out["entryPoint"] = o.entry_point ? Value(o.entry_point->name) : Value();
  out["router"] = o.winner ? Value(std::string(o.winner->name)) : Value();
  if (o.kind == rules::Outcome::Kind::redirected) {
    out["redirect"] = o.location;
  }
  if (o.winner) {
    out["priority"] = o.winner->effective_priority();
    out["location"] = answer.location(*o.winner);
    out["tie"] = o.tie;
    out["middlewares"] = Value::list();
    for (const auto& name : answer.table->middlewares_of(*o.winner)) {
      out["middlewares"].push_back(name);
    }
    out["service"] = answer.table->service_of(*o.winner);
    out["servers"] = Value::list();
    for (const auto& server : answer.table->servers_of(*o.winner)) {
      out["servers"].push_back(server);
    }
    if (const auto* route = answer.route(*o.winner)) {
      out["rule"] = model::rule_text(*route);
    }
  }
  out["matched"] = Value::list();
  for (size_t i = 1; i < o.matched.size(); ++i) {
    out["matched"].push_back(router_value(answer, *o.matched[i]));
  }
  return out;
}

void print_text(const Answer& answer, const RouteRequest& request, std::ostream& out)
{
  const rules::Outcome& o = answer.outcome;
  out << request.method << " " << request.url;
  if (o.entry_point) {
    out << " on entry point " << o.entry_point->name;
  }
  out << "\n";
  switch (o.kind) {
  case rules::Outcome::Kind::no_entry_point:
    out << "no entry point listens there (name one with --entry-point): 404\n";
    return;
  case rules::Outcome::Kind::not_found:
    out << "no router matches: 404\n";
    return;
  case rules::Outcome::Kind::redirected:
    out << "redirected by entry point " << o.entry_point->name << " to " << o.entry_point->redirect_to << ": "
        << o.status << " " << o.location << "\n";
    return;
  case rules::Outcome::Kind::routed:
    break;
  }
  const model::RoutingTable& table = *answer.table;
  const model::Route* route = answer.route(*o.winner);
  out << "router       " << o.winner->name << " (priority " << o.winner->effective_priority() << ")";
  if (route) {
    out << " at " << answer.location(*o.winner);
  }
  out << "\n";
  if (route) {
    out << "rule         " << model::rule_text(*route) << "\n";
  }
  if (auto middlewares = table.middlewares_of(*o.winner); !middlewares.empty()) {
    out << "middlewares  " << util::join(middlewares, ", ") << "\n";
  }
  out << "service      " << table.service_of(*o.winner);
  if (auto servers = table.servers_of(*o.winner); !servers.empty()) {
    out << ": " << util::join(servers, ", ");
  } else if (!route) {
    out << (answer.table->routes[o.winner->owner].kind == model::RoutingTable::Source::Kind::dashboard
                ? " (the dashboard)"
                : " (Traefik's ACME HTTP-01 solver)");
  }
  out << "\n";
  if (o.tie) {
    out << "note: another router has the same priority; Traefik's choice between them is undefined\n";
  }
  for (size_t i = 1; i < o.matched.size(); ++i) {
    const rules::Router& loser = *o.matched[i];
    out << "also matched " << loser.name << " (priority " << loser.effective_priority() << ")";
    std::string where = answer.location(loser);
    out << (where.empty() ? "" : " at " + where) << ", outranked\n";
  }
}

} // namespace

int route_command(const Compilation& c, const RouteRequest& request, Format format, std::ostream& out)
{
  const model::Config& config = environment_of(c, request.environment);
  rules::Request parsed;
  if (auto error = rules::make_request(request.url, request.method, request.headers, request.client_ip, parsed)) {
    throw util::EnvironmentError(*error);
  }
  model::RoutingTable table = model::traefik_routing_table(config);
  Answer answer{rules::route_request(table.routers, table.entry_points, parsed, request.entry_point), &table};
  if (format == Format::json) {
    out << serialise::to_json(json_of(answer));
  } else {
    print_text(answer, request, out);
  }
  return k_exit_ok;
}

} // namespace edgegen::cli
