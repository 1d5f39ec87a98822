// Routes that can never match: another route answers every request they
// would, first. Traefik orders routers by priority: host/path routes get one
// by how specific they are (model::specific_priority), raw rules the length
// of the rule unless they name one. So a broader route with a priority written
// too high, or a raw rule with a header condition on a host that a host/path
// route serves whole, is never reached.
#include "check/shadowing.hpp"
#include "check/check.hpp"
#include "check/internal.hpp"
#include "check/requests.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <numeric>
#include <set>
#include <string_view>

namespace edgegen::check {

namespace {

// The requests a route matches, when it is simple enough to reason about:
// one host and at most one path condition.
struct Shape
{
  const model::Route* route = nullptr;
  const rules::Rule* rule = nullptr; // parsed, of a raw rule; null for a route of host and path
  // Views into the route (or, for a host not written normalised, into
  // Found::normalised): a large edge has a shape for most of its routes.
  std::string_view host; // "*.example.com" for a wildcard
  std::string_view path; // "/" when there is no path condition
  bool exact = false;    // Path rather than PathPrefix
  bool narrowed = false; // more conditions (a header, a method…): it takes only some of these requests
  int64_t priority = 0;
  // One of Found::entry_point_lists: most routes listen on the same entry points.
  const std::vector<std::string>* entry_points = nullptr;
};

using EntryPointLists = std::set<std::vector<std::string>>;

bool shape_of(const model::Config& config, const model::Route& route, const rules::Rule* held, size_t text_size,
              Shape& out, std::deque<std::string>& normalised, EntryPointLists& entry_point_lists)
{
  out.route = &route;
  out.rule = held;
  out.path = "/";
  if (!route.raw()) {
    out.host = route.host();
    out.exact = !route.path().empty();
    if (out.exact) {
      out.path = route.path();
    } else if (!route.path_prefix().empty()) {
      out.path = route.path_prefix();
    }
  } else {
    const rules::Rule& rule = *held;
    if (!rule.ok() || !rule.conjunction) {
      return false;
    }
    int hosts = 0, paths = 0;
    for (const auto& m : rule.matchers) {
      if (m.name == "Host") {
        const std::string& written = m.arguments[0].value;
        std::string host = rules::normalize_host(written);
        if (host == written) {
          out.host = written;
        } else {
          out.host = normalised.emplace_back(std::move(host));
        }
        ++hosts;
      } else if (m.name == "Path" || m.name == "PathPrefix") {
        out.path = m.arguments[0].value, out.exact = m.name == "Path", ++paths;
      } else {
        out.narrowed = true; // it can still be shadowed, but never shadows
      }
    }
    if (hosts != 1 || paths > 1 || out.host == "*") {
      return false;
    }
  }
  const auto& priority = route.match.priority;
  out.priority = priority.value_or(0) > 0 ? *priority : static_cast<int64_t>(text_size);
  out.entry_points = &*entry_point_lists.insert(detail::route_entry_points(config, route)).first;
  return true;
}

// True if every request `inner` matches, `outer` matches too.
bool contains(const Shape& outer, const Shape& inner)
{
  if (outer.host != inner.host && !detail::covers(outer.host, inner.host)) {
    return false;
  }
  bool path = outer.exact ? inner.exact && inner.path == outer.path : util::starts_with(inner.path, outer.path);
  if (!path || outer.route->tls() != inner.route->tls()) {
    return false;
  }
  for (const auto& name : *inner.entry_points) {
    if (std::find(outer.entry_points->begin(), outer.entry_points->end(), name) == outer.entry_points->end()) {
      return false;
    }
  }
  return true;
}

// The shapes of the routes that have one, and for each shadowed one the
// route that takes its requests: the one with the highest priority, on its
// host or on the wildcard one label up.
struct Found
{
  std::vector<Shape> shapes;
  std::deque<std::string> normalised;                          // hosts of raw rules, normalised where written otherwise
  EntryPointLists entry_point_lists;                           // the shapes' lists of entry points, each once
  std::vector<std::pair<const Shape*, const Shape*>> shadowed; // route, winner
};

Found find_shadowed(const model::Config& config, const model::RouteRules& parsed)
{
  Found found;
  size_t routes = 0;
  for (const auto& project : config.projects) {
    routes += project.routes.size();
  }
  std::vector<Shape>& shapes = found.shapes;
  shapes.reserve(routes);
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      Shape shape;
      if (shape_of(config, route, parsed.held(project, route), parsed.size_of(project, route), shape, found.normalised,
                   found.entry_point_lists)) {
        shapes.push_back(std::move(shape));
      }
    }
  }
  // By host, so the work stays proportional to routes per host: the
  // shapes' indexes sorted by host, each host's shapes in route order.
  std::vector<uint32_t> by_host(shapes.size());
  std::iota(by_host.begin(), by_host.end(), 0u);
  std::stable_sort(by_host.begin(), by_host.end(),
                   [&](uint32_t a, uint32_t b) { return shapes[a].host < shapes[b].host; });
  // The route on `host` that takes every request of `inner`, with the
  // highest priority: `winner` unless one on `host` beats it.
  auto best = [&](const Shape& inner, std::string_view host, const Shape* winner) {
    auto on_host = std::lower_bound(by_host.begin(), by_host.end(), host,
                                    [&](uint32_t entry, std::string_view key) { return shapes[entry].host < key; });
    for (; on_host != by_host.end() && shapes[*on_host].host == host; ++on_host) {
      const Shape* outer = &shapes[*on_host];
      if (outer != &inner && !outer->narrowed && outer->priority > inner.priority && contains(*outer, inner) &&
          (!winner || outer->priority > winner->priority)) {
        winner = outer;
      }
    }
    return winner;
  };
  for (const auto& inner : shapes) {
    const Shape* winner = best(inner, inner.host, nullptr);
    if (size_t dot = inner.host.find('.'); dot != std::string::npos && !util::starts_with(inner.host, "*.")) {
      winner = best(inner, "*" + std::string(inner.host.substr(dot)), winner);
    }
    if (winner) {
      found.shadowed.emplace_back(&inner, winner);
    }
  }
  return found;
}

} // namespace

std::vector<Shadowing> shadowed_routes(const model::Config& config)
{
  const model::RouteRules parsed(config);
  std::vector<Shadowing> out;
  for (const auto& [inner, winner] : find_shadowed(config, parsed).shadowed) {
    out.push_back({inner->route, winner->route, inner->priority, winner->priority});
  }
  return out;
}

void check_shadowing(const model::Config& config, const model::SharedRouteRules& parsed, diag::Diagnostics& diagnostics)
{
  Found found = find_shadowed(config, *parsed);
  if (found.shadowed.empty()) {
    return;
  }
  // The routing model, to find the request that shows it: made only when
  // something is shadowed.
  detail::Routing routing(config, parsed);
  auto witness = [&](const Shape& inner, const Shape& winner) -> std::string {
    const model::RoutingTable& table = routing.table();
    rules::Rule scratch;
    const rules::Rule& rule = model::held_or_parsed(inner.rule, *inner.route, scratch);
    for (const auto& name : *inner.entry_points) {
      for (const auto& entry_point : table.entry_points) {
        auto request = entry_point.name == name
                           ? detail::witness_request(rule, inner.route->tls() ? "https" : "http", entry_point.port)
                           : std::nullopt;
        if (!request) {
          continue;
        }
        const std::vector<const rules::Router*> routers = routing.index().routers(request->host);
        rules::Outcome outcome = rules::route_request(routers, table.entry_points, *request, name);
        bool lost = std::any_of(outcome.matched.begin(), outcome.matched.end(),
                                [&](const rules::Router* r) { return r->name == inner.route->output_name(); });
        if (outcome.winner && outcome.winner->name == winner.route->output_name() && lost) {
          return ": " + detail::describe(*request) + " goes to \"" + winner.route->output_name() + "\"";
        }
      }
    }
    return {};
  };
  for (const auto& [inner_shape, winner] : found.shadowed) {
    const Shape& inner = *inner_shape;
    std::string priority = std::to_string(winner->priority) + " > " + std::to_string(inner.priority);
    diagnostics.error(
        "E0423", inner.route->location(),
        "route is never reached: route \"" + winner->route->output_name() +
            "\" matches every request it matches, with a higher priority (" + priority + ")" + witness(inner, *winner),
        "the other route is at " + diag::format_location(winner->route->location()) +
            "; give this route a priority above " + std::to_string(winner->priority) + ", or narrow the other route");
  }
}

} // namespace edgegen::check
