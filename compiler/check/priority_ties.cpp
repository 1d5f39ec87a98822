// Two routes that tie: both can take some request, on an entry point they
// share, with the same priority. Traefik sorts its routers by priority
// alone, and the order of routers with equal priority is undefined (they
// come from a Go map, sorted by sort.Sort, which is not stable): such a
// request may go to either route, and to the other after a reload.
// Identical routes are E0421's; a route with a higher priority that takes
// every request of another is E0423's.
#include "check/check.hpp"
#include "check/internal.hpp"
#include "check/requests.hpp"
#include "util/empty.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace edgegen::check {

namespace {

// One per route of the environment (tens of thousands on a large edge): views
// of what the model and the pools below hold.
struct Entry
{
  const model::Route* route = nullptr;
  const rules::Rule* rule = nullptr;                      // parsed, of a raw rule; null for a route of host and path
  std::string_view host;                                  // the one host (maybe *.domain) its rule requires; empty: any
  const std::vector<std::string>* entry_points = nullptr; // sorted
  int64_t priority = 0;                                   // effective
};

// What entries view that the model does not hold as such: the routes'
// entry-point lists, sorted, each distinct one once (a handful), and the
// hosts of raw rules that their scope does not spell alike.
struct Pools
{
  std::set<std::vector<std::string>> entry_points;
  std::deque<std::string> hosts; // never moves what it holds
};

// The host a route's rule cannot do without: its `host`, or the Host() of a
// rule of matchers joined by &&. Normalised: a view of the route's scope,
// which holds it normalised, or of `pools`.
std::string_view required_host(const model::Route& route, const rules::Rule* held, Pools& pools)
{
  const auto& scope = route.match.scope.hosts;
  if (!route.raw()) {
    return scope.empty() ? std::string_view() : std::string_view(scope.front()); // normalize_host(route.host)
  }
  const rules::Rule& rule = *held;
  for (const auto& matcher : rule.conjunction ? rule.matchers : util::empty<util::CompactVector<rules::Matcher>>()) {
    if (matcher.name == "Host" && matcher.arguments.size() == 1) {
      std::string host = rules::normalize_host(matcher.arguments[0].value);
      if (host == "*") {
        return {};
      }
      auto found = std::find(scope.begin(), scope.end(), host);
      return found != scope.end() ? std::string_view(*found) : std::string_view(pools.hosts.emplace_back(host));
    }
  }
  return {};
}

// Pairs of entries whose hosts can meet: the same host, a host and the
// wildcard one label up, and a route for any host with every other.
std::vector<std::pair<const Entry*, const Entry*>> candidate_pairs(const Entry* first, const Entry* last)
{
  std::map<std::string_view, std::vector<const Entry*>> by_host;
  for (const Entry* entry = first; entry != last; ++entry) {
    by_host[entry->host].push_back(entry);
  }
  std::vector<std::pair<const Entry*, const Entry*>> out;
  std::string wildcard_host; // "*" and the host's parent domain, reused
  for (const auto& [host, same] : by_host) {
    for (size_t i = 0; i < same.size(); ++i) {
      for (size_t j = i + 1; j < same.size(); ++j) {
        out.emplace_back(same[i], same[j]);
      }
    }
    size_t dot = host.find('.');
    if (host.empty() || dot == std::string_view::npos || host[0] == '*') {
      continue;
    }
    wildcard_host.assign(1, '*').append(host.substr(dot));
    auto wildcard = by_host.find(wildcard_host);
    for (const Entry* a : same) {
      for (const Entry* b : wildcard != by_host.end() ? wildcard->second : util::empty<std::vector<const Entry*>>()) {
        out.emplace_back(a, b);
      }
    }
  }
  if (auto any = by_host.find(""); any != by_host.end()) {
    for (const Entry* a : any->second) {
      for (const Entry* entry = first; entry != last; ++entry) {
        if (!entry->host.empty()) {
          out.emplace_back(a, entry);
        }
      }
    }
  }
  return out;
}

} // namespace

void check_priority_ties(const model::Config& config, const model::SharedRouteRules& parsed,
                         diag::Diagnostics& diagnostics)
{
  Pools pools;
  // Every route Traefik keeps, by priority and in route order within one:
  // placed by counting (one list sized once, no buffer to sort with), where
  // a list per priority grew its slack.
  auto priority_of = [&](const model::Project& project, const model::Route& route) {
    const auto& priority = route.match.priority;
    int64_t effective = priority.value_or(0) != 0 ? *priority : static_cast<int64_t>(parsed->size_of(project, route));
    return parsed->ok(project, route) && effective <= rules::k_max_priority
               ? std::optional<int64_t>(effective) // Traefik drops the others
               : std::nullopt;
  };
  std::map<int64_t, size_t> next; // per priority: its count, then where its next entry goes
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (auto priority = priority_of(project, route)) {
        ++next[*priority];
      }
    }
  }
  size_t count = 0;
  for (auto& [priority, at] : next) {
    count += std::exchange(at, count);
  }
  std::vector<Entry> entries(count);
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (auto priority = priority_of(project, route)) {
        const rules::Rule* rule = parsed->held(project, route);
        const auto& entry_points = *pools.entry_points.insert(detail::route_entry_points(config, route)).first;
        entries[next[*priority]++] = {&route, rule, required_host(route, rule, pools), &entry_points, *priority};
      }
    }
  }
  // The routing model, to confirm that Traefik would hand the request to
  // one of the two: made only when two routes can share one.
  detail::Routing routing(config, parsed);
  auto tied = [&](const Entry& a, const Entry& b) -> std::optional<rules::Request> {
    if (a.route->tls() != b.route->tls() || detail::claim_key(*a.route) == detail::claim_key(*b.route)) {
      return std::nullopt;
    }
    rules::Rule a_scratch, b_scratch;
    const rules::Rule& a_rule = model::held_or_parsed(a.rule, *a.route, a_scratch);
    const rules::Rule& b_rule = model::held_or_parsed(b.rule, *b.route, b_scratch);
    for (const auto& name : *a.entry_points) {
      if (!std::binary_search(b.entry_points->begin(), b.entry_points->end(), name)) {
        continue;
      }
      const model::EntryPoint* entry_point = detail::find_entry_point(config, name);
      int port = static_cast<int>(model::address_port(entry_point ? entry_point->address : ""));
      if (!entry_point || !entry_point->redirect_to.name.empty() || port <= 0) {
        continue; // every request is redirected before any route sees it
      }
      auto request = detail::common_request(a_rule, b_rule, a.route->tls() ? "https" : "http", port);
      if (!request) {
        continue;
      }
      const std::vector<const rules::Router*> routers = routing.index().routers(request->host);
      rules::Outcome outcome = rules::route_request(routers, routing.table().entry_points, *request, name);
      auto top = [&](const model::Route& route) {
        return std::any_of(outcome.matched.begin(), outcome.matched.end(), [&](const rules::Router* r) {
          return r->name == route.output_name() && r->effective_priority() == outcome.winner->effective_priority();
        });
      };
      if (outcome.kind == rules::Outcome::Kind::routed && top(*a.route) && top(*b.route)) {
        return request;
      }
    }
    return std::nullopt;
  };
  for (size_t first = 0, last = 0; first < entries.size(); first = last) {
    int64_t priority = entries[first].priority;
    for (last = first + 1; last < entries.size() && entries[last].priority == priority; ++last) {
    }
    if (last - first < 2) {
      continue;
    }
    for (const auto& [a, b] : candidate_pairs(&entries[first], entries.data() + last)) {
      auto request = tied(*a, *b);
      if (!request) {
        continue;
      }
      for (const auto& [self, other] : {std::pair{a, b}, std::pair{b, a}}) {
        diagnostics.error("E0424", self->route->location(),
                          "route ties with route \"" + other->route->output_name() + "\" at priority " +
                              std::to_string(priority) + ": both match " + detail::describe(*request) +
                              ", and Traefik's order between routers of equal priority is undefined",
                          "the other route is at " + diag::format_location(other->route->location()) +
                              "; give the one that should win a higher priority, or make their rules exclusive");
      }
    }
  }
}

} // namespace edgegen::check
