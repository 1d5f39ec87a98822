// Router pieces: rules in Traefik v3 syntax, entry points and TLS settings.
#include "emit/traefik/traefik.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::emit::traefik {

std::string host_rule(const std::string& host)
{
  return model::traefik_host_rule(host);
}

std::string route_rule(const model::Route& route)
{
  return model::rule_text(route);
}

std::vector<std::string> default_entry_points(const model::Config& config, bool tls)
{
  return model::entry_points_of(config, {}, tls);
}

util::Value router_tls(const model::Config& config, const util::CompactVector<std::string>& hosts,
                       const model::Ref& issuer_ref, bool name_hosts)
{
  util::Value tls = util::Value::map();
  const model::Issuer* issuer = model::find_issuer(config, issuer_ref.resolved);
  if (!issuer || issuer->type != model::Issuer::Type::acme) {
    return tls; // certificates come from tls.yml (files issuer) or the default store
  }
  tls["certResolver"] = issuer->name;
  // One entry per certificate: a request that covers a host, a wildcard
  // (a HostRegexp tells the resolver nothing), and with `name_hosts` the
  // rule's other hosts together, as Traefik would take them from the rule
  // but without the hosts it excludes.
  std::vector<std::vector<std::string>> certificates;
  std::vector<std::string> named;
  for (const auto& host : hosts) {
    std::vector<std::string> domains;
    if (const auto* request = model::certificate_request(config, host, issuer->name)) {
      domains = request->domains;
    } else if (util::starts_with(host, "*.")) {
      domains = {host};
    } else if (name_hosts && !rules::is_ip_address(host)) {
      named.push_back(host);
    }
    if (!domains.empty() && std::find(certificates.begin(), certificates.end(), domains) == certificates.end()) {
      certificates.push_back(std::move(domains));
    }
  }
  if (!named.empty()) {
    certificates.push_back(std::move(named));
  }
  for (const auto& domains : certificates) {
    util::Value domain;
    domain["main"] = domains[0];
    if (domains.size() > 1) {
      util::Value sans = util::Value::list();
      for (size_t i = 1; i < domains.size(); ++i) {
        sans.push_back(domains[i]);
      }
      domain["sans"] = std::move(sans);
    }
    tls["domains"].push_back(std::move(domain));
  }
  return tls;
}

} // namespace edgegen::emit::traefik
