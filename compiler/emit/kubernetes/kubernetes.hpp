#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"
#include "util/arena.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edgegen::emit::kubernetes {

// Target "kubernetes": for one environment, <env>/kubernetes/ holds one
// Kustomize directory per layer, applied in this order:
//   issuers/          a cert-manager Issuer per namespaced ACME issuer
//   certificates/     cert-manager Certificates
//   routes/           TLSOption, shared Middlewares, the dashboard, and the projects
// With Edge.spec.kubernetes.shards > 1 the projects' certificates and routes
// move to certificates-<n>/ and routes-<n>/ of their shard n; certificates/
// and routes/ keep what no project owns (requests, the dashboard).
// Each directory builds alone: kustomize's build time grows with the square
// of the objects in one build, so no kustomization includes another.
// Files are handed to `sink` one at a time.
void render(const model::Config& config, const Sink& sink);

// Cluster-scoped objects (Namespaces, ClusterIssuers) belong to no
// environment: two environments' trees holding the same one would make two
// Flux Kustomizations or Argo CD Applications own it, and pruning one
// environment would delete the other's. So does the TLSOption `default`,
// which Traefik drops when several namespaces define one. They are written once, for every
// environment of `configs` (those with the kubernetes target), to the
// Kustomize directory cluster/kubernetes/, applied once per cluster before
// any environment's layers. check/ makes sure that environments that render
// one of them alike (check_cluster_objects); a difference here is a bug.
void render_cluster(const std::vector<const model::Config*>& configs, const Sink& sink);
inline const char* const k_cluster_directory = "cluster/kubernetes";
// The Flux Kustomization and Argo CD Application that apply it: "<edge>-cluster".
std::string cluster_name(const std::string& edge);

// One Kustomize directory of an environment, for the Flux and ArgoCD objects
// that apply it.
struct Layer
{
  std::string name;                    // "issuers", "certificates-07", "routes", "routes-07"
  std::string path;                    // relative to --out: "prod/kubernetes/issuers"
  std::vector<std::string> depends_on; // layers that must be applied first
  int wave = 0;                        // ArgoCD sync wave: the position in that order
};

// The layers of `config`, in apply order; only shards that hold a project
// are listed.
std::vector<Layer> layers(const model::Config& config);

// The namespace of the environment's objects: the Environment's, else the
// Edge's default.
std::string namespace_of(const model::Config& config);

// Shard (0 ≤ n < shards) of a project: a hash of its name, so a project
// stays in its shard whatever other projects come and go.
int64_t shard_of(const std::string& project, int64_t shards);
// "<layer>" without shards, else "<layer>-<shard of project>" (zero-padded);
// an empty project is the shared directory.
std::string layer_directory(const model::Config& config, const std::string& layer, const std::string& project);

// A run of the model's strings: a request's domains, or a route's one host.
struct DnsNames
{
  const std::string* first = nullptr;
  size_t count = 0;
  const std::string* begin() const { return first; }
  const std::string* end() const { return first + count; }
  size_t size() const { return count; }
};

// Certificates. Every TLS host that an ACME issuer serves is covered by
// exactly one certificate: the first certificate request (Environment, then
// Edge) of its issuer that covers it, else one of its own.
// What a certificate holds of the model (its DNS names, durations, owner and
// project) it points at in the model's own strings: a plan lives no longer
// than the Config it was made from, and a large edge has tens of thousands
// of certificates.
struct Certificate
{
  std::string_view name; // metadata.name, in the plan's memory
  const model::Issuer* issuer = nullptr;
  const model::CertificateRequest* request = nullptr; // null: a certificate of one host
  const std::string* host = nullptr;                  // that host
  // Routing `ingress`: a host of Ingresses only gets its certificate from
  // cert-manager's ingress-shim, through the annotation on one Ingress (the
  // first route of the host, this one), instead of a Certificate object.
  const std::string* shim_owner = nullptr;
  const std::string* project = nullptr; // the project that uses it first; null: a request or the dashboard's

  bool by_ingress_shim() const { return shim_owner != nullptr; }
  DnsNames dns_names() const
  {
    return request ? DnsNames{request->domains.data(), request->domains.size()} : DnsNames{host, 1};
  }
  std::string secret_name() const { return std::string(name) + "-tls"; }
  // The request's, else the issuer's; empty: cert-manager's default.
  std::string_view duration_text() const
  {
    return request && !request->duration.empty() ? request->duration : issuer->duration;
  }
  std::string_view renew_before_text() const
  {
    return request && !request->renew_before.empty() ? request->renew_before : issuer->renew_before;
  }
  std::string_view project_name() const { return project ? *project : std::string_view(); }
};

// A plan lives through its environment's emission, beside the other
// environment's and the files' entries that stay to the end: it is held in
// an arena of mapped pages of its own, which go back at once with the plan
// and leave no holes in the heap between those entries.
struct CertificatePlan
{
  CertificatePlan() = default;
  CertificatePlan(CertificatePlan&&) = default;
  CertificatePlan& operator=(CertificatePlan&&) = delete; // the containers would outlive their arena

  std::unique_ptr<util::Arena> memory = std::make_unique<util::Arena>(); // first: goes last
  std::pmr::vector<Certificate> certificates{memory.get()}; // requests first (input order), then hosts (first use)
  // (TLS host, index in certificates), sorted by host (the model's
  // strings): looked up once per route, never walked.
  std::pmr::vector<std::pair<std::string_view, uint32_t>> by_host{memory.get()};
  const Certificate* for_host(std::string_view host) const;
};

CertificatePlan plan_certificates(const model::Config& config);

// Route pieces shared by IngressRoutes and Ingresses.
// Where a project service is served from, as Kubernetes sees it: a Service
// in the namespace (a host that is a single DNS label, e.g. "team-a-api"),
// or a Service edgegen writes for any other host or one of several `urls`:
// an ExternalName Service for a DNS name, a selector-less Service with an
// EndpointSlice for an IP address (an ExternalName must be a DNS name).
struct Backend
{
  std::string name; // the Service's name
  int64_t port = 0;
  std::string scheme = "http";
  std::string external_name; // the host; empty: an existing Service of the namespace
  std::string address_type;  // "IPv4" or "IPv6" when external_name is an IP address
};
std::vector<Backend> backends(const model::Service& service);

// Whether `route` is written as an Ingress: with routing `ingress`, unless
// an Ingress cannot express it (a raw rule, or a service with several
// servers), which then becomes an IngressRoute like the dashboard.
bool as_ingress(const model::Config& config, const model::Project& project, const model::Route& route);
const model::Service* service_of(const model::Project& project, const model::Route& route);

} // namespace edgegen::emit::kubernetes
