#pragma once

#include "import/group.hpp"
#include "import/traefik_config.hpp"
#include "source/source.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace edgegen::import {

// Where the pieces of the desired state come from beyond the plan.
struct Naming
{
  std::string provider = "file"; // the provider the input's references are relative to
  bool compose = false;          // compose labels: services are containers, the target is compose
  bool redis = false;            // Traefik's KV keys: the target is traefik-redis
  std::string root_key;          // their root key ("traefik" is edgegen's default)
  bool kubernetes = false;       // Kubernetes manifests: the target is kubernetes
  std::string worker_issuer;     // redis: a placeholder Issuer for TLS routers whose certificates a worker obtains
  std::map<std::string, std::string> issuers;                     // resolver -> Issuer name
  std::string default_issuer;                                     // a resolver, the one most TLS routers use
  std::string files_issuer;                                       // the Issuer of tls.certificates, "" if none
  std::string acme_storage;                                       // traefik.acmeStorage, "" for edgegen's default
  std::map<size_t, std::vector<std::string>> certificate_domains; // tls.certificates index -> hosts
};

// What `import` prints about the routes: how many got host/path, and each
// kept as a raw rule (file:line: router: rule).
struct Listing
{
  size_t structured = 0;
  std::vector<std::string> raw;
};

// Issuer names, the default issuer, the one ACME storage (others are
// W0615) and the hosts of each certificate file
// (the TLS routers without a resolver whose host the file's path names;
// all of them when there is one file). A certificate that serves none is
// W0615.
Naming name_issuers(const TraefikConfig& config, const std::string& provider, bool compose,
                    diag::Diagnostics& diagnostics);

// The documents, one file per kind and per project ("edge.yaml",
// "issuers.yaml", "middlewares.yaml", "projects/<name>.yaml").
std::vector<source::SourceFile> desired_tree(const TraefikConfig& config, const Plan& plan, const Naming& naming,
                                             Listing& listing);

// Parts of the documents (desired_edge.cpp).
util::Value edge_spec(const TraefikConfig& config, const Naming& naming);
std::vector<std::pair<std::string, util::Value>> issuer_specs(const TraefikConfig& config, const Naming& naming);
// `transport`: the service's serversTransport as read (null for none).
util::Value service_spec(const Service& service, const util::Value& transport, const std::string& rendered,
                         const Naming& naming);
void route_tls(const Router& router, const TraefikConfig& config, const Naming& naming, util::Value& route);
std::string acme_server(const std::string& ca_server);

} // namespace edgegen::import
