#pragma once

// `edgegen import kubernetes`: Kubernetes manifests (Traefik's CRDs,
// Ingress objects with Traefik's annotations, Services, cert-manager's
// Issuers and Certificates) read into the shape of a Traefik configuration
// (traefik_config.hpp), so that grouping, the desired tree and the proof
// are the other kinds'. The proof reads edgegen's own render with the same
// reader.
#include "diag/diagnostics.hpp"
#include "emit/output.hpp"
#include "import/desired.hpp"
#include "import/group.hpp"
#include "import/proof.hpp"
#include "import/traefik_config.hpp"
#include "load/node.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace edgegen::import {

// Reads every document of the manifests (`roots`, in file order): Services
// first, then everything else. An object that is not Traefik or
// cert-manager configuration (a Deployment, Flux's Kustomization and
// HelmRelease, ...) is W0618; a document that is no Kubernetes object but
// another kind's file (compose, Traefik's own) is E0427.
void read_kubernetes(const std::vector<const load::Node*>& roots, TraefikConfig& config,
                     diag::Diagnostics& diagnostics);

// After reading, on both sides of the proof: a router whose Secret a
// Certificate fills gets its issuer; the HTTP-01 solver's entry point is
// edgegen's choice (kube_proof.cpp).
void finish_kubernetes(TraefikConfig& config);

// The kubernetes target's files of the imported tree's render, read back
// and compared with the input (`in`): proof.cpp's differences, and the
// certificates' (dnsNames, issuer; a Secret's name is a rename).
std::vector<Difference> compare_kubernetes(const TraefikConfig& in, const std::vector<emit::OutputFile>& files,
                                           const Plan& plan, const Naming& naming);

namespace kube {

// The state of one read.
struct Reader
{
  TraefikConfig& config;
  diag::Diagnostics& diagnostics;
  std::map<std::string, const load::Node*> services; // v1 Service objects by name
  std::set<std::string> multi_port;                  // Services reached on more than one port
  // discovery.k8s.io/v1 EndpointSlices by the Service they name
  // (kubernetes.io/service-name): the servers of a selector-less Service.
  std::map<std::string, std::vector<const load::Node*>> endpoint_slices;
};

// metadata.name, metadata.namespace ("" when absent) and metadata.annotations of an object.
std::string name_of(const load::Node& root);
std::string namespace_of(const load::Node& root);
const load::Node* annotations_of(const load::Node& root);

// A middleware reference as Traefik's Kubernetes providers write it
// ("<namespace>-<name>@kubernetescrd", or a CRD reference's name) as the
// Middleware's name.
std::string middleware_reference(const std::string& written, const std::string& namespace_name);

// The Traefik service a backend (a Service and its port, a number or the
// name of one of the Service's ports) stands for, added to the config:
// scheme://host:port, an ExternalName Service's host being its external
// name, and a selector-less Service's servers the addresses of its
// EndpointSlices. "" when the port cannot be told (E0429, reported).
std::string backend_service(Reader& reader, const std::string& name, const load::Node* port, std::string scheme,
                            const diag::Location& at);

// Routes (kube_routes.cpp).
void read_ingress_route(const load::Node& root, Reader& reader);
void read_ingress(const load::Node& root, Reader& reader);

// cert-manager's objects (kube_cert_manager.cpp).
void read_issuer(const load::Node& root, Reader& reader);
void read_certificate(const load::Node& root, Reader& reader);
// The certificates cert-manager's ingress-shim obtains for an Ingress with
// its issuer annotation: one per spec.tls entry.
void shim_certificates(const load::Node& ingress, Reader& reader);

} // namespace kube

} // namespace edgegen::import
