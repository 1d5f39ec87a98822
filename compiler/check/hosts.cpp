// Host names (RFC 1123, wildcard only as the leftmost label) and who owns
// them: a host belongs to one project, and the dashboard's to the Edge.
#include "check/check.hpp"
#include "check/internal.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace edgegen::check {

namespace {

void require_host(const model::Config& config, const std::string& host, const diag::Location& location,
                  diag::Diagnostics& diagnostics)
{
  if (detail::unresolved_reference(host, config.environment.vars)) {
    return; // reported where it is written (E0301, E0302, E0425)
  }
  std::string why = detail::host_problem(host);
  if (!why.empty()) {
    std::string lower = util::to_lower(host);
    diagnostics.error("E0431", location, "\"" + host + "\" is not a valid host name: " + why,
                      lower != host && detail::host_problem(lower).empty()
                          ? "write \"" + lower + "\""
                          : "letters a-z, digits and '-' in labels separated by '.', e.g. team-a.example.com");
  }
}

// A route's claim on one of its hosts. A large edge has tens of thousands:
// views into the model, not copies.
struct Claim
{
  std::string_view host;
  const model::Project* project = nullptr;
  const model::Route* route = nullptr;
};

// The one match a route makes, to tell a duplicate (E0421) from a second
// project under the same host: "path /x", "pathPrefix /", "rule ...".
std::string match_of(const model::Route& route)
{
  if (route.raw()) {
    return "rule " + route.rule();
  }
  return route.path().empty() ? "pathPrefix " + (route.path_prefix().empty() ? "/" : route.path_prefix())
                              : "path " + route.path();
}

// The claims on one host, in project order.
void check_owner(const model::Config& config, const Claim* list, size_t count, diag::Diagnostics& diagnostics)
{
  const std::string& owner = list[0].project->name;
  const auto& dashboard = config.edge.dashboard;
  const std::string_view host = list[0].host;
  bool dashboard_host = dashboard.enabled && dashboard.host == host;
  auto others = [&](const Claim& claim) { return claim.project->name != owner; };
  if (!dashboard_host && std::none_of(list, list + count, others)) {
    return; // one project's: most hosts
  }
  std::vector<std::string> matches;
  for (size_t i = 0; i < count; ++i) {
    matches.push_back(match_of(*list[i].route));
  }
  std::set<std::string_view> reported; // one report per project
  for (size_t i = 0; i < count; ++i) {
    const Claim& claim = list[i];
    const std::string& project = claim.project->name;
    if ((project == owner && !dashboard_host) || reported.count(project)) {
      continue;
    }
    bool duplicate = false; // the very same match elsewhere is E0421's to report
    for (size_t j = 0; j < count; ++j) {
      duplicate = duplicate || (list[j].project->name != project && matches[j] == matches[i]);
    }
    if (duplicate) {
      continue;
    }
    reported.insert(project);
    const std::string shown(host);
    if (dashboard_host) {
      diagnostics.error("E0422", claim.route->location(),
                        "host \"" + shown + "\" is the dashboard's (Edge.spec.dashboard.host)",
                        "the dashboard is at " + diag::format_location(dashboard.host_location) +
                            "; give this route or the dashboard another host");
      continue;
    }
    diagnostics.error("E0422", claim.route->location(),
                      "host \"" + shown + "\" is also routed by project \"" + owner + "\"",
                      "a host belongs to one project: move this route into \"" + owner + "\" (at " +
                          diag::format_location(list[0].route->location()) + ") or give it another host");
  }
}

} // namespace

void check_hosts(const model::Config& config, diag::Diagnostics& diagnostics)
{
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (!route.raw()) {
        require_host(config, route.host(), route.host_location(), diagnostics);
      }
    }
  }
  if (config.edge.dashboard.enabled) {
    require_host(config, config.edge.dashboard.host, config.edge.dashboard.host_location, diagnostics);
  }
  for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (const auto& request : *requests) {
      for (size_t i = 0; i < request.domains.size(); ++i) {
        require_host(config, request.domains[i],
                     i < request.domain_locations.size() ? request.domain_locations[i] : request.location, diagnostics);
      }
    }
  }
  for (const auto& issuer : config.issuers) {
    for (const auto& certificate : issuer.certificates) {
      for (const auto& domain : certificate.domains) {
        require_host(config, domain, issuer.location, diagnostics);
      }
    }
  }
}

void check_host_owners(const model::Config& config, diag::Diagnostics& diagnostics)
{
  std::vector<Claim> claims;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      for (const auto& host : route.match.scope.hosts) {
        claims.push_back({host, &project, &route});
      }
    }
  }
  // By host, each host's in project order.
  std::stable_sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) { return a.host < b.host; });
  for (size_t begin = 0, end = 0; begin < claims.size(); begin = end) {
    while (end < claims.size() && claims[end].host == claims[begin].host) {
      ++end;
    }
    check_owner(config, &claims[begin], end - begin, diagnostics);
  }
}

} // namespace edgegen::check
