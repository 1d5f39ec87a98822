// Traefik CRD routing: an IngressRoute per route (the same rule as the file
// provider's router), the dashboard, the TLSOption, and the Services of
// servers outside the namespace.
#include "emit/kubernetes/internal.hpp"

#include "emit/traefik/traefik.hpp"
#include "util/strings.hpp"

namespace edgegen::emit::kubernetes::detail {

namespace {

using util::Value;

Value name_refs(const std::vector<std::string>& names)
{
  Value out = Value::list();
  for (const auto& name : names) {
    out.push_back(Value::Map{{"name", name}});
  }
  return out;
}

// The TLS block of an IngressRoute: the Secret of the certificate that
// covers its first host with one (Traefik serves every loaded certificate
// by SNI), and the environment's TLS options. Without a certificate (a
// `files` issuer) Traefik serves its default one.
Value route_tls(const Context& context, const util::CompactVector<std::string>& hosts)
{
  Value tls = Value::map();
  for (const auto& host : hosts) {
    if (const Certificate* certificate = context.plan.for_host(host)) {
      tls["secretName"] = certificate->secret_name();
      break;
    }
  }
  // The TLSOption named `default` is not referenced: Traefik's CRD provider
  // files it as "default", but a reference as "<namespace>-default".
  if (context.tls_option != k_default_tls_option) {
    tls["options"]["name"] = context.tls_option;
  }
  return tls;
}

Value service_ref(const Backend& backend, const model::Service& service)
{
  Value out;
  out["name"] = backend.name;
  out["port"] = backend.port;
  if (backend.scheme != "http") {
    out["scheme"] = backend.scheme;
  }
  if (service.pass_host_header) {
    out["passHostHeader"] = *service.pass_host_header;
  }
  if (std::string transport = transport_name(service); !transport.empty()) {
    out["serversTransport"] = transport;
  }
  // Traefik health-checks ExternalName Services only; a Service of the
  // namespace has its readiness probes instead.
  if (!backend.external_name.empty() && backend.address_type.empty() && !service.health_check.is_null()) {
    out["healthCheck"] = service.health_check;
  }
  return out;
}

// An IP address cannot be an ExternalName (the API server wants a DNS
// name): a Service without a selector gets its endpoints from a slice that
// names it, whose port matches the Service's port by name.
Value endpoint_slice(const Context& context, const Backend& backend, const Value& port)
{
  Value out = object("discovery.k8s.io/v1", "EndpointSlice", backend.name, context.namespace_name);
  out["metadata"]["labels"]["kubernetes.io/service-name"] = backend.name;
  // Kubernetes' EndpointSlice controller leaves slices it does not manage alone.
  out["metadata"]["labels"]["endpointslice.kubernetes.io/managed-by"] = "edgegen.dev";
  out["addressType"] = backend.address_type;
  out["endpoints"].push_back(Value::Map{{"addresses", string_list({backend.external_name})}});
  out["ports"].push_back(port);
  return out;
}

} // namespace

std::vector<std::string> traefik_middleware_names(const util::CompactVector<model::Ref>& refs)
{
  std::vector<std::string> out;
  for (const auto& ref : refs) {
    out.push_back(ref.resolved.empty() ? ref.name : ref.resolved);
  }
  return out;
}

std::vector<std::string> route_entry_points(const model::Config& config, const util::CompactVector<model::Ref>& refs,
                                            bool tls)
{
  return refs.empty() ? traefik::default_entry_points(config, tls) : traefik_middleware_names(refs);
}

void label_project(util::Value& object, const model::Project& project)
{
  add_labels(object, {{k_project_label, project.name}});
  add_labels(object, project.labels);
  add_annotations(object, project.annotations);
}

std::string ingress_route_group(const model::Config& config, const model::Route& route)
{
  return util::join(route.match.scope.hosts, ",") + (route.tls() ? " tls " : " plain ") +
         util::join(route_entry_points(config, route.entry_points(), route.tls()), ",");
}

util::Value ingress_route(const Context& context, const model::Project& project,
                          const std::vector<const model::Route*>& routes)
{
  const model::Route& first = *routes.front();
  Value out = object("traefik.io/v1alpha1", "IngressRoute", first.output_name(), context.namespace_name);
  Value& spec = out["spec"];
  spec["entryPoints"] = string_list(route_entry_points(context.config, first.entry_points(), first.tls()));
  for (const auto* route : routes) {
    Value rule;
    rule["kind"] = "Rule";
    rule["match"] = traefik::route_rule(*route);
    if (!route->middlewares().empty()) {
      rule["middlewares"] = name_refs(traefik_middleware_names(route->middlewares()));
    }
    if (route->match.priority) {
      rule["priority"] = *route->match.priority;
    }
    rule["services"] = Value::list();
    if (const model::Service* service = service_of(project, *route)) {
      for (const auto& backend : backends(*service)) {
        rule["services"].push_back(service_ref(backend, *service));
      }
    }
    spec["routes"].push_back(std::move(rule));
  }
  if (first.tls()) {
    spec["tls"] = route_tls(context, first.match.scope.hosts);
  }
  return out;
}

util::Value dashboard_route(const Context& context)
{
  const auto& dashboard = context.config.edge.dashboard;
  Value out = object("traefik.io/v1alpha1", "IngressRoute", "dashboard", context.namespace_name);
  Value rule;
  rule["kind"] = "Rule";
  rule["match"] = traefik::host_rule(dashboard.host);
  rule["priority"] = model::specific_priority(dashboard.host, "", false);
  if (!dashboard.middlewares.empty()) {
    rule["middlewares"] = name_refs(traefik_middleware_names(dashboard.middlewares));
  }
  rule["services"].push_back(Value::Map{{"kind", "TraefikService"}, {"name", "api@internal"}});
  Value& spec = out["spec"];
  spec["entryPoints"] = string_list(route_entry_points(context.config, dashboard.entry_points, dashboard.tls));
  spec["routes"].push_back(std::move(rule));
  if (dashboard.tls) {
    spec["tls"] = route_tls(context, {dashboard.host});
  }
  return out;
}

util::Value tls_option_object(const Context& context)
{
  const auto& settings = context.config.edge.traefik;
  Value out = object("traefik.io/v1alpha1", "TLSOption", context.tls_option, context.namespace_name);
  out["spec"]["minVersion"] = settings.tls_min_version;
  if (settings.sni_strict) {
    out["spec"]["sniStrict"] = true;
  }
  if (!settings.cipher_suites.empty()) {
    out["spec"]["cipherSuites"] = string_list(settings.cipher_suites);
  }
  return out;
}

std::vector<util::Value> external_services(const Context& context, const model::Service& service)
{
  std::vector<Value> out;
  bool ingress = context.config.edge.kubernetes.routing == model::KubernetesSettings::Routing::ingress;
  for (const auto& backend : backends(service)) {
    if (backend.external_name.empty()) {
      continue;
    }
    Value svc = object("v1", "Service", backend.name, context.namespace_name);
    Value port = Value::Map{{"name", backend.scheme}, {"port", backend.port}, {"protocol", "TCP"}};
    if (backend.address_type.empty()) {
      svc["spec"]["type"] = "ExternalName";
      svc["spec"]["externalName"] = backend.external_name;
    }
    svc["spec"]["ports"].push_back(port);
    // Traefik's Ingress provider reads the scheme and Host header handling
    // from the Service; an IngressRoute carries them itself.
    if (ingress && backend.scheme != "http") {
      svc["metadata"]["annotations"]["traefik.ingress.kubernetes.io/service.serversscheme"] = backend.scheme;
    }
    if (std::string transport = transport_name(service); ingress && !transport.empty()) {
      svc["metadata"]["annotations"]["traefik.ingress.kubernetes.io/service.serverstransport"] =
          crd_reference(context, transport);
    }
    if (ingress && service.pass_host_header) {
      svc["metadata"]["annotations"]["traefik.ingress.kubernetes.io/service.passhostheader"] =
          *service.pass_host_header ? "true" : "false";
    }
    out.push_back(std::move(svc));
    if (!backend.address_type.empty()) {
      out.push_back(endpoint_slice(context, backend, port));
    }
  }
  return out;
}

std::string external_name_note(const std::vector<util::Value>& documents)
{
  auto field = [](const Value& map, const char* key) {
    if (!map.is_map()) {
      return Value();
    }
    auto found = map.as_map().find(key);
    return found == map.as_map().end() ? Value() : found->second;
  };
  for (const auto& document : documents) {
    if (field(document, "kind") == Value("Service") &&
        field(field(document, "spec"), "type") == Value("ExternalName")) {
      return "Traefik ignores the ExternalName Services of this file unless its Kubernetes providers\n"
             "allow them (off by default): providers.kubernetesCRD.allowExternalNameServices=true\n"
             "and providers.kubernetesIngress.allowExternalNameServices=true.";
    }
  }
  return {};
}

} // namespace edgegen::emit::kubernetes::detail
