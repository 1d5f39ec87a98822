// cert-manager objects: an ACME (Cluster)Issuer per edgegen Issuer and the
// Certificates of the plan.
#include "emit/kubernetes/internal.hpp"

namespace edgegen::emit::kubernetes::detail {

namespace {

using util::Value;

// A SecretKeySelector; cert-manager needs the key, so a reference without
// one gets the key the provider's documentation uses.
Value secret_key(const model::SecretRef& ref, const char* default_key)
{
  Value out;
  out["name"] = ref.name;
  out["key"] = ref.key.empty() ? default_key : ref.key;
  return out;
}

Value http01(const Context& context, const model::Issuer& issuer)
{
  Value ingress;
  ingress["ingressClassName"] = context.config.edge.kubernetes.ingress_class;
  // The router Traefik makes of the solver's Ingress, as model::solver_ingress
  // says and check/ verifies: an entry point's redirection (priority MaxInt - 1)
  // outranks every router but Traefik's own, so on a redirecting entry point the
  // solver waits behind it, on the HTTPS entry point, where the CA follows the
  // redirection; and above every route of the host there.
  const model::SolverIngress solver = model::solver_ingress(context.config, issuer);
  if (!solver.entry_point.empty()) {
    Value& annotations = ingress["ingressTemplate"]["metadata"]["annotations"];
    const std::string router = "traefik.ingress.kubernetes.io/router.";
    annotations[router + "entrypoints"] = solver.entry_point;
    annotations[router + "priority"] = std::to_string(solver.priority);
    if (solver.tls) {
      annotations[router + "tls"] = "true";
      annotations[router + "tls.options"] = crd_reference(context, context.tls_option);
    }
  }
  Value out;
  out["ingress"] = ingress;
  return out;
}

Value dns01(const model::AcmeSolver& solver)
{
  Value out;
  if (solver.webhook) {
    Value& webhook = out["webhook"];
    webhook["groupName"] = solver.webhook->group_name;
    webhook["solverName"] = solver.webhook->solver_name;
    if (!solver.webhook->config.is_null()) {
      webhook["config"] = solver.webhook->config;
    }
  } else if (solver.provider == "cloudflare" && solver.api_token) {
    out["cloudflare"]["apiTokenSecretRef"] = secret_key(*solver.api_token, "api-token");
  } else if (solver.provider == "digitalocean" && solver.api_token) {
    out["digitalocean"]["tokenSecretRef"] = secret_key(*solver.api_token, "access-token");
  } else if (solver.provider == "route53") {
    Value route53 = Value::map();
    if (const auto& settings = solver.route53) {
      route53["region"] = settings->region;
      if (!settings->hosted_zone_id.empty()) {
        route53["hostedZoneID"] = settings->hosted_zone_id;
      }
      if (!settings->role.empty()) {
        route53["role"] = settings->role;
      }
      if (settings->access_key_id) {
        route53["accessKeyIDSecretRef"] = secret_key(*settings->access_key_id, "access-key-id");
      }
      if (settings->secret_access_key) {
        route53["secretAccessKeySecretRef"] = secret_key(*settings->secret_access_key, "secret-access-key");
      }
    }
    out["route53"] = route53; // empty: the controller's ambient AWS credentials
  }
  // Other providers: check/ requires a webhook for them.
  return out;
}

} // namespace

util::Value issuer_ref(const model::Issuer& issuer)
{
  Value out;
  out["group"] = "cert-manager.io";
  out["kind"] = issuer.cluster_scoped ? "ClusterIssuer" : "Issuer";
  out["name"] = issuer.name;
  return out;
}

util::Value issuer_object(const Context& context, const model::Issuer& issuer)
{
  Value out = object("cert-manager.io/v1", issuer.cluster_scoped ? "ClusterIssuer" : "Issuer", issuer.name,
                     issuer.cluster_scoped ? "" : context.namespace_name);
  add_labels(out, issuer.labels);
  add_annotations(out, issuer.annotations);
  Value& acme = out["spec"]["acme"];
  if (!issuer.email.empty()) {
    acme["email"] = issuer.email;
  }
  acme["server"] = issuer.server;
  // cert-manager requires the account key's Secret; it creates it.
  acme["privateKeySecretRef"]["name"] = issuer.private_key ? issuer.private_key->name : issuer.name + "-account-key";
  if (issuer.private_key && !issuer.private_key->key.empty()) {
    acme["privateKeySecretRef"]["key"] = issuer.private_key->key;
  }
  Value solver;
  if (issuer.solver.type == model::AcmeSolver::Type::http01) {
    solver["http01"] = http01(context, issuer);
  } else {
    solver["dns01"] = dns01(issuer.solver);
  }
  if (!issuer.solver.dns_zones.empty()) {
    solver["selector"]["dnsZones"] = string_list(issuer.solver.dns_zones);
  }
  acme["solvers"].push_back(solver);
  return out;
}

util::Value certificate_object(const Context& context, const Certificate& certificate)
{
  Value out = object("cert-manager.io/v1", "Certificate", std::string(certificate.name), context.namespace_name);
  Value& spec = out["spec"];
  spec["dnsNames"] = string_list(certificate.dns_names());
  spec["issuerRef"] = issuer_ref(*certificate.issuer);
  spec["secretName"] = certificate.secret_name();
  if (!certificate.duration_text().empty()) {
    spec["duration"] = std::string(certificate.duration_text());
  }
  if (!certificate.renew_before_text().empty()) {
    spec["renewBefore"] = std::string(certificate.renew_before_text());
  }
  return out;
}

} // namespace edgegen::emit::kubernetes::detail
