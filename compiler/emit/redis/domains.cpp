// The certificate worker's input: which domains the fleet needs
// certificates for, and how to obtain each. Traefik nodes cannot share ACME
// state, so with traefik-redis they only ask for TLS and a worker obtains
// the certificates.
#include "emit/redis/redis.hpp"

#include "emit/traefik/traefik.hpp"
#include "util/strings.hpp"

namespace edgegen::emit::redis {

namespace {

const model::Issuer* acme(const model::Config& config, const model::Ref& issuer)
{
  const model::Issuer* found = model::find_issuer(config, issuer.resolved);
  return found && found->type == model::Issuer::Type::acme ? found : nullptr;
}

// Every domain of one certificate, the main one first, each described by
// the issuer; a domain already described keeps its first certificate.
void add_certificate(const model::Issuer& issuer, const std::vector<std::string>& certificate, DomainCertificates& out)
{
  DomainCertificate domain;
  domain.issuer = issuer.name;
  domain.server = issuer.server;
  domain.email = issuer.email;
  bool dns01 = issuer.solver.type == model::AcmeSolver::Type::dns01;
  domain.challenge = dns01 ? "dns-01" : "http-01";
  domain.provider = dns01 ? issuer.solver.provider : "";
  domain.certificate = certificate;
  for (const auto& name : certificate) {
    out.emplace(name, domain);
  }
}

// The certificate that would serve `host`: the request covering it (a
// wildcard shared by many hosts), else the host alone.
void add_host(const model::Config& config, const std::string& host, const model::Ref& issuer, DomainCertificates& out)
{
  const model::Issuer* found = acme(config, issuer);
  if (host.empty() || rules::is_ip_address(host) || !found) {
    return;
  }
  util::Value tls = traefik::router_tls(config, {host}, issuer, false);
  if (!tls.as_map().count("domains")) {
    add_certificate(*found, {host}, out);
    return;
  }
  for (const auto& domain : tls["domains"].as_list()) {
    std::vector<std::string> certificate = {domain.as_map().at("main").as_string()};
    if (domain.as_map().count("sans")) {
      for (const auto& san : domain.as_map().at("sans").as_list()) {
        certificate.push_back(san.as_string());
      }
    }
    add_certificate(*found, certificate, out);
  }
}

} // namespace

DomainCertificates certificate_domains(const model::Config& config)
{
  DomainCertificates out;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (!route.tls()) {
        continue;
      }
      for (const auto& host : route.match.scope.hosts) {
        add_host(config, host, route.issuer(), out);
      }
    }
  }
  const auto& dashboard = config.edge.dashboard;
  if (dashboard.enabled && dashboard.tls) {
    add_host(config, dashboard.host, dashboard.issuer, out);
  }
  for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
    for (const auto& request : *requests) {
      if (const model::Issuer* found = acme(config, request.issuer)) {
        add_certificate(*found, request.domains, out);
      }
    }
  }
  return out;
}

std::vector<std::string> target_domains(const model::Config& config)
{
  std::vector<std::string> out;
  for (const auto& [domain, certificate] : certificate_domains(config)) {
    out.push_back(domain);
  }
  return out;
}

std::string domain_key(const model::RedisSettings& settings, const std::string& domain)
{
  return settings.domains_key + ":" + domain;
}

std::map<std::string, std::string> domain_fields(const DomainCertificate& domain)
{
  std::map<std::string, std::string> out = {{"issuer", domain.issuer},
                                            {"server", domain.server},
                                            {"email", domain.email},
                                            {"challenge", domain.challenge},
                                            {"provider", domain.provider},
                                            {"certificate", domain.certificate.at(0)},
                                            {"domains", util::join(domain.certificate, ",")}};
  for (auto it = out.begin(); it != out.end();) {
    it = it->second.empty() ? out.erase(it) : std::next(it);
  }
  return out;
}

} // namespace edgegen::emit::redis
