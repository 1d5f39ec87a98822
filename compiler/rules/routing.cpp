// Traefik's muxer: routers sorted by priority, the first whose rule matches
// takes the request. An entry point's redirection is a router of its own
// with priority MaxInt-1 matching every non-empty host.
#include "rules/routing.hpp"

#include <algorithm>

namespace edgegen::rules {

namespace {

const EntryPoint* entry_point_of(const std::vector<EntryPoint>& entry_points, const Request& request,
                                 const std::string& wanted)
{
  for (const auto& entry_point : entry_points) {
    if (wanted.empty() ? entry_point.port == request.port : entry_point.name == wanted) {
      return &entry_point;
    }
  }
  return wanted.empty() && entry_points.size() == 1 ? &entry_points.front() : nullptr;
}

std::string redirect_location(const EntryPoint& entry_point, const Request& request)
{
  std::string host = request.host.find(':') != std::string::npos ? "[" + request.host + "]" : request.host;
  std::string out = "https://" + host;
  if (entry_point.redirect_port != 0 && entry_point.redirect_port != 443) {
    out += ":" + std::to_string(entry_point.redirect_port);
  }
  out += request.escaped_path.empty() ? "/" : request.escaped_path;
  if (!request.raw_query.empty()) {
    out += "?" + request.raw_query;
  }
  return out;
}

} // namespace

int64_t Router::effective_priority() const
{
  return priority.value_or(0) != 0 ? *priority : static_cast<int64_t>(rule_length);
}

bool Router::matches(const Request& request) const
{
  return rule ? rules::matches(*rule, request) : rules::matches(host_path, request);
}

Outcome route_request(const std::vector<Router>& routers, const std::vector<EntryPoint>& entry_points,
                      const Request& request, const std::string& wanted)
{
  std::vector<const Router*> pointers;
  pointers.reserve(routers.size());
  for (const auto& router : routers) {
    pointers.push_back(&router);
  }
  return route_request(pointers, entry_points, request, wanted);
}

Outcome route_request(const std::vector<const Router*>& routers, const std::vector<EntryPoint>& entry_points,
                      const Request& request, const std::string& wanted)
{
  Outcome out;
  out.entry_point = entry_point_of(entry_points, request, wanted);
  if (!out.entry_point) {
    out.kind = Outcome::Kind::no_entry_point;
    return out;
  }
  const std::string& name = out.entry_point->name;
  bool tls = request.scheme == "https";
  for (const Router* router : routers) {
    bool listens =
        std::find(router->entry_points.begin(), router->entry_points.end(), name) != router->entry_points.end();
    if (listens && router->tls == tls && (router->internal || router->effective_priority() <= k_max_priority) &&
        router->matches(request)) {
      out.matched.push_back(router);
    }
  }
  // Highest priority first; equal ones by name, so the answer is the same
  // every time (Traefik's own order among them is undefined).
  std::stable_sort(out.matched.begin(), out.matched.end(), [](const Router* a, const Router* b) {
    return a->effective_priority() != b->effective_priority() ? a->effective_priority() > b->effective_priority()
                                                              : a->name < b->name;
  });
  // The redirection router: priority MaxInt-1, HostRegexp(`^.+$`).
  bool redirected = !out.entry_point->redirect_to.empty() && !request.host.empty() &&
                    (out.matched.empty() || out.matched.front()->effective_priority() < k_redirect_priority);
  if (redirected) {
    out.kind = Outcome::Kind::redirected;
    out.status = request.method == "GET" ? 301 : 308;
    out.location = redirect_location(*out.entry_point, request);
    return out;
  }
  if (out.matched.empty()) {
    out.kind = Outcome::Kind::not_found;
    out.status = 404;
    return out;
  }
  out.kind = Outcome::Kind::routed;
  out.status = 200;
  out.winner = out.matched.front();
  out.tie = out.matched.size() > 1 && out.matched[1]->effective_priority() == out.winner->effective_priority();
  return out;
}

} // namespace edgegen::rules
