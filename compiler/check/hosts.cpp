// Host names (RFC 1123, wildcard only as the leftmost label) and who owns
// them: a host belongs to one project, and the dashboard's to the Edge.
#include "check/check.hpp"
#include "check/internal.hpp"

#include <map>

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
    std::string lower;
    for (char c : host) {
      lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    diagnostics.error("E0431", location, "\"" + host + "\" is not a valid host name: " + why,
                      lower != host && detail::host_problem(lower).empty()
                          ? "write \"" + lower + "\""
                          : "letters a-z, digits and '-' in labels separated by '.', e.g. team-a.example.com");
  }
}

// A route and the one match it makes, to tell a duplicate (E0421) from a
// second project under the same host.
struct Claim
{
  std::string project;
  std::string match; // "path /x", "pathPrefix /", "rule ..."
  diag::Location location;
};

std::string match_of(const model::Route& route)
{
  if (!route.rule.empty()) {
    return "rule " + route.rule;
  }
  return route.path().empty() ? "pathPrefix " + (route.path_prefix().empty() ? "/" : route.path_prefix())
                              : "path " + route.path();
}

} // namespace

void check_hosts(const model::Config& config, diag::Diagnostics& diagnostics)
{
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (route.rule.empty()) {
        require_host(config, route.host, route.host_location(), diagnostics);
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
  std::map<std::string, std::vector<Claim>> claims; // host -> claims in project order
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      for (const auto& host : route.match.scope.hosts) {
        claims[host].push_back({project.name, match_of(route), route.location()});
      }
    }
  }
  const auto& dashboard = config.edge.dashboard;
  for (const auto& [host, list] : claims) {
    const std::string& owner = list.front().project;
    bool dashboard_host = dashboard.enabled && dashboard.host == host;
    std::map<std::string, bool> reported; // one report per project
    for (const auto& claim : list) {
      if ((claim.project == owner && !dashboard_host) || reported[claim.project]) {
        continue;
      }
      bool duplicate = false; // the very same match elsewhere is E0421's to report
      for (const auto& other : list) {
        duplicate = duplicate || (other.project != claim.project && other.match == claim.match);
      }
      if (duplicate) {
        continue;
      }
      reported[claim.project] = true;
      if (dashboard_host) {
        diagnostics.error("E0422", claim.location,
                          "host \"" + host + "\" is the dashboard's (Edge.spec.dashboard.host)",
                          "the dashboard is at " + diag::format_location(dashboard.host_location) +
                              "; give this route or the dashboard another host");
        continue;
      }
      const Claim& first = list.front();
      diagnostics.error("E0422", claim.location, "host \"" + host + "\" is also routed by project \"" + owner + "\"",
                        "a host belongs to one project: move this route into \"" + owner + "\" (at " +
                            diag::format_location(first.location) + ") or give it another host");
    }
  }
}

} // namespace edgegen::check
