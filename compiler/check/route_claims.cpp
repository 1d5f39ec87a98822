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
  std::map<detail::ClaimKey, std::pair<std::string, diag::Location>> claims;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      detail::ClaimKey key = detail::claim_key(route);
      auto [it, inserted] = claims.emplace(key, std::make_pair(project.name, route.location));
      if (inserted) {
        continue;
      }
      std::string what = !route.rule.empty()
                             ? "rule " + route.rule
                             : "host \"" + route.host + "\" and " + std::get<1>(key) + " \"" + std::get<2>(key) + "\"";
      std::string where = it->second.first == project.name ? "" : " (project \"" + it->second.first + "\")";
      diagnostics.error("E0421", route.location, what + " is already routed" + where,
                        "the other route is at " + diag::format_location(it->second.second) +
                            "; Traefik would serve only one of them");
    }
  }
}

} // namespace edgegen::check
