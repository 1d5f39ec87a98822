// An explicit certificate (Edge or Environment `certificates`) that Traefik
// itself must order: Traefik's ACME client orders only what a router names,
// its certResolver and tls.domains, so the request needs a TLS router of its
// issuer with a host it covers. Without one, no output asks for it.
#include "check/check.hpp"

#include "rules/rule.hpp"
#include "util/empty.hpp"

#include <algorithm>
#include <set>

namespace edgegen::check {

namespace {

bool covers(const model::CertificateRequest& request, const std::string& host)
{
  return std::any_of(request.domains.begin(), request.domains.end(), [&](const std::string& domain) {
    return model::certificate_covers(rules::normalize_host(domain), host);
  });
}

} // namespace

void check_requested_certificates(const model::Config& config, diag::Diagnostics& diagnostics)
{
  const auto clients = model::acme_clients(config);
  if (std::find(clients.begin(), clients.end(), model::AcmeClient::traefik) == clients.end()) {
    return; // cert-manager and the certificate worker read the requests themselves
  }
  for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (const auto& request : *requests) {
      const model::Issuer* issuer = model::find_issuer(config, request.issuer.resolved);
      if (!issuer || issuer->type != model::Issuer::Type::acme) {
        continue;
      }
      bool carried = false;
      std::set<std::string> others;
      auto take = [&](const std::string& host, const model::Ref& route_issuer) {
        if (covers(request, host)) {
          if (route_issuer.resolved == issuer->name) {
            carried = true;
          } else if (!route_issuer.resolved.empty()) {
            others.insert("\"" + route_issuer.resolved + "\"");
          }
        }
      };
      for (const auto& project : config.projects) {
        for (const auto& route : project.routes) {
          for (const auto& host :
               route.tls() ? route.match.scope.hosts : util::empty<util::CompactVector<std::string>>()) {
            take(host, route.issuer());
          }
        }
      }
      const auto& dashboard = config.edge.dashboard;
      if (dashboard.enabled && dashboard.tls) {
        take(rules::normalize_host(dashboard.host), dashboard.issuer);
      }
      if (carried || others.empty()) {
        continue; // W0606 speaks of a certificate no served host needs
      }
      std::string names(std::next(others.begin()) == others.end() ? "issuer " : "issuers ");
      for (const auto& name : others) {
        names += (names.back() == ' ' ? "" : ", ") + name;
      }
      diagnostics.error("E0409", request.location,
                        "certificate \"" + request.name + "\" (issuer \"" + issuer->name +
                            "\") is ordered by no router: the routes it covers use " + names,
                        "Traefik orders a certificate only for a router naming its resolver: give one of those routes "
                        "`issuer: " +
                            issuer->name + "`, or give the certificate their issuer");
    }
  }
}

} // namespace edgegen::check
