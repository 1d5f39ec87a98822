// HTTP-01 challenges must reach the solver: the CA sends
// GET http://<domain>/.well-known/acme-challenge/<token> to port 80 and
// follows redirections to ports 80 and 443 only. The request is routed
// through the environment's routers plus the solver's, as each ACME client
// the targets deploy has it answered (model::acme_clients): Traefik's
// acme-http@internal, or the router Traefik makes of cert-manager's solver
// Ingress.
#include "check/check.hpp"
#include "check/requests.hpp"

#include "util/empty.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

namespace edgegen::check {

namespace {

using Kind = model::RoutingTable::Source::Kind;

const std::string k_token = "0edgegen0token0"; // shown as <token>

struct Challenge
{
  const std::string* domain = nullptr; // a route's host in the model, or one of Challenges::normalised
  const model::Issuer* issuer = nullptr;
};

struct Challenges
{
  std::vector<Challenge> list; // by domain, then issuer name; each pair once
  std::deque<std::string> normalised;
};

const model::Issuer* http01_issuer(const model::Config& config, const model::Ref& ref)
{
  const model::Issuer* issuer = model::find_issuer(config, ref.resolved);
  bool http01 =
      issuer && issuer->type == model::Issuer::Type::acme && issuer->solver.type == model::AcmeSolver::Type::http01;
  return http01 ? issuer : nullptr;
}

// Every domain an HTTP-01 issuer validates: the TLS hosts of routes and the
// dashboard (or the domains of the requested certificate that covers them),
// and the requested certificates'. Wildcards are E0442's, IPs get none.
Challenges challenges(const model::Config& config)
{
  Challenges out;
  auto add = [&](const std::string& host, const model::Ref& issuer_ref) {
    const model::Issuer* issuer = http01_issuer(config, issuer_ref);
    if (issuer && !host.empty() && host != "*" && !util::starts_with(host, "*.") && !rules::is_ip_address(host) &&
        !model::certificate_request(config, host, issuer->name)) {
      out.list.push_back({&host, issuer});
    }
  };
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (!route.tls()) {
        continue;
      }
      for (const auto& host : route.match.scope.hosts) {
        add(host, route.issuer()); // the model's string: Challenge keeps a pointer to it
      }
    }
  }
  if (config.edge.dashboard.enabled && config.edge.dashboard.tls) {
    add(out.normalised.emplace_back(rules::normalize_host(config.edge.dashboard.host)), config.edge.dashboard.issuer);
  }
  for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (const auto& request : *requests) {
      const model::Issuer* issuer = http01_issuer(config, request.issuer);
      for (const auto& domain : issuer ? request.domains : util::empty<std::vector<std::string>>()) {
        std::string host = rules::normalize_host(domain);
        if (!util::starts_with(host, "*.") && !rules::is_ip_address(host)) {
          out.list.push_back({&out.normalised.emplace_back(std::move(host)), issuer});
        }
      }
    }
  }
  auto key = [](const Challenge& c) { return std::tie(*c.domain, c.issuer->name); };
  std::sort(out.list.begin(), out.list.end(), [&](const Challenge& a, const Challenge& b) { return key(a) < key(b); });
  out.list.erase(std::unique(out.list.begin(), out.list.end(),
                             [&](const Challenge& a, const Challenge& b) { return key(a) == key(b); }),
                 out.list.end());
  return out;
}

std::string shown(std::string text)
{
  for (size_t at = text.find(k_token); at != std::string::npos; at = text.find(k_token, at)) {
    text.replace(at, k_token.size(), "<token>");
  }
  return text;
}

const rules::EntryPoint* on_port(const model::RoutingTable& table, int port)
{
  for (const auto& entry_point : table.entry_points) {
    if (entry_point.port == port) {
      return &entry_point;
    }
  }
  return nullptr;
}

// Why the challenge fails, and the user route to blame (null: the issuer).
struct Failure
{
  std::string why;
  const model::Route* route = nullptr;
};

// `solver`: the router of the ACME client's solver, which is not in the
// index (Traefik's ACME router, added to the table for this walk only, or
// the one of the challenge's solver Ingress: cert-manager makes one per
// challenge; no other request goes to it), or null.
std::optional<Failure> follow(const model::RoutingTable& table, const detail::HostIndex& index,
                              const Challenge& challenge, model::AcmeClient client, const rules::Router* solver)
{
  std::string url = "http://" + *challenge.domain + "/.well-known/acme-challenge/" + k_token;
  std::string path; // what happened so far
  for (int hop = 0; hop < 10; ++hop) {
    rules::Request request;
    if (rules::make_request(url, "GET", {}, "", request)) {
      return std::nullopt; // not a host a URL can carry: the host checks report it
    }
    const rules::EntryPoint* entry_point = on_port(table, request.port);
    if (!entry_point) {
      return Failure{path + "no entry point listens on port " + std::to_string(request.port) +
                     (hop == 0 ? ", where the CA connects" : "")};
    }
    std::vector<const rules::Router*> routers = index.routers(*challenge.domain);
    if (solver) {
      routers.push_back(solver);
    }
    rules::Outcome outcome = rules::route_request(routers, table.entry_points, request, entry_point->name);
    // Worded only for a failure or a redirection, not for every challenge
    // that reaches its solver.
    auto step = [&] {
      return outcome.kind == rules::Outcome::Kind::redirected
                 ? detail::describe(outcome, table)
                 : "on entry point \"" + entry_point->name + "\": " + detail::describe(outcome, table);
    };
    if (outcome.kind == rules::Outcome::Kind::redirected) {
      rules::Request next;
      if (rules::make_request(outcome.location, "GET", {}, "", next) || (next.port != 80 && next.port != 443)) {
        return Failure{path + step() + ", a port the CA does not follow (only 80 and 443)"};
      }
      path += step() + "; ";
      url = outcome.location;
      continue;
    }
    if (outcome.kind != rules::Outcome::Kind::routed) {
      return Failure{path + step()};
    }
    auto is_solver = [&](const rules::Router& router) {
      const auto& source = table.routes[router.owner];
      return client == model::AcmeClient::traefik
                 ? source.kind == Kind::acme_http
                 : source.kind == Kind::solver_ingress && source.domain == *challenge.domain;
    };
    if (!is_solver(*outcome.winner)) {
      // The route is to blame only when it outranks the solver's router;
      // when that one is not there at all, the issuer's entry point is.
      bool outranked = std::any_of(outcome.matched.begin(), outcome.matched.end(),
                                   [&](const rules::Router* r) { return is_solver(*r); });
      return Failure{path + step(), outranked ? table.routes[outcome.winner->owner].route : nullptr};
    }
    for (size_t i = 1; outcome.tie && i < outcome.matched.size(); ++i) {
      const rules::Router& other = *outcome.matched[i];
      if (other.effective_priority() == outcome.winner->effective_priority() && !is_solver(other)) {
        return Failure{path + "on entry point \"" + entry_point->name + "\": router \"" + std::string(other.name) +
                           "\" has the solver's priority (" + std::to_string(other.effective_priority()) +
                           "), so Traefik may send it there",
                       table.routes[other.owner].route};
      }
    }
    return std::nullopt;
  }
  return Failure{path + "redirected more than 10 times"};
}

} // namespace

void check_acme_challenges(const model::Config& config, detail::Routing& routing, diag::Diagnostics& diagnostics)
{
  const Challenges found = challenges(config);
  const std::vector<Challenge>& all = found.list;
  if (all.empty()) {
    return;
  }
  model::RoutingTable& table = routing.table();
  const detail::HostIndex& index = routing.index();
  for (model::AcmeClient client : model::acme_clients(config)) {
    // Traefik's own ACME router stays in the table for the time of this
    // client's challenges; cert-manager's solver Ingress, for the time of
    // each challenge's request only: at 10,000 projects, one router and
    // parsed rule for every challenge at once took ~14 MB per environment.
    // Either router is tried after the index's, as the last of the table.
    const size_t routers = table.routers.size();
    if (client == model::AcmeClient::traefik) {
      model::add_acme_http_router(config, table);
    }
    const rules::Router* acme_http = table.routers.size() > routers ? &table.routers.back() : nullptr;
    const std::string solver =
        client == model::AcmeClient::traefik
            ? "the solver (Traefik's acme-http@internal, priority MaxInt)"
            : "the solver (cert-manager's solver Ingress, priority " + std::to_string(rules::k_max_priority) + ")";
    // A cause in the issuer's settings is reported once per issuer.
    std::set<const model::Issuer*> reported;
    const bool ingress = client == model::AcmeClient::cert_manager;
    for (const auto& challenge : all) {
      if (ingress) {
        model::add_solver_ingress_router(config, *challenge.issuer, *challenge.domain, k_token, table);
      }
      std::optional<Failure> failure =
          follow(table, index, challenge, client, ingress ? &table.routers.back() : acme_http);
      if (ingress) {
        table.remove_after(routers);
      }
      if (!failure || (!failure->route && !reported.insert(challenge.issuer).second)) {
        continue;
      }
      std::string message = "HTTP-01 challenge for \"" + *challenge.domain + "\" does not reach " + solver +
                            ": GET http://" + *challenge.domain +
                            "/.well-known/acme-challenge/<token>: " + shown(failure->why);
      if (failure->route) {
        diagnostics.error("E0491", failure->route->location(), message,
                          "certificates of issuer \"" + challenge.issuer->name +
                              "\" cannot be renewed: give this route a lower priority, or a rule that leaves "
                              "/.well-known/acme-challenge/ alone");
      } else {
        diagnostics.error("E0491", challenge.issuer->solver.entry_point.location, message,
                          "the CA connects to port 80: answer the challenge on the entry point there, which "
                          "may redirect to port 443, or use a DNS-01 issuer");
      }
    }
    table.remove_after(routers);
  }
}

} // namespace edgegen::check
