#pragma once

#include "diag/diagnostics.hpp"
#include "model/model.hpp"
#include "model/routing.hpp"

#include <memory>

namespace edgegen::check {

namespace detail {
class Routing; // requests.hpp
} // namespace detail

// Stage entry: every semantic rule over the whole model (all environments).
// Adds diagnostics only; never changes the model.
void check(const model::Model& model, diag::Diagnostics& diagnostics);

// The rules, one file each; check() runs them all.
void check_references(const model::Config& config, diag::Diagnostics& diagnostics);
void check_duplicates(const model::Model& model, diag::Diagnostics& diagnostics);
void check_output_names(const model::Config& config, diag::Diagnostics& diagnostics);
void check_route_claims(const model::Config& config, diag::Diagnostics& diagnostics);
// The rules that read the matchers of the routes' rules get the
// environment's parsed rules, which check() parses once for them all.
void check_rule_syntax(const model::Config& config, const model::SharedRouteRules& parsed,
                       diag::Diagnostics& diagnostics);
void check_hosts(const model::Config& config, diag::Diagnostics& diagnostics);
void check_host_owners(const model::Config& config, diag::Diagnostics& diagnostics);
void check_shadowing(const model::Config& config, const model::SharedRouteRules& parsed,
                     diag::Diagnostics& diagnostics);
// Two routes that can take the same request with the same priority, where
// Traefik's choice is undefined (E0424), reported at both.
void check_priority_ties(const model::Config& config, const model::SharedRouteRules& parsed,
                         diag::Diagnostics& diagnostics);
void check_tls(const model::Config& config, const model::SharedRouteRules& parsed, diag::Diagnostics& diagnostics);
void check_values(const model::Config& config, diag::Diagnostics& diagnostics);
void check_chains(const model::Config& config, diag::Diagnostics& diagnostics);
void check_unused(const model::Model& model, diag::Diagnostics& diagnostics);
void check_ignore_annotations(const model::Model& model, diag::Diagnostics& diagnostics);

// Whether the document a warning is in silences it with the
// edgegen.dev/ignore annotation (for Diagnostics::silence); reads `model`.
std::shared_ptr<const diag::Diagnostics::Silencer> ignored_warnings(const model::Model& model);
void check_targets(const model::Config& config, diag::Diagnostics& diagnostics);
// The dns target's zones, SOA timers and forward servers (E0471-E0473,
// E0493, E0494); check_targets runs it when the target is on.
void check_dns_settings(const model::Config& config, diag::Diagnostics& diagnostics);
void check_kubernetes(const model::Config& config, diag::Diagnostics& diagnostics);
// The cluster-scoped objects environments share (E0443, E0444) and the
// DNS-01 settings cert-manager reads from its flags (W0609, W0610).
void check_cluster_objects(const model::Model& model, diag::Diagnostics& diagnostics);
// services' `tls`: only for https servers (E0452), an absolute CA path
// (E0453), a CA Secret for Kubernetes (E0454); insecureSkipVerify (W0611),
// a transport an Ingress cannot name (W0612).
void check_backend_tls(const model::Config& config, diag::Diagnostics& diagnostics);
// W0621: a service's healthCheck that the kubernetes target cannot write.
void check_health_checks(const model::Config& config, diag::Diagnostics& diagnostics);
// Traefik settings of the Edge that a cluster's Traefik takes from its Helm
// release: written where kubernetes.traefikValues says, else W0613/W0614.
void check_traefik_settings(const model::Config& config, diag::Diagnostics& diagnostics);
// Environments share the cluster's one Traefik: settings they disagree on
// are not written (W0613).
void check_traefik_agreement(const model::Model& model, diag::Diagnostics& diagnostics);
// traefik-redis: list items Traefik's KV decoding would split or trim
// (E0462), several endpoints without a Sentinel master name (E0464).
void check_redis_kv(const model::Config& config, diag::Diagnostics& diagnostics);
// RouteTest cases: each request routed as Traefik would, against what the
// case expects (E0481), naming only what exists (E0482, E0404).
// Explicit ACME certificates that Traefik orders need a router naming them
// (E0409).
void check_requested_certificates(const model::Config& config, diag::Diagnostics& diagnostics);
// Per environment; an unknown name that another environment has says so.
// `parsed`: each environment's parsed rules, in the model's order.
void check_route_tests(const model::Model& model, const std::vector<model::SharedRouteRules>& parsed,
                       diag::Diagnostics& diagnostics);
// The rules that route requests through every host, over the environment's
// one routing table (`routing`, which they leave as they found it).
void check_acme_challenges(const model::Config& config, detail::Routing& routing, diag::Diagnostics& diagnostics);
void check_served_hosts(const model::Config& config, detail::Routing& routing, diag::Diagnostics& diagnostics);

} // namespace edgegen::check
