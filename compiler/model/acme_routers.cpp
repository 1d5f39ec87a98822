// The routers that answer ACME HTTP-01 challenges, beside the routes'
// (routers.cpp): Traefik's own when Traefik is the ACME client, and the
// router Traefik makes of cert-manager's solver Ingress. The Kubernetes
// target writes the solver's annotations from solver_ingress(), so what is
// checked is what is emitted.
#include "model/routing.hpp"

#include <algorithm>

namespace edgegen::model {

namespace {

bool http01(const Issuer& issuer)
{
  return issuer.type == Issuer::Type::acme && issuer.solver.type == AcmeSolver::Type::http01;
}

} // namespace

std::vector<AcmeClient> acme_clients(const Config& config)
{
  std::vector<AcmeClient> out;
  if ((has_target(config, "traefik") || has_target(config, "compose")) && !has_target(config, "traefik-redis")) {
    out.push_back(AcmeClient::traefik);
  }
  if (has_target(config, "kubernetes")) {
    out.push_back(AcmeClient::cert_manager);
  }
  return out;
}

void add_acme_http_router(const Config& config, RoutingTable& table)
{
  rules::Router router;
  router.name = "acme-http@internal";
  router.priority = rules::k_acme_http_priority;
  router.internal = true;
  for (const auto& issuer : config.issuers) {
    const std::string& name = issuer.solver.entry_point.name;
    if (http01(issuer) &&
        std::find(router.entry_points.begin(), router.entry_points.end(), name) == router.entry_points.end()) {
      router.entry_points.push_back(name);
    }
  }
  if (!router.entry_points.empty()) {
    table.add(std::move(router), RoutingTable::Source::of_kind(RoutingTable::Source::Kind::acme_http),
              "PathPrefix(`/.well-known/acme-challenge/`)");
  }
}

SolverIngress solver_ingress(const Config& config, const Issuer& issuer)
{
  SolverIngress out;
  out.entry_point = issuer.solver.entry_point.name;
  for (const auto& entry_point : config.edge.entry_points) {
    if (entry_point.name == out.entry_point && !entry_point.redirect_to.name.empty()) {
      // Every request on it is redirected (at MaxInt - 1, above any router
      // but Traefik's own), so the solver waits where the redirection leads.
      out.entry_point = entry_point.redirect_to.name;
      out.tls = true;
    }
  }
  return out;
}

void add_solver_ingress_router(const Config& config, const Issuer& issuer, const std::string& domain,
                               const std::string& token, RoutingTable& table)
{
  SolverIngress ingress = solver_ingress(config, issuer);
  rules::Router router;
  // Traefik's Ingress provider quotes with Go's %q: Host("d") && PathPrefix("/p").
  router.name = "cm-acme-http-solver";
  router.priority = ingress.priority;
  router.entry_points = {ingress.entry_point};
  router.tls = ingress.tls;
  auto source = RoutingTable::Source::of_kind(RoutingTable::Source::Kind::solver_ingress);
  source.issuer = &issuer;
  source.domain = domain;
  table.add(std::move(router), std::move(source),
            "Host(\"" + domain + "\") && PathPrefix(\"/.well-known/acme-challenge/" + token + "\")");
}

RoutingTable traefik_routing_table(const Config& config, SharedRouteRules rules)
{
  RoutingTable table = routing_table(config, std::move(rules));
  const auto clients = acme_clients(config);
  if (std::find(clients.begin(), clients.end(), AcmeClient::traefik) != clients.end()) {
    add_acme_http_router(config, table);
  }
  return table;
}

} // namespace edgegen::model
