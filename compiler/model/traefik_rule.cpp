// The Traefik rule a route matches with. It lives with the model, not in
// emit/traefik, because check/ must parse exactly what the emitters write.
#include "model/model.hpp"

#include "util/strings.hpp"

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

} // namespace

std::string traefik_host_rule(const std::string& host)
{
  if (util::starts_with(host, "*.")) {
    // One label in front of the domain, as a wildcard certificate covers.
    return "HostRegexp(" + util::go_quote("^[a-z0-9-]+" + regex_escape(host.substr(1)) + "$") + ")";
  }
  return "Host(" + util::go_quote(host) + ")";
}

std::string traefik_rule(const Route& route)
{
  if (!route.rule.empty()) {
    return route.rule;
  }
  std::string rule = traefik_host_rule(route.host);
  if (!route.path.empty()) {
    rule += " && Path(" + util::go_quote(route.path) + ")";
  } else if (!route.path_prefix.empty() && route.path_prefix != "/") {
    rule += " && PathPrefix(" + util::go_quote(route.path_prefix) + ")";
  }
  return rule;
}

} // namespace edgegen::model
