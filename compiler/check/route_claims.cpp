// Two routes that match exactly the same requests: Traefik would pick one by
// rule length and silently ignore the other.
#include "check/check.hpp"
#include "check/internal.hpp"

#include <map>
#include <set>
#include <tuple>

namespace edgegen::check {

namespace detail {

ClaimKey claim_key(const model::Route& route)
{
  if (route.raw()) {
    return {"", "rule", route.rule(), route.priority().value_or(0)};
  }
  if (!route.path().empty()) {
    return {route.host(), "path", route.path(), route.priority().value_or(0)};
  }
  std::string_view prefix = route.path_prefix().empty() ? std::string_view("/") : route.path_prefix();
  return {route.host(), "pathPrefix", prefix, route.priority().value_or(0)};
}

} // namespace detail

void check_route_claims(const model::Config& config, diag::Diagnostics& diagnostics)
{
  // Traefik keeps the routers of each entry point apart, and on one entry
  // point its TLS routers apart from the plain ones: two routes claim the
  // same requests only where they share both. A claim holds views into the
  // routes and the projects, which outlive it: one map node per route and
  // entry point, at 10,000 projects tens of thousands of them.
  using Claim = std::tuple<std::string_view, bool, detail::ClaimKey>;
  using Claimant = std::pair<const std::string*, model::Location>; // project name, route
  std::set<std::string> entry_points;                              // what the claims' entry point names view
  std::map<Claim, Claimant> claims;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      detail::ClaimKey key = detail::claim_key(route);
      const Claimant* other = nullptr;
      for (const auto& entry_point : detail::route_entry_points(config, route)) {
        std::string_view name = *entry_points.insert(entry_point).first;
        auto [it, inserted] = claims.emplace(Claim{name, route.tls(), key}, Claimant{&project.name, route.location()});
        if (!inserted && !other) {
          other = &it->second;
        }
      }
      if (!other) {
        continue;
      }
      std::string what = route.raw() ? "rule " + route.rule()
                                     : "host \"" + route.host() + "\" and " + std::string(std::get<1>(key)) + " \"" +
                                           std::string(std::get<2>(key)) + "\"";
      std::string where = *other->first == project.name ? "" : " (project \"" + *other->first + "\")";
      diagnostics.error("E0421", route.location(), what + " is already routed" + where,
                        "the other route is at " + diag::format_location(other->second) +
                            "; Traefik would serve only one of them");
    }
  }
}

} // namespace edgegen::check
