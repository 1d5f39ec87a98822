// Two routes that match exactly the same requests: Traefik would pick one by
// rule length and silently ignore the other.
#include "check/check.hpp"
#include "check/internal.hpp"

#include <map>
#include <tuple>

namespace edgegen::check {

namespace detail {

ClaimKey claim_key(const model::Route& route)
{
  if (!route.rule.empty()) {
    return {"", "rule", route.rule, route.priority.value_or(0)};
  }
  if (!route.path.empty()) {
    return {route.host, "path", route.path, route.priority.value_or(0)};
  }
  return {route.host, "pathPrefix", route.path_prefix.empty() ? "/" : route.path_prefix, route.priority.value_or(0)};
}

} // namespace detail

void check_route_claims(const model::Config& config, diag::Diagnostics& diagnostics)
{
  // Traefik keeps the routers of each entry point apart, and on one entry
  // point its TLS routers apart from the plain ones: two routes claim the
  // same requests only where they share both.
  using Claim = std::tuple<std::string, bool, detail::ClaimKey>;
  std::map<Claim, std::pair<std::string, diag::Location>> claims;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      detail::ClaimKey key = detail::claim_key(route);
      const std::pair<std::string, diag::Location>* other = nullptr;
      for (const auto& entry_point : detail::route_entry_points(config, route)) {
        auto [it, inserted] =
            claims.emplace(Claim{entry_point, route.tls, key}, std::make_pair(project.name, route.location));
        if (!inserted && !other) {
          other = &it->second;
        }
      }
      if (!other) {
        continue;
      }
      std::string what = !route.rule.empty()
                             ? "rule " + route.rule
                             : "host \"" + route.host + "\" and " + std::get<1>(key) + " \"" + std::get<2>(key) + "\"";
      std::string where = other->first == project.name ? "" : " (project \"" + other->first + "\")";
      diagnostics.error("E0421", route.location, what + " is already routed" + where,
                        "the other route is at " + diag::format_location(other->second) +
                            "; Traefik would serve only one of them");
    }
  }
}

} // namespace edgegen::check
