// RouteTest cases: each request is routed through the environment's
// routers as Traefik v3 would route it (rules::route_request over
// model::routing_table), and every expectation is compared with the answer.
// A failure is reported where the expectation is written, with what
// happened instead and which router decided it.
#include "check/check.hpp"

#include "model/routing.hpp"
#include "rules/routing.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace edgegen::check {

namespace {

using Case = model::RouteTestCase;

std::string quoted(const std::string& s)
{
  return "\"" + s + "\"";
}

// `route test "shop" case "api v2" (environment "prod")`
std::string title(const model::Config& config, const Case& c)
{
  std::string out =
      "route test " + quoted(c.test) + " case " + (c.name.empty() ? std::to_string(c.index + 1) : quoted(c.name));
  if (!config.environment.implicit) {
    out += " (environment " + quoted(config.environment.name) + ")";
  }
  return out;
}

std::string list_text(const std::vector<std::string>& names)
{
  return "[" + util::join(names, ", ") + "]";
}

// The names a route test may expect, by what they name.
struct Names
{
  std::string environment;
  std::vector<std::string> routes, services, middlewares;
  // What exists in other environments only: (what, name) -> those environments.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> elsewhere;
};

Names names_of(const model::Config& config, const model::RoutingTable& table)
{
  Names out;
  out.environment = config.environment.name;
  for (const auto& router : table.routers) {
    out.routes.emplace_back(router.name);
  }
  std::set<std::string> middlewares;
  for (const auto& middleware : config.middlewares) {
    middlewares.insert(middleware.output_name);
  }
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      out.services.push_back(service.output_name);
    }
    for (const auto& middleware : project.middlewares) {
      middlewares.insert(middleware.output_name);
    }
  }
  if (table.dashboard) {
    out.services.push_back("api@internal");
  }
  out.middlewares.assign(middlewares.begin(), middlewares.end());
  return out;
}

// The name meant, when `name` is a typo of one of `names` or the same name
// with or without its "<project>-".
std::string suggestion(const std::string& name, const std::vector<std::string>& names)
{
  std::string close = util::closest_match(name, names);
  for (const auto& candidate : names) {
    bool prefixed = util::ends_with(candidate, "-" + name) || util::ends_with(name, "-" + candidate);
    close = close.empty() && prefixed ? candidate : close;
  }
  return close;
}

// A client address as a test means it: an IP, or IP:port ([v6]:port).
bool is_client_address(const std::string& text)
{
  std::string ip = text;
  if (!ip.empty() && ip.front() == '[' && ip.find(']') != std::string::npos) {
    ip = ip.substr(1, ip.find(']') - 1);
  } else if (std::count(ip.begin(), ip.end(), ':') == 1) {
    ip = ip.substr(0, ip.find(':'));
  }
  return rules::is_ip_address(ip);
}

// False (and reported) if `name` is none of `known`.
bool known(const Case::Expected& name, const Names& names, const std::vector<std::string>& here, const char* what,
           const char* form, diag::Diagnostics& diagnostics)
{
  bool other_provider = std::string(what) == "middleware" && name.value.find('@') != std::string::npos;
  if (other_provider || std::find(here.begin(), here.end(), name.value) != here.end()) {
    return true;
  }
  auto elsewhere = names.elsewhere.find({what, name.value});
  if (elsewhere != names.elsewhere.end()) {
    diagnostics.error("E0482", name.location,
                      std::string(what) + " " + quoted(name.value) + " does not exist in environment " +
                          quoted(names.environment),
                      "it exists in " + util::join(elsewhere->second, ", ") +
                          "; a case for some environments only takes `environments: [...]`");
    return false;
  }
  std::vector<std::string> candidates = here; // the same hint in every environment
  for (const auto& [key, environments] : names.elsewhere) {
    if (key.first == what) {
      candidates.push_back(key.second);
    }
  }
  std::string close = suggestion(name.value, candidates);
  diagnostics.error("E0482", name.location, std::string("unknown ") + what + " " + quoted(name.value),
                    (close.empty() ? std::string() : "did you mean " + quoted(close) + "? ") + form);
  return false;
}

class CaseRun
{
public:
  CaseRun(const model::Config& config, const model::RoutingTable& table, const Case& c, const rules::Request& request,
          const rules::Outcome& outcome)
      : m_config(config), m_table(table), m_case(c), m_https(request.scheme == "https"), m_outcome(outcome)
  {
  }

  // Reports the case once, at its first expectation that does not hold,
  // listing every one that does not.
  void compare(const Names& names, diag::Diagnostics& diagnostics)
  {
    const rules::Router* winner = m_outcome.winner;
    if (m_case.route) {
      // Unknown: the case cannot hold here, E0482 says why; only its other
      // names are still checked.
      m_unknown_route =
          !known(*m_case.route, names, names.routes, "route", "routes are named \"<project>-<route>\"", diagnostics);
      if (!m_unknown_route && (!winner || winner->name != m_case.route->value || m_outcome.tie)) {
        fail(m_case.route->location, "route " + quoted(m_case.route->value));
      }
    }
    // A winner whose service or middlewares are unknown is reported there
    // already (E0401, E0402); comparing them would only repeat it.
    const model::Route* route = winner ? m_table.routes[winner->owner].route : nullptr;
    bool unresolved = route && (route->service().resolved.empty() ||
                                std::any_of(route->middlewares().begin(), route->middlewares().end(),
                                            [](const model::Ref& ref) { return ref.resolved.empty(); }));
    if (!unresolved && m_case.service &&
        known(*m_case.service, names, names.services, "service", "services are named \"<project>-<service>\"",
              diagnostics)) {
      if (!winner || m_table.service_of(*winner) != m_case.service->value || m_outcome.tie) {
        fail(m_case.service->location, "service " + quoted(m_case.service->value));
      }
    }
    if (!unresolved && m_case.middlewares) {
      std::vector<std::string> expected;
      bool all_known = true;
      for (const auto& name : *m_case.middlewares) {
        all_known = known(name, names, names.middlewares, "middleware",
                          "shared middlewares keep their name, a project's are \"<project>-<name>\"", diagnostics) &&
                    all_known;
        expected.push_back(name.value);
      }
      if (all_known && (!winner || m_table.middlewares_of(*winner) != expected || m_outcome.tie)) {
        fail(m_case.middlewares_location, "middlewares " + list_text(expected));
      }
    }
    if (m_case.status && *m_case.status != m_outcome.status) {
      fail(m_case.status_location, "status " + std::to_string(*m_case.status));
    }
    if (m_case.redirect &&
        (m_outcome.kind != rules::Outcome::Kind::redirected || m_outcome.location != m_case.redirect->value)) {
      fail(m_case.redirect->location, "a redirect to " + m_case.redirect->value);
    }
    if (!m_failed.empty()) {
      diagnostics.error("E0481", *m_at,
                        title(m_config, m_case) + ": " + request_text() + " " + happened() + "; expected " +
                            util::join(m_failed, ", "),
                        hint());
    }
  }

private:
  std::string request_text() const { return m_case.method + " " + m_case.url; }

  std::string router_text(const rules::Router& router) const
  {
    using Kind = model::RoutingTable::Source::Kind;
    Kind kind = m_table.routes[router.owner].kind;
    std::string out = (kind == Kind::route       ? "route "
                       : kind == Kind::dashboard ? "the dashboard router "
                                                 : "router ") +
                      quoted(std::string(router.name)) + " (priority " + std::to_string(router.effective_priority());
    if (auto where = m_table.location_of(router)) {
      out += ", " + diag::format_location(*where);
    }
    return out + ")";
  }

  // What happened, as the message's subject reads it.
  std::string happened() const
  {
    const rules::Outcome& o = m_outcome;
    switch (o.kind) {
    case rules::Outcome::Kind::no_entry_point:
      return "gets 404: no entry point listens on its port";
    case rules::Outcome::Kind::not_found:
      return "gets 404: no router matches it";
    case rules::Outcome::Kind::redirected:
      return "is redirected by entry point " + quoted(o.entry_point->name) + " (" + std::to_string(o.status) + " to " +
             o.location + ")";
    case rules::Outcome::Kind::routed:
      break;
    }
    if (o.tie) {
      std::vector<std::string> tied;
      for (const auto* router : o.matched) {
        if (router->effective_priority() == o.winner->effective_priority()) {
          tied.push_back(quoted(std::string(router->name)));
        }
      }
      return "goes to one of routes " + util::join(tied, ", ") + ", which share priority " +
             std::to_string(o.winner->effective_priority()) + " (Traefik's choice between them is undefined)";
    }
    return "goes to " + router_text(*o.winner) + ", service " + quoted(m_table.service_of(*o.winner)) +
           ", middlewares " + list_text(m_table.middlewares_of(*o.winner));
  }

  // How the expected route fared, when one is expected and another won.
  std::string hint() const
  {
    if (!m_case.route || (m_outcome.winner && m_outcome.winner->name == m_case.route->value)) {
      return {};
    }
    const std::string& name = m_case.route->value;
    for (const auto* router : m_outcome.matched) {
      if (router->name == name) {
        return "route " + quoted(name) + " matches it too, with priority " +
               std::to_string(router->effective_priority()) + "; the higher priority wins";
      }
    }
    if (m_outcome.kind == rules::Outcome::Kind::redirected) {
      return "the entry point redirects every request before any router sees it";
    }
    for (const auto& router : m_table.routers) {
      if (router.name != name || !m_outcome.entry_point) {
        continue;
      }
      const std::string& at = m_outcome.entry_point->name;
      if (std::find(router.entry_points.begin(), router.entry_points.end(), at) == router.entry_points.end()) {
        return "route " + quoted(name) + " is not on entry point " + quoted(at) +
               " (its entry points: " + util::join(router.entry_points, ", ") + ")";
      }
      if (router.tls != m_https) {
        return "route " + quoted(name) +
               (router.tls ? " serves HTTPS only (tls)" : " serves plain HTTP only (tls: false)");
      }
    }
    return "route " + quoted(name) + " does not match this request";
  }

  void fail(const diag::Position& at, const std::string& expected)
  {
    if (m_unknown_route) {
      return;
    }
    if (!m_at) {
      m_at = at;
    }
    m_failed.push_back(expected);
  }

  const model::Config& m_config;
  const model::RoutingTable& m_table;
  const Case& m_case;
  bool m_https; // the request is TLS
  bool m_unknown_route = false;
  const rules::Outcome& m_outcome;
  std::optional<diag::Position> m_at;
  std::vector<std::string> m_failed;
};

} // namespace

// Each environment's routing table and names, with what its neighbours have.
void check_cases(const model::Config& config, const model::RoutingTable& table, const Names& names,
                 diag::Diagnostics& diagnostics)
{
  for (const auto& c : config.route_tests) {
    if (!c.client_ip.empty() && !is_client_address(c.client_ip)) {
      diagnostics.error("E0483", c.client_ip_location,
                        title(config, c) + ": clientIP " + quoted(c.client_ip) + " is not an IP address",
                        "write an IPv4 or IPv6 address, with or without a port");
      continue;
    }
    rules::Request request;
    if (auto error = rules::make_request(c.url, c.method, c.headers, c.client_ip, request)) {
      diagnostics.error("E0483", c.url_location, title(config, c) + ": " + *error,
                        "write an http:// or https:// URL, headers as `Name: value` and clientIP as an IP address");
      continue;
    }
    if (!c.entry_point.empty() && std::none_of(table.entry_points.begin(), table.entry_points.end(),
                                               [&](const rules::EntryPoint& e) { return e.name == c.entry_point; })) {
      std::vector<std::string> entry_points;
      for (const auto& e : table.entry_points) {
        entry_points.push_back(e.name);
      }
      std::string close = util::closest_match(c.entry_point, entry_points);
      diagnostics.error("E0404", c.entry_point_location, "unknown entry point " + quoted(c.entry_point),
                        close.empty() ? "entry points: " + util::join(entry_points, ", ")
                                      : "did you mean " + quoted(close) + "?");
      continue;
    }
    rules::Outcome outcome = rules::route_request(table.routers, table.entry_points, request, c.entry_point);
    CaseRun(config, table, c, request, outcome).compare(names, diagnostics);
  }
}

void check_route_tests(const model::Model& model, const std::vector<model::SharedRouteRules>& parsed,
                       diag::Diagnostics& diagnostics)
{
  const auto& configs = model.environments;
  if (std::all_of(configs.begin(), configs.end(), [](const model::Config& c) { return c.route_tests.empty(); })) {
    return;
  }
  std::vector<model::RoutingTable> tables;
  std::vector<Names> names;
  for (size_t i = 0; i < configs.size(); ++i) {
    const model::Config& config = configs[i];
    tables.push_back(model::traefik_routing_table(config, parsed.at(i)));
    names.push_back(names_of(config, tables.back()));
  }
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = 0; j < names.size(); ++j) {
      const std::pair<const char*, const std::vector<std::string>*> kinds[] = {
          {"route", &names[j].routes}, {"service", &names[j].services}, {"middleware", &names[j].middlewares}};
      for (const auto& [what, list] : kinds) {
        for (const auto& name : j == i ? std::vector<std::string>{} : *list) {
          names[i].elsewhere[{what, name}].push_back(names[j].environment);
        }
      }
    }
  }
  for (size_t i = 0; i < configs.size(); ++i) {
    check_cases(configs[i], tables[i], names[i], diagnostics);
  }
}

} // namespace edgegen::check
