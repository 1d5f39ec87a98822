// What the Kubernetes targets need beyond what Traefik does: a cert-manager
// solver for each DNS provider, Secret names instead of users and key files,
// a Git repository for Flux and ArgoCD, one certificate per TLS host.
#include "check/check.hpp"
#include "util/empty.hpp"
#include "util/symbol.hpp"

#include <algorithm>
#include <map>

namespace edgegen::check {

namespace {

bool targets(const model::Config& config, const char* name)
{
  const auto& wanted = config.edge.targets;
  return std::find(wanted.begin(), wanted.end(), name) != wanted.end();
}

void check_solver(const model::Issuer& issuer, diag::Diagnostics& diagnostics)
{
  const auto& solver = issuer.solver;
  if (issuer.type != model::Issuer::Type::acme || solver.type != model::AcmeSolver::Type::dns01 || solver.webhook) {
    return;
  }
  if (solver.provider == "cloudflare" || solver.provider == "digitalocean") {
    if (!solver.api_token) {
      diagnostics.error("E0802", solver.provider_location,
                        "cert-manager's " + solver.provider + " solver needs the API token's Secret",
                        "add solver.dns01.apiTokenSecretRef: {name: …, key: …}");
    }
  } else if (solver.provider != "route53") {
    diagnostics.error("E0801", solver.provider_location,
                      "cert-manager has no DNS-01 solver for provider \"" + solver.provider + "\"",
                      "add solver.dns01.webhook with the groupName and solverName of its cert-manager webhook");
  }
}

// Users, password files and TLS key files are not written to Kubernetes:
// the middleware must name the Secret that holds them.
void check_secrets(const model::Middleware& middleware, diag::Diagnostics& diagnostics)
{
  const auto& type = middleware.type;
  auto secret_of = [&](const char* outer, const char* key) {
    if (!middleware.secret_options.is_map()) {
      return false;
    }
    const auto& options = middleware.secret_options.as_map();
    auto found = options.find(type);
    if (found == options.end() || !found->second.is_map()) {
      return false;
    }
    const util::Value* at = &found->second;
    if (outer) {
      auto inner = at->as_map().find(outer);
      if (inner == at->as_map().end()) {
        return false;
      }
      at = &inner->second;
    }
    return at->is_map() && at->as_map().count(key) > 0;
  };
  if ((type == "basicAuth" || type == "digestAuth") && !secret_of(nullptr, "secret")) {
    diagnostics.error("E0803", middleware.location,
                      "middleware \"" + middleware.name + "\": " + type +
                          " needs the name of the Secret that holds its users for Kubernetes",
                      "add " + type + ".secret; the users never go into the rendered tree");
  }
  if (type != "forwardAuth" || !middleware.config.is_map() || !middleware.config.as_map().count(type)) {
    return;
  }
  const auto& options = middleware.config.as_map().at(type);
  if (!options.is_map() || !options.as_map().count("tls") || !options.as_map().at("tls").is_map()) {
    return;
  }
  const auto& tls = options.as_map().at("tls").as_map();
  if ((tls.count("cert") || tls.count("key")) && !secret_of("tls", "certSecret")) {
    diagnostics.error("E0803", middleware.location,
                      "middleware \"" + middleware.name +
                          "\": forwardAuth.tls needs the name of the Secret that "
                          "holds its client certificate for Kubernetes",
                      "add forwardAuth.tls.certSecret");
  }
  if (tls.count("ca") && !secret_of("tls", "caSecret")) {
    diagnostics.error("E0803", middleware.location,
                      "middleware \"" + middleware.name +
                          "\": forwardAuth.tls needs the name of the Secret that "
                          "holds its CA for Kubernetes",
                      "add forwardAuth.tls.caSecret");
  }
}

// A requested certificate of another issuer would cover the host a second
// time.
void check_requests(const model::Config& config, const std::string& host, const model::Ref& issuer,
                    const diag::Location& location, diag::Diagnostics& diagnostics)
{
  for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
    for (const auto& request : *requests) {
      if (request.issuer.resolved.empty() || request.issuer.resolved == issuer.resolved) {
        continue;
      }
      for (const auto& domain : request.domains) {
        if (model::certificate_covers(domain, host)) {
          std::string name = request.name.empty() ? request.domains[0] : request.name;
          diagnostics.error("E0806", location,
                            "host \"" + host + "\" is covered by certificate \"" + name + "\" of issuer \"" +
                                request.issuer.resolved + "\" but uses issuer \"" + issuer.resolved +
                                "\": it would get a second certificate",
                            "give the route `issuer: " + request.issuer.resolved +
                                "`, or leave its host out of the certificate's domains");
          return;
        }
      }
    }
  }
}

// cert-manager gives a host one certificate from one issuer.
void check_host_issuers(const model::Config& config, diag::Diagnostics& diagnostics)
{
  // host -> issuer, where: a view into the model and a Symbol (a node per
  // TLS host, tens of thousands at 10,000 projects)
  std::map<std::string_view, std::pair<util::Symbol, model::Location>> issuer_of;
  auto use = [&](const std::string& host, const model::Ref& issuer, const diag::Location& location) {
    if (host.empty() || issuer.resolved.empty()) {
      return;
    }
    const model::Issuer* found = model::find_issuer(config, issuer.resolved);
    if (found && found->type == model::Issuer::Type::acme) {
      check_requests(config, host, issuer, location, diagnostics);
    }
    auto [it, inserted] = issuer_of.emplace(host, std::make_pair(issuer.resolved, model::Location(location)));
    if (!inserted && it->second.first != issuer.resolved) {
      diagnostics.error("E0805", location,
                        "host \"" + host + "\" gets its certificate from issuer \"" + it->second.first +
                            "\" already; in Kubernetes a host has one certificate",
                        "the other route is at " + diag::format_location(it->second.second) +
                            "; give both the same issuer");
    }
  };
  if (config.edge.dashboard.enabled && config.edge.dashboard.tls) {
    use(config.edge.dashboard.host, config.edge.dashboard.issuer, config.edge.dashboard.location);
  }
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      for (const auto& host : route.tls() ? route.match.scope.hosts : util::empty<util::CompactVector<std::string>>()) {
        if (!rules::is_ip_address(host)) {
          use(host, route.issuer(), route.location());
        }
      }
    }
  }
}

} // namespace

void check_kubernetes(const model::Config& config, diag::Diagnostics& diagnostics)
{
  for (const char* target : {"flux", "argocd"}) {
    if (targets(config, target) && config.edge.git.url.empty()) {
      diagnostics.error("E0804", config.edge.location, std::string("the ") + target + " target needs Edge.spec.git",
                        "set git.url (and branch, path) to where the rendered tree is pushed");
    }
  }
  for (const char* target : {"flux", "argocd"}) {
    if (targets(config, target) && !targets(config, "kubernetes")) {
      diagnostics.error("E0808", config.edge.location,
                        std::string("the ") + target + " target applies what the kubernetes target renders",
                        "add kubernetes to Edge.spec.targets");
    }
  }
  const std::string& url = config.edge.git.url;
  if (targets(config, "flux") && !url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0 &&
      url.rfind("ssh://", 0) != 0) {
    diagnostics.error("E0807", config.edge.location,
                      "Flux reads Git over http://, https:// or ssh:// only, not \"" + url + "\"",
                      "write an SSH address as ssh://git@host/owner/repository");
  }
  if (!targets(config, "kubernetes")) {
    return;
  }
  for (const auto& issuer : config.issuers) {
    check_solver(issuer, diagnostics);
  }
  for (const auto& middleware : config.middlewares) {
    check_secrets(middleware, diagnostics);
  }
  for (const auto& project : config.projects) {
    for (const auto& middleware : project.middlewares) {
      check_secrets(middleware, diagnostics);
    }
  }
  check_host_issuers(config, diagnostics);
}

} // namespace edgegen::check
