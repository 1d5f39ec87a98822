// The Traefik rule a route matches with, and the hosts and paths it serves,
// made once. It lives with the model, not in emit/traefik, because every
// check and every target reads the hosts and paths of a route from this one
// result.
#include "model/model.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::model {

namespace {

std::string regex_escape(const std::string& s)
{
  std::string out;
  for (char c : s) {
    if (std::string_view(".\\+*?()|[]{}^$").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string generated_rule(const Route& route)
{
  std::string rule = traefik_host_rule(route.host());
  if (!route.path().empty()) {
    rule += " && Path(" + util::go_quote(route.path()) + ")";
  } else if (!route.path_prefix().empty() && route.path_prefix() != "/") {
    rule += " && PathPrefix(" + util::go_quote(route.path_prefix()) + ")";
  }
  return rule;
}

// The bands of specific_priority(): the host decides first, then the path.
constexpr int64_t k_exact_host = 20000;
constexpr int64_t k_wildcard_host = 10000;
constexpr int64_t k_exact_path = 5000;
constexpr int64_t k_longest_path = 4999; // longer paths rank as this long

} // namespace

std::string traefik_host_rule(const std::string& host)
{
  if (util::starts_with(host, "*.")) {
    // One label in front of the domain, as a wildcard certificate covers.
    return "HostRegexp(" + util::go_quote("^[a-z0-9-]+" + regex_escape(host.substr(1)) + "$") + ")";
  }
  return "Host(" + util::go_quote(host) + ")";
}

int64_t specific_priority(const std::string& host, const std::string& path, bool exact)
{
  int64_t out = util::starts_with(host, "*.") ? k_wildcard_host : k_exact_host;
  if (exact) {
    out += k_exact_path;
  }
  if (path != "/") {
    out += std::min(static_cast<int64_t>(path.size()), k_longest_path);
  }
  return out;
}

RouteMatch route_match(const Route& route, std::string rule)
{
  RouteMatch out;
  if (route.raw()) {
    out.text = std::move(rule);
    out.scope = rules::scope_of(rules::parse_rule(out.text));
    out.priority = route.priority();
    return out;
  }
  out.text = generated_rule(route);
  // The fields say it directly; a wildcard host is kept as written, where
  // the rule has only its regexp.
  if (!route.host().empty()) {
    out.scope.hosts.push_back(rules::normalize_host(route.host()));
  }
  if (!route.path().empty()) {
    out.scope.paths.push_back({route.path(), true});
  } else if (!route.path_prefix().empty() && route.path_prefix() != "/") {
    out.scope.paths.push_back({route.path_prefix(), false});
  }
  bool exact = !route.path().empty();
  out.priority = route.priority() ? *route.priority()
                                  : specific_priority(route.host(), exact ? route.path() : route.path_prefix(), exact);
  return out;
}

} // namespace edgegen::model
