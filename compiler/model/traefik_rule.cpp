// A route's match: the hosts and paths it serves (its scope) and its
// priority, made once per route, and its Traefik rule, which a route of host
// and path makes again wherever it is written. It lives with the model, not
// in emit/traefik, because every check and every target reads the hosts and
// paths of a route from this one result.
#include "model/model.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::model {

namespace {

std::string regex_escape(std::string_view s)
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

void append_host_rule(std::string& out, const std::string& host)
{
  if (util::starts_with(host, "*.")) {
    // One label in front of the domain, as a wildcard certificate covers.
    out += "HostRegexp(";
    util::append_go_quote(out, "^[a-z0-9-]+" + regex_escape(std::string_view(host).substr(1)) + "$");
  } else {
    out += "Host(";
    util::append_go_quote(out, host);
  }
  out += ')';
}

// Made again wherever a target writes the rule (the model holds none): one
// string, built in place, from the values host_path_of() gives.
std::string generated_rule(const Route& route)
{
  rules::HostPath values = host_path_of(route);
  const std::string& host = *values.host;
  std::string rule;
  rule.reserve(host.size() + (values.path ? values.path->size() : 0) + 40);
  append_host_rule(rule, host);
  if (!values.path) {
    return rule;
  }
  rule += values.exact ? " && Path(" : " && PathPrefix(";
  util::append_go_quote(rule, *values.path);
  rule += ')';
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
  std::string out;
  append_host_rule(out, host);
  return out;
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

rules::HostPath host_path_of(const Route& route)
{
  rules::HostPath out;
  out.host = &route.host();
  out.exact = !route.path().empty();
  const std::string& path = out.exact ? route.path() : route.path_prefix();
  if (out.exact || (!path.empty() && path != "/")) {
    out.path = &path;
  }
  return out;
}

rules::Rule parse_route_rule(const Route& route)
{
  return rules::parse_rule(rule_text(route));
}

std::string rule_text(const Route& route)
{
  return route.raw() ? route.rule() : generated_rule(route);
}

RouteMatch route_match(const Route& route, std::string_view rule)
{
  RouteMatch out;
  if (route.raw()) {
    out.scope = rules::scope_of(rules::parse_rule(rule));
    out.priority = route.priority();
    return out;
  }
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
