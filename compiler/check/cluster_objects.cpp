// The cluster directory of the kubernetes target (emit/kubernetes/cluster.cpp)
// holds each cluster-scoped object (and the TLSOption `default`) once for
// every environment, so the
// environments must agree on it; and what cert-manager reads from its own
// flags rather than from an Issuer is reported for that target.
#include "check/check.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace edgegen::check {

namespace {

bool renders_kubernetes(const model::Config& config)
{
  const auto& wanted = config.edge.targets;
  return std::find(wanted.begin(), wanted.end(), "kubernetes") != wanted.end();
}

util::Value secret_text(const std::optional<model::SecretRef>& ref)
{
  return ref ? ref->name + "/" + ref->key : "";
}

util::Value list(const std::vector<std::string>& items)
{
  return util::Value::List(items.begin(), items.end());
}

util::Value map(const model::StringMap& items)
{
  util::Value::Map out;
  for (const auto& [key, value] : items) {
    out[key] = value;
  }
  return out;
}

using Fields = std::vector<std::pair<std::string, util::Value>>;

// What the ClusterIssuer of `issuer` is written from in `config`, field by
// field: two environments that agree on every field render the same object.
Fields issuer_fields(const model::Config& config, const model::Issuer& issuer)
{
  const auto& solver = issuer.solver;
  Fields out = {
      {"acme.email", issuer.email},
      {"acme.server", issuer.server},
      {"acme.privateKeySecretRef", secret_text(issuer.private_key)},
      {"acme.solver", solver.type == model::AcmeSolver::Type::http01 ? "http01" : "dns01"},
      {"acme.solver.dnsZones", list(solver.dns_zones)},
      {"metadata.labels", map(issuer.labels)},
      {"metadata.annotations", map(issuer.annotations)},
  };
  if (solver.type == model::AcmeSolver::Type::dns01) {
    out.push_back({"acme.solver.dns01.provider", solver.provider});
    out.push_back({"acme.solver.dns01.apiTokenSecretRef", secret_text(solver.api_token)});
    if (solver.route53) {
      const auto& r = *solver.route53;
      out.push_back({"acme.solver.dns01.route53",
                     util::Value::List{r.region, r.hosted_zone_id, r.role, secret_text(r.access_key_id),
                                       secret_text(r.secret_access_key)}});
    }
    if (solver.webhook) {
      out.push_back(
          {"acme.solver.dns01.webhook",
           util::Value::List{solver.webhook->group_name, solver.webhook->solver_name, solver.webhook->config}});
    }
    return out;
  }
  // The solver's Ingress: its class, and the router Traefik makes of it (its
  // TLS options are `default`, the same name in every namespace).
  const model::SolverIngress ingress = model::solver_ingress(config, issuer);
  out.push_back(
      {"the Ingress class of the HTTP-01 solver (kubernetes.ingressClassName)", config.edge.kubernetes.ingress_class});
  out.push_back({"the entry point of the HTTP-01 solver", ingress.entry_point});
  return out;
}

struct Rendered
{
  const model::Config* config;
  Fields fields;
};

void check_cluster_issuers(const model::Model& model, diag::Diagnostics& diagnostics)
{
  std::map<std::string, Rendered> first; // issuer -> the first environment that renders it
  for (const auto& config : model.environments) {
    if (!renders_kubernetes(config)) {
      continue;
    }
    for (const auto& issuer : config.issuers) {
      if (issuer.type != model::Issuer::Type::acme || !issuer.cluster_scoped) {
        continue;
      }
      Rendered here{&config, issuer_fields(config, issuer)};
      auto [it, inserted] = first.emplace(issuer.name, here);
      if (inserted) {
        continue;
      }
      const auto& before = it->second;
      for (size_t i = 0; i < here.fields.size() && i < before.fields.size(); ++i) {
        if (here.fields[i].first == before.fields[i].first && here.fields[i].second == before.fields[i].second) {
          continue;
        }
        diagnostics.error("E0443", issuer.location,
                          "ClusterIssuer \"" + issuer.name + "\" would differ between environments \"" +
                              before.config->environment.name + "\" and \"" + config.environment.name + "\" (" +
                              here.fields[i].first + "), but a cluster-scoped object exists once in a cluster",
                          "make it the same in every environment, or make it a namespaced Issuer of each environment "
                          "(kubernetes: {kind: Issuer})");
        break;
      }
    }
  }
}

// The TLSOption `default` is one object of the cluster directory too: the
// environments' `traefik.tls` must agree.
void check_default_tls_option(const model::Model& model, diag::Diagnostics& diagnostics)
{
  const model::Config* first = nullptr;
  for (const auto& config : model.environments) {
    if (!renders_kubernetes(config)) {
      continue;
    }
    if (!first) {
      first = &config;
      continue;
    }
    const auto& a = first->edge.traefik;
    const auto& b = config.edge.traefik;
    const char* field = a.tls_min_version != b.tls_min_version ? "traefik.tls.minVersion"
                        : a.sni_strict != b.sni_strict         ? "traefik.tls.sniStrict"
                        : a.cipher_suites != b.cipher_suites   ? "traefik.tls.cipherSuites"
                                                               : nullptr;
    if (field) {
      diagnostics.error("E0443", config.edge.location,
                        "TLSOption \"default\" would differ between environments \"" + first->environment.name +
                            "\" and \"" + config.environment.name + "\" (" + field +
                            "), but Traefik takes one default TLSOption per cluster",
                        "make traefik.tls the same in every environment");
      return;
    }
  }
}

void check_environment_names(const model::Model& model, diag::Diagnostics& diagnostics)
{
  for (const auto& config : model.environments) {
    if (renders_kubernetes(config) && config.environment.name == "cluster") {
      diagnostics.error("E0444", config.environment.location,
                        "environment name \"cluster\" is taken by the directory of the cluster-scoped objects "
                        "(cluster/kubernetes/, flux/cluster.yaml, argocd/cluster.yaml)",
                        "rename the environment");
    }
  }
}

// cert-manager reads the DNS-01 self-check's nameservers from its controller
// flags, for every issuer at once, and has no delay before the check.
void check_controller_settings(const model::Config& config, diag::Diagnostics& diagnostics)
{
  for (const auto& issuer : config.issuers) {
    const auto& solver = issuer.solver;
    if (issuer.type != model::Issuer::Type::acme || solver.type != model::AcmeSolver::Type::dns01) {
      continue;
    }
    if (!solver.resolvers.empty()) {
      std::string list;
      for (const auto& resolver : solver.resolvers) {
        list += (list.empty() ? "" : ",") + resolver;
      }
      diagnostics.warning("W0609", solver.resolvers_location,
                          "issuer \"" + issuer.name +
                              "\": cert-manager takes the DNS-01 resolvers from its controller's flags, not from an "
                              "Issuer, so the kubernetes target does not render them (environment \"" +
                              config.environment.name + "\")",
                          "start cert-manager with --dns01-recursive-nameservers=" + list +
                              " --dns01-recursive-nameservers-only (Helm: extraArgs)");
    }
    if (!solver.delay_before_check.empty()) {
      diagnostics.warning("W0610", solver.delay_before_check_location,
                          "issuer \"" + issuer.name +
                              "\": cert-manager has no delayBeforeCheck; it checks that the "
                              "DNS-01 record has propagated before asking the CA, so the kubernetes target drops it "
                              "(environment \"" +
                              config.environment.name + "\")",
                          "nothing to do for Kubernetes; silence with edgegen.dev/ignore: W0610");
    }
  }
}

} // namespace

void check_cluster_objects(const model::Model& model, diag::Diagnostics& diagnostics)
{
  check_cluster_issuers(model, diagnostics);
  check_default_tls_option(model, diagnostics);
  check_environment_names(model, diagnostics);
  for (const auto& config : model.environments) {
    if (renders_kubernetes(config)) {
      check_controller_settings(config, diagnostics);
    }
  }
}

} // namespace edgegen::check
