// The certificate worker's input: which domains the fleet needs
// certificates for. Traefik nodes cannot share ACME state, so with
// traefik-redis they only ask for TLS and a worker obtains the certificates.
#include "emit/redis/redis.hpp"

#include "emit/traefik/traefik.hpp"

#include <set>

namespace edgegen::emit::redis {

namespace {

bool acme(const model::Config& config, const model::Ref& issuer)
{
  const model::Issuer* found = model::find_issuer(config, issuer.resolved);
  return found && found->type == model::Issuer::Type::acme;
}

// The certificate that would serve `host`: the request covering it (a
// wildcard shared by many hosts), else the host alone.
void add_host(const model::Config& config, const std::string& host, const model::Ref& issuer,
              std::set<std::string>& out)
{
  if (host.empty() || rules::is_ip_address(host) || !acme(config, issuer)) {
    return;
  }
  util::Value tls = traefik::router_tls(config, {host}, issuer, false);
  if (!tls.as_map().count("domains")) {
    out.insert(host);
    return;
  }
  for (const auto& domain : tls["domains"].as_list()) {
    out.insert(domain.as_map().at("main").as_string());
    if (domain.as_map().count("sans")) {
      for (const auto& san : domain.as_map().at("sans").as_list()) {
        out.insert(san.as_string());
      }
    }
  }
}

} // namespace

std::vector<std::string> target_domains(const model::Config& config)
{
  std::set<std::string> out;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (!route.tls) {
        continue;
      }
      for (const auto& host : route.match.scope.hosts) {
        add_host(config, host, route.issuer, out);
      }
    }
  }
  const auto& dashboard = config.edge.dashboard;
  if (dashboard.enabled && dashboard.tls) {
    add_host(config, dashboard.host, dashboard.issuer, out);
  }
  for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
    for (const auto& request : *requests) {
      if (acme(config, request.issuer)) {
        out.insert(request.domains.begin(), request.domains.end());
      }
    }
  }
  return {out.begin(), out.end()};
}

} // namespace edgegen::emit::redis
