#pragma once

// Shared by the files of emit/kubernetes/; not part of the target's interface.

#include "emit/kubernetes/kubernetes.hpp"
#include "emit/kubernetes/objects.hpp"

namespace edgegen::emit::kubernetes::detail {

// The name that makes a TLSOption Traefik's default TLS options, in
// whatever namespace (there must be one only): those of clients without SNI
// or with an unknown name, and of every router that names none.
inline const char* const k_default_tls_option = "default";

// What every object of one environment is written from.
struct Context
{
  explicit Context(const model::Config& c)
      : config(c), namespace_name(namespace_of(c)), plan(plan_certificates(c)), tls_option(k_default_tls_option)
  {
  }
  const model::Config& config;
  std::string namespace_name;
  CertificatePlan plan;
  // The TLSOption of every TLS route: Traefik's default, as the file and KV
  // targets make the Edge's TLS settings, so that `sniStrict` also holds
  // for clients that send no SNI or an unknown name.
  std::string tls_option;
};

// Ranks: a kustomization.yaml is written after the files it lists.
constexpr int k_rank_resources = 0;
constexpr int k_rank_kustomization = 1;

// A layer's kustomization.yaml: its files and the Edge's labels.
util::Value kustomization(const model::Edge& edge, const std::vector<std::string>& resources);
// A Namespace that no GitOps tool prunes.
util::Value namespace_object(const std::string& name);

// How an Ingress annotation names a Traefik CRD object of the environment's
// namespace ("<namespace>-<name>@kubernetescrd"); the default TLSOption is
// "default" whatever its namespace.
std::string crd_reference(const Context& context, const std::string& name);

// cert-manager
util::Value issuer_object(const Context& context, const model::Issuer& issuer);
util::Value certificate_object(const Context& context, const Certificate& certificate);
// The issuerRef of a certificate / the ingress-shim annotation key.
util::Value issuer_ref(const model::Issuer& issuer);

// Traefik CRDs
util::Value middleware_object(const Context& context, const model::Middleware& middleware);
util::Value tls_option_object(const Context& context);
// One IngressRoute, named after the first, for the routes of a project that
// share their hosts, entry points and TLS (the same group key): Traefik
// makes a router of each entry of its `routes`, as of separate objects, and
// fewer objects keep kustomize builds fast (about 1 ms per object).
std::string ingress_route_group(const model::Config& config, const model::Route& route);
util::Value ingress_route(const Context& context, const model::Project& project,
                          const std::vector<const model::Route*>& routes);
util::Value dashboard_route(const Context& context);
// The ExternalName Services a project service needs (none for a Service of
// the namespace).
std::vector<util::Value> external_services(const Context& context, const model::Service& service);
// The note atop a file with ExternalName Services: Traefik's Kubernetes
// providers skip them unless allowExternalNameServices is set. Empty when
// `documents` hold none.
std::string external_name_note(const std::vector<util::Value>& documents);

// The ServersTransport of a service with `tls` (named after the service;
// empty name / null object when it sets nothing the pod can use), which its
// IngressRoute services and ExternalName Services name.
std::string transport_name(const model::Service& service);
util::Value servers_transport_object(const Context& context, const model::Service& service);

// The HelmChartConfig or ConfigMap that carries the Edge's Traefik settings
// to Traefik's Helm release; null without Edge.spec.kubernetes.traefikValues.
util::Value traefik_values_object(const std::vector<const model::Config*>& configs);

// networking.k8s.io/v1
util::Value ingress(const Context& context, const model::Project& project, const model::Route& route);

// Whether `host` is one DNS label, which names a Service of the
// environment's namespace.
bool is_service_name(const std::string& host);

// Labels of every object of a project (edgegen's label first, then the
// input's), added by render.cpp to each of its documents.
void label_project(util::Value& object, const model::Project& project);

// A route's middlewares as Traefik names them: "<name>", or with '@' as
// written (another provider).
std::vector<std::string> traefik_middleware_names(const util::CompactVector<model::Ref>& refs);
std::vector<std::string> route_entry_points(const model::Config& config, const util::CompactVector<model::Ref>& refs,
                                            bool tls);

} // namespace edgegen::emit::kubernetes::detail
