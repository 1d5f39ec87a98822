// Router pieces: rules in Traefik v3 syntax, entry points and TLS settings.
#include "emit/traefik/traefik.hpp"

#include "util/strings.hpp"

namespace edgegen::emit::traefik {

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

// True if certificate `domain` (maybe "*.example.com") serves `host`.
bool covers(const std::string& domain, const std::string& host)
{
  if (domain == host) {
    return true;
  }
  if (!util::starts_with(domain, "*.") || util::starts_with(host, "*.")) {
    return false;
  }
  std::string suffix = domain.substr(1); // ".example.com"
  return util::ends_with(host, suffix) && host.size() > suffix.size() &&
         host.substr(0, host.size() - suffix.size()).find('.') == std::string::npos;
}

const model::CertificateRequest* request_for(const model::Config& config, const std::string& host,
                                             const std::string& issuer)
{
  for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
    for (const auto& request : *requests) {
      if (request.issuer.resolved != issuer) {
        continue;
      }
      for (const auto& domain : request.domains) {
        if (covers(domain, host)) {
          return &request;
        }
      }
    }
  }
  return nullptr;
}

} // namespace

std::string host_rule(const std::string& host)
{
  if (util::starts_with(host, "*.")) {
    return "HostRegexp(`^[a-z0-9-]+" + regex_escape(host.substr(1)) + "$`)";
  }
  return "Host(`" + host + "`)";
}

std::string route_rule(const model::Route& route)
{
  if (!route.rule.empty()) {
    return route.rule;
  }
  std::string rule = host_rule(route.host);
  if (!route.path.empty()) {
    rule += " && Path(`" + route.path + "`)";
  } else if (!route.path_prefix.empty() && route.path_prefix != "/") {
    rule += " && PathPrefix(`" + route.path_prefix + "`)";
  }
  return rule;
}

std::vector<std::string> default_entry_points(const model::Config& config)
{
  std::vector<std::string> out;
  for (const auto& entry_point : config.edge.entry_points) {
    if (entry_point.redirect_to.name.empty()) {
      out.push_back(entry_point.name);
    }
  }
  return out;
}

util::Value router_tls(const model::Config& config, const std::string& host, const model::Ref& issuer_ref)
{
  util::Value tls = util::Value::map();
  const model::Issuer* issuer = model::find_issuer(config, issuer_ref.resolved);
  if (!issuer || issuer->type != model::Issuer::Type::acme) {
    return tls; // certificates come from tls.yml (files issuer) or the default store
  }
  tls["certResolver"] = issuer->name;
  std::vector<std::string> domains;
  if (const auto* request = request_for(config, host, issuer->name)) {
    domains = request->domains;
  } else if (util::starts_with(host, "*.")) {
    domains = {host}; // a HostRegexp tells the resolver nothing; name the wildcard
  }
  if (!domains.empty()) {
    util::Value domain;
    domain["main"] = domains[0];
    if (domains.size() > 1) {
      util::Value sans = util::Value::list();
      for (size_t i = 1; i < domains.size(); ++i) {
        sans.push_back(domains[i]);
      }
      domain["sans"] = sans;
    }
    tls["domains"].push_back(domain);
  }
  return tls;
}

} // namespace edgegen::emit::traefik
