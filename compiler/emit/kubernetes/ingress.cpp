// Routing `ingress`: a networking.k8s.io/v1 Ingress per route, configured
// for Traefik through its router annotations, with its certificate from
// cert-manager's ingress-shim or from a requested (wildcard) Certificate.
#include "emit/kubernetes/internal.hpp"

#include "util/strings.hpp"

namespace edgegen::emit::kubernetes::detail {

namespace {

using util::Value;

const std::string k_router = "traefik.ingress.kubernetes.io/router.";

Value path_of(const model::Route& route, const Backend& backend)
{
  Value out;
  if (!route.path().empty()) {
    out["path"] = route.path();
    out["pathType"] = "Exact";
  } else {
    out["path"] = route.path_prefix().empty() ? "/" : route.path_prefix();
    out["pathType"] = "Prefix";
  }
  out["backend"]["service"]["name"] = backend.name;
  out["backend"]["service"]["port"]["number"] = backend.port;
  return out;
}

void shim_annotations(Value& annotations, const Certificate& certificate)
{
  const char* key = certificate.issuer->cluster_scoped ? "cert-manager.io/cluster-issuer" : "cert-manager.io/issuer";
  annotations[key] = certificate.issuer->name;
  if (!certificate.duration_text().empty()) {
    annotations["cert-manager.io/duration"] = std::string(certificate.duration_text());
  }
  if (!certificate.renew_before_text().empty()) {
    annotations["cert-manager.io/renew-before"] = std::string(certificate.renew_before_text());
  }
}

} // namespace

// Traefik's Ingress provider names CRD objects (middlewares, TLS options) "<namespace>-<name>@kubernetescrd";
// a name with '@' already names its provider.
std::string crd_reference(const Context& context, const std::string& name)
{
  if (name.find('@') != std::string::npos || name == k_default_tls_option) {
    return name;
  }
  return context.namespace_name + "-" + name + "@kubernetescrd";
}

util::Value ingress(const Context& context, const model::Project& project, const model::Route& route)
{
  Value out = object("networking.k8s.io/v1", "Ingress", route.output_name(), context.namespace_name);
  Value& annotations = out["metadata"]["annotations"];
  annotations[k_router + "entrypoints"] =
      util::join(route_entry_points(context.config, route.entry_points(), route.tls()), ",");
  if (!route.middlewares().empty()) {
    std::vector<std::string> references;
    for (const auto& name : traefik_middleware_names(route.middlewares())) {
      references.push_back(crd_reference(context, name));
    }
    annotations[k_router + "middlewares"] = util::join(references, ",");
  }
  if (route.match.priority) {
    annotations[k_router + "priority"] = std::to_string(*route.match.priority);
  }
  Value& spec = out["spec"];
  spec["ingressClassName"] = context.config.edge.kubernetes.ingress_class;
  Value rule;
  rule["host"] = route.host();
  if (const model::Service* service = service_of(project, route)) {
    auto found = backends(*service);
    if (!found.empty()) {
      rule["http"]["paths"].push_back(path_of(route, found[0]));
    }
  }
  spec["rules"].push_back(std::move(rule));
  if (route.tls()) {
    annotations[k_router + "tls"] = "true";
    annotations[k_router + "tls.options"] = crd_reference(context, context.tls_option);
    if (const Certificate* certificate = context.plan.for_host(route.host())) {
      Value tls;
      tls["hosts"] = string_list({route.host()});
      tls["secretName"] = certificate->secret_name();
      spec["tls"].push_back(std::move(tls));
      if (certificate->by_ingress_shim() && *certificate->shim_owner == route.output_name()) {
        shim_annotations(annotations, *certificate);
      }
    }
  }
  return out;
}

} // namespace edgegen::emit::kubernetes::detail
