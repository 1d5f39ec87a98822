#pragma once

// The settings of the Edge's targets, with the environment's own applied
// over the Edge's: what Traefik, Git, Flux, Argo CD, compose, the KV store,
// DNS and Kubernetes are told.

#include "diag/location.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace edgegen::model {

using Location = diag::Position; // the pointer is not kept in the model

struct TraefikSettings
{
  std::string dynamic_directory = "/etc/traefik/dynamic";
  std::string acme_storage = "/etc/traefik/acme/acme.json";
  Location acme_storage_location; // the Edge's when not written
  std::string log_level = "INFO";
  std::string log_format; // empty: Traefik's default
  Location log_location;  // empty when not written
  bool access_log = true;
  Location access_log_location; // empty when not written
  // accessLog: {filePath, format}: the file Traefik writes the access log to
  // (empty: standard output) and its format (empty: Traefik's, common).
  std::string access_log_file;
  Location access_log_file_location; // the Edge's when not written
  std::string access_log_format;
  bool ping = true;
  std::string tls_min_version = "VersionTLS12";
  bool sni_strict = false;
  std::vector<std::string> cipher_suites;
};

struct GitSettings
{
  std::string url;
  std::string branch = "main";
  std::string path = ".";
  // The environment's own (Environment.spec.git.revision): a branch, a full
  // ref (refs/tags/v1.2.0) or a commit id; empty: `branch`.
  std::string revision;
  // Flux: the Secret of the GitRepository edgegen renders (spec.secretRef);
  // empty: a public repository. Argo CD finds credentials by URL instead.
  std::string secret_name;
};

// Target "flux": how edgegen's Kustomizations join a Flux repository.
struct FluxSettings
{
  // An existing source (GitRepository, OCIRepository, Bucket) to apply the
  // layers from instead of a GitRepository of edgegen's; empty name: none.
  std::string source_kind = "GitRepository";
  std::string source_name;
  std::string source_namespace; // empty: flux-system
  std::string interval = "10m";
  // Kustomizations of the repository ("name" or "namespace/name") the first
  // layer waits for, e.g. the one installing cert-manager's CRDs.
  std::vector<std::string> depends_on;
};

// Target "argocd": the AppProject of the Applications.
struct ArgoCdSettings
{
  std::string project = "default";
};

// Target "compose": the Traefik container and the labels of the project's
// containers (<env>/compose/compose.yaml).
struct ComposeSettings
{
  std::string traefik_image = "traefik:v3.7.9"; // the official image, pinned
  std::string network = "edge";                 // shared by Traefik and the containers
  bool external_network = false;                // created outside (docker network create)
  std::string traefik_directory = "../traefik"; // host path of the rendered <env>/traefik
  // Host paths, relative to the project directory, of what the input only
  // references: the environment of the Traefik container (DNS providers'
  // credentials, read by lego from variables) and the tree the users files
  // of basicAuth/digestAuth are mounted from (usersFile /a/b -> <dir>/a/b).
  std::string traefik_env_file = "traefik.env";
  std::string secrets_directory = "./secrets";
  // Non-empty: a Valkey container of that image in the compose file, the
  // traefik-redis target's default endpoint (valkey:6379).
  std::string valkey_image;
};

// Target "traefik-redis": where the fleet's Valkey/Redis is and the names of
// the keys edgegen owns there.
struct RedisSettings
{
  std::vector<std::string> endpoints = {"127.0.0.1:6379"};
  Location endpoints_location; // where `endpoints` was written; unset when defaulted
  // Traefik's providers.redis.sentinel.masterName: the endpoints are Redis
  // Sentinels that name the master. Empty: the one endpoint is the server.
  std::string sentinel_master;
  std::vector<Location> endpoint_locations; // parallel to endpoints; empty when not written
  bool endpoints_given = false;
  std::string root_key = "traefik";
  std::string domains_key = "target_domains"; // set of domains for the certificate worker
};

// One zone of target "dns": an apex domain edgegen writes the zone file of.
struct DnsZone
{
  std::string name;                      // the apex, e.g. "home.example.net"
  bool wildcard = false;                 // one "*" record instead of one per host
  std::string cname;                     // non-empty: hosts are CNAMEs of this name
  std::vector<std::string> name_servers; // empty: "ns.<zone>"
  std::string hostmaster;                // empty: "hostmaster.<zone>"
  Location location;
};

// The SOA timers of every zone, in seconds (RFC 1035 3.3.13); `minimum` is
// the TTL of negative answers (RFC 2308). Each location is where the timer
// was written; unset (line 0) when it is the default.
struct DnsSoa
{
  struct Timer
  {
    int64_t value = 0;
    Location location;
  };
  Timer refresh{3600, {}};
  Timer retry{900, {}};
  Timer expire{1209600, {}};
  Timer minimum{300, {}};
};

struct DnsSettings
{
  int64_t version = 1;                // the high part of the SOA serial (see emit/dns)
  std::vector<std::string> addresses; // the Edge's entry addresses: A/AAAA targets
  int64_t ttl = 300;
  std::string directory = "/etc/coredns/zones"; // where the Corefile finds the zone files
  std::vector<DnsZone> zones;
  DnsSoa soa;
  // The Corefile's `.` server block: CoreDNS's forward plugin asks these
  // servers ([dns://|tls://]IP[:port]) every name outside the zones; none:
  // no such block. `tls_server_name` is the name the tls:// servers'
  // certificates must carry (tls_servername).
  std::vector<std::string> forward;
  std::vector<Location> forward_locations; // parallel to forward
  std::string tls_server_name;
  Location tls_server_name_location;
  bool log = false;  // CoreDNS's log plugin in every server block
  Location location; // of the `dns` settings; the Edge's when absent
};

// Settings of the Kubernetes targets (kubernetes, flux, argocd).
struct KubernetesSettings
{
  enum class Routing { crds, ingress };
  Routing routing = Routing::crds;
  std::string namespace_name = "edge"; // when the Environment names none
  std::string ingress_class = "traefik";
  int64_t shards = 1; // certificates-<n>/ and routes-<n>/ per shard when > 1
  // false: the namespaces belong to another tool (a Helm release), and
  // edgegen renders no Namespace.
  bool create_namespace = true;
  // Where edgegen writes the Traefik settings of the Edge that a Helm
  // release of Traefik reads (entry point redirections, logs, ExternalName
  // Services): a K3s HelmChartConfig, a ConfigMap for a release's
  // valuesFrom, or nowhere (the release is configured by hand).
  struct TraefikValues
  {
    enum class Kind { none, helm_chart_config, config_map };
    Kind kind = Kind::none;
    std::string name;           // HelmChartConfig: the HelmChart's (traefik)
    std::string namespace_name; // HelmChartConfig: kube-system
    Location location;
  };
  TraefikValues traefik_values;
};

} // namespace edgegen::model
