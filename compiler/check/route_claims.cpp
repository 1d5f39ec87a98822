// Two routes that match exactly the same requests: Traefik would pick one by
// rule length and silently ignore the other.
#include "check/check.hpp"
#include "check/internal.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

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
  // same requests only where they share both. One claim per route and
  // entry point, tens of thousands at 10,000 projects: each is held as its
  // hash and two indexes (16 bytes), sorted, and the few of equal hash are
  // compared in full.
  struct Owner
  {
    const model::Project* project;
    const model::Route* route;
  };
  struct Claim
  {
    uint64_t hash;
    uint32_t owner;       // into owners
    uint32_t entry_point; // the index of its name in entry_points
  };
  std::vector<Owner> owners;
  std::map<std::string, uint32_t> entry_points; // name -> its index, in order of first use
  std::vector<Claim> claims;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      const auto owner = static_cast<uint32_t>(owners.size());
      owners.push_back({&project, &route});
      auto [host, kind, value, priority] = detail::claim_key(route);
      size_t key_hash = std::hash<std::string_view>()(host);
      for (size_t part : {std::hash<std::string_view>()(kind), std::hash<std::string_view>()(value),
                          std::hash<int64_t>()(priority), size_t(route.tls())}) {
        key_hash = key_hash * 1099511628211u ^ part;
      }
      for (auto& name : detail::route_entry_points(config, route)) {
        const auto index = static_cast<uint32_t>(entry_points.size());
        uint32_t entry_point = entry_points.emplace(std::move(name), index).first->second;
        claims.push_back({key_hash * 1099511628211u ^ entry_point, owner, entry_point});
      }
    }
  }
  auto same = [&](const Claim& a, const Claim& b) {
    const model::Route& x = *owners[a.owner].route;
    const model::Route& y = *owners[b.owner].route;
    return a.entry_point == b.entry_point && x.tls() == y.tls() && detail::claim_key(x) == detail::claim_key(y);
  };
  // Claims are made in route order: the first route to claim something
  // keeps it, and each later one that claims the same is reported once,
  // against the first claimant of its first entry point in conflict.
  std::vector<uint32_t> order(claims.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return claims[a].hash != claims[b].hash ? claims[a].hash < claims[b].hash : a < b;
  });
  std::vector<uint32_t> earlier(claims.size(), UINT32_MAX); // claim -> the first equal claim before it
  for (size_t start = 0, end = 0; start < order.size(); start = end) {
    for (end = start + 1; end < order.size() && claims[order[end]].hash == claims[order[start]].hash; ++end) {
    }
    for (size_t i = start + 1; i < end; ++i) {
      for (size_t j = start; j < i; ++j) {
        if (same(claims[order[i]], claims[order[j]])) {
          earlier[order[i]] = order[j];
          break;
        }
      }
    }
  }
  std::vector<uint32_t> first_other(owners.size(), UINT32_MAX); // route -> the claim it collides with
  for (uint32_t i = 0; i < claims.size(); ++i) {
    if (earlier[i] != UINT32_MAX && first_other[claims[i].owner] == UINT32_MAX) {
      first_other[claims[i].owner] = earlier[i];
    }
  }
  for (uint32_t o = 0; o < owners.size(); ++o) {
    if (first_other[o] == UINT32_MAX) {
      continue;
    }
    const model::Project& project = *owners[o].project;
    const model::Route& route = *owners[o].route;
    const Owner& other = owners[claims[first_other[o]].owner];
    auto [host, kind, value, priority] = detail::claim_key(route);
    std::string what =
        route.raw() ? "rule " + route.rule()
                    : "host \"" + route.host() + "\" and " + std::string(kind) + " \"" + std::string(value) + "\"";
    std::string where = other.project->name == project.name ? "" : " (project \"" + other.project->name + "\")";
    diagnostics.error("E0421", route.location(), what + " is already routed" + where,
                      "the other route is at " + diag::format_location(other.route->location()) +
                          "; Traefik would serve only one of them");
  }
}

} // namespace edgegen::check
