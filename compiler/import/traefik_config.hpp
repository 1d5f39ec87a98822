#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"
#include "util/value.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace edgegen::import {

// What `import` reads of a Traefik configuration, whoever wrote it: the
// input files, compose labels, or edgegen's own render (the proof reads
// that with the same reader, so both sides are compared in one shape).
// Every object keeps where it was written.

struct Router
{
  std::string name;
  diag::Location location;
  std::string rule;
  diag::Location rule_location;
  std::vector<std::string> entry_points; // empty: every entry point
  std::optional<int64_t> priority;       // as written; 0 is Traefik's "unset"
  std::vector<std::string> middlewares;  // as written, provider suffix included
  std::string service;                   // as written
  bool tls = false;
  std::string cert_resolver;
  std::string tls_options;
  util::Value tls_domains;
  std::string tls_secret; // kubernetes: the Secret of its certificate
  // kubernetes: an Ingress whose spec.tls names this router's host. Traefik
  // loads the Secret's certificate but leaves the router plain: it is TLS
  // only on an entry point that makes its routers TLS (websecure, in
  // Traefik's Helm chart).
  bool ingress_tls = false;
};

struct Service
{
  std::string name;
  diag::Location location;
  std::vector<std::string> urls;
  util::Value health_check;
  std::optional<bool> pass_host_header;
  std::string servers_transport; // as written; its name without "@provider" in transport()
  std::string transport() const { return servers_transport.substr(0, servers_transport.find('@')); }
};

struct Middleware
{
  std::string name;
  diag::Location location;
  std::string type;                 // the one key: "headers", "basicAuth", ...
  util::Value options;              // its value
  const load::Node* node = nullptr; // the options as written (for locations)
};

// A certificate resolver, in one spelling whatever the input's (Traefik's
// deprecated delayBeforeCheck in seconds becomes propagation's duration).
struct Resolver
{
  std::string name;
  diag::Location location;
  std::string email;
  std::string ca_server; // default: Let's Encrypt's production directory
  std::string storage;
  std::string challenge; // "http", "dns" or "tls"
  std::string entry_point;
  std::string provider;
  std::string delay; // "10s"
  std::vector<std::string> resolvers;
  // kubernetes: a cert-manager (Cluster)Issuer
  bool namespaced = false;            // an Issuer rather than a ClusterIssuer
  std::string private_key;            // acme.privateKeySecretRef.name
  util::Value dns_solver;             // dns01's provider block as written ({cloudflare: {...}})
  std::vector<std::string> dns_zones; // the solver's selector.dnsZones
  std::string http01_class;           // the HTTP-01 solver's Ingress class, as written
  diag::Location http01_class_location;
};

struct EntryPoint
{
  std::string name;
  diag::Location location;
  std::string address;
  std::string redirect_to;
  std::string cert_resolver; // http.tls.certResolver: the default of its routers
  bool tls = false;          // http.tls: its routers are TLS ones
};

struct Certificate
{
  diag::Location location;
  std::string cert_file;
  std::string key_file;
};

// kubernetes: a cert-manager Certificate, or what an Ingress asks
// cert-manager's ingress-shim for (its annotations and tls hosts).
struct CertificateRequest
{
  std::string name;
  diag::Location location;
  std::vector<std::string> dns_names; // sorted
  std::string issuer;
  std::string secret_name;
  std::string duration;
  std::string renew_before;
  bool shim = false; // the ingress-shim's, for an Ingress
};

// What the Kubernetes objects say beyond Traefik's configuration.
struct KubernetesSettings
{
  bool any = false;                                       // read from Kubernetes objects
  bool ingress = false;                                   // routers from Ingress objects
  bool ingress_route = false;                             // routers from IngressRoutes
  std::string ingress_class;                              // spec.ingressClassName, "" for none
  std::map<std::string, int> namespaces;                  // metadata.namespace -> objects
  std::map<std::string, CertificateRequest> certificates; // by name
};

struct TraefikConfig
{
  KubernetesSettings kubernetes;
  // dynamic
  std::map<std::string, Router> routers;
  std::map<std::string, Service> services;
  std::set<std::string> refused_services; // reported already (E0429): their routers are not reported again
  std::map<std::string, Middleware> middlewares;
  std::map<std::string, util::Value> servers_transports; // http.serversTransports, what edgegen models of each
  std::map<std::string, diag::Location> transport_locations;
  std::vector<Certificate> certificates;
  util::Value tls_default_options; // tls.options.default
  // static
  bool has_static = false;
  std::map<std::string, EntryPoint> entry_points;
  std::map<std::string, Resolver> resolvers;
  util::Value log;        // log: as written, or null
  util::Value access_log; // accessLog: null when absent
  bool ping = false;
  std::string dynamic_directory; // providers.file.directory
  bool docker_provider = false;
  diag::Location docker_location;
  std::string docker_network;
  bool redis_provider = false; // providers.redis
  std::string redis_root_key;
  std::vector<std::string> redis_endpoints;
  bool dashboard = false; // api.dashboard
  diag::Location dashboard_location;
  bool api_insecure = false; // api.insecure
  diag::Location api_insecure_location;
};

// The YAML (or TOML) reader's tree as plain data.
util::Value to_value(const load::Node& node);

// Reads a static configuration file (entryPoints, providers,
// certificatesResolvers, ...) into `config`. A file that is a dynamic one
// instead is E0427.
void read_static(const load::Node& root, TraefikConfig& config, diag::Diagnostics& diagnostics);

// Reads a dynamic configuration file (http, tls) into `config`; what
// cannot be expressed is reported (E0429 for routers and services, W0615
// for settings), an unknown middleware type is E0428, and a file that is a
// static one instead is E0427.
void read_dynamic(const load::Node& root, TraefikConfig& config, diag::Diagnostics& diagnostics);

// One middleware (`node`: its one type and options, as written) into
// `config`; an unknown type is E0428.
void read_middleware(const std::string& name, const diag::Location& at, const load::Node& node, TraefikConfig& config,
                     diag::Diagnostics& diagnostics);

// What Traefik makes of a router on its entry points: the entry points
// that do not redirect (all when none is listed), sorted, and its TLS
// resolver ("" for none), an entry point's http.tls defaults included.
std::vector<std::string> effective_entry_points(const Router& router, const TraefikConfig& config);
bool effective_tls(const Router& router, const TraefikConfig& config);
std::string effective_resolver(const Router& router, const TraefikConfig& config);

// Every HTTP middleware type of Traefik v3, sorted.
const std::vector<std::string>& middleware_types();

} // namespace edgegen::import
