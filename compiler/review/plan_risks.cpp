// The risky parts of a change, flagged rather than listed: a host that no
// router answers any more (its clients get 404s), and a route that starts
// taking every request of another one (check/shadowing.cpp's rule, E0423).
#include "check/shadowing.hpp"
#include "review/plan_parts.hpp"
#include "rules/rule.hpp"
#include "util/empty.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace edgegen::review::detail {

namespace {

std::set<std::string> served_hosts(const model::Config* config)
{
  std::set<std::string> hosts;
  for (const auto& project : config ? config->projects : util::empty<std::vector<model::Project>>()) {
    for (const auto& route : project.routes) {
      hosts.insert(route.match.scope.hosts.begin(), route.match.scope.hosts.end());
    }
  }
  if (config && config->edge.dashboard.enabled) {
    hosts.insert(rules::normalize_host(config->edge.dashboard.host));
  }
  return hosts;
}

// "route a shadows route b" of one side, with the priorities.
std::map<std::string, std::string> shadowing(const model::Config* config)
{
  std::map<std::string, std::string> out;
  if (!config) {
    return out;
  }
  std::map<const model::Route*, std::string> keys;
  for (const auto& project : config->projects) {
    for (const auto& route : project.routes) {
      keys[&route] = route_key(project, route);
    }
  }
  for (const auto& found : check::shadowed_routes(*config)) {
    out.emplace(keys[found.winner] + " " + keys[found.route],
                "route " + keys[found.winner] + " starts shadowing route " + keys[found.route] +
                    ": it matches every request of it, with a higher priority (" +
                    std::to_string(found.winner_priority) + " > " + std::to_string(found.route_priority) + "), so " +
                    keys[found.route] + " is never reached");
  }
  return out;
}

} // namespace

void plan_risks(const model::Config* base, const model::Config* head, EnvironmentPlan& out)
{
  std::set<std::string> after = served_hosts(head);
  for (const auto& host : served_hosts(base)) {
    bool served = std::any_of(after.begin(), after.end(),
                              [&](const std::string& name) { return model::certificate_covers(name, host); });
    if (!served) {
      out.risks.push_back(host + " stops being served: no router of the head answers it (requests get 404)");
    }
  }
  std::map<std::string, std::string> before = shadowing(base);
  for (const auto& [key, text] : shadowing(head)) {
    if (!before.count(key)) {
      out.risks.push_back(text);
    }
  }
}

} // namespace edgegen::review::detail
