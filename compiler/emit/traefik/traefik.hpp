#pragma once

#include "emit/loaded_directory.hpp"
#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::traefik {

// Target "traefik": for one environment, <env>/traefik/traefik.yml (static
// configuration) and <env>/traefik/dynamic/*.yml for the file provider: one
// file per project, _shared.yml (shared middlewares, dashboard) and tls.yml,
// handed to `sink` one at a time.
void render(const model::Config& config, const Sink& sink);

// <env>/traefik/dynamic, unless the KV holds the dynamic configuration:
// traefik.yml's file provider reads every YAML and TOML file in it and in
// its subdirectories, not only those render() writes.
std::vector<LoadedDirectory> loaded_directories(const model::Config& config);

util::Value static_config(const model::Config& config);
util::Value project_config(const model::Config& config, const model::Project& project);
util::Value shared_config(const model::Config& config); // null when there is nothing to share
util::Value tls_config(const model::Config& config);

// Router pieces shared by the file provider and later targets (labels, KV).
std::string route_rule(const model::Route& route);
std::string host_rule(const std::string& host); // Host(`h`), or HostRegexp for *.domain
// The tls block of a router for `hosts`: the resolver, and the certificates
// it is to obtain where Traefik cannot read them off the rule; `name_hosts`
// (a raw rule) names every host, so that hosts the rule excludes or cannot
// serve are never ordered.
util::Value router_tls(const model::Config& config, const util::CompactVector<std::string>& hosts,
                       const model::Ref& issuer, bool name_hosts);
std::vector<std::string> default_entry_points(const model::Config& config, bool tls);

// The file provider's router and service of one route / service, also the
// source of the KV keys (traefik-redis).
util::Value router_config(const model::Config& config, const model::Route& route);
util::Value service_config(const model::Service& service);

// The serversTransport of a service with `tls` (serverName, rootCAs,
// insecureSkipVerify), named after the service; null when it sets nothing
// the file provider reads (no `tls`, or only a caSecret). The
// transports of a project's services are added to its `http` (file
// provider, KV), also for services whose routers are docker labels.
util::Value servers_transport(const model::Service& service);
void add_servers_transports(const model::Project& project, util::Value& http);

// Which provider holds what when several targets are on. Every object is
// defined once. With traefik-redis the KV holds all of it, so that every node
// of the fleet loads every route; else containers' routers and services are
// docker labels (compose) and everything else is in the dynamic files.
bool in_compose(const model::Config& config, const model::Service& service); // a compose service
bool in_labels(const model::Config& config, const model::Service& service);
bool dynamic_in_kv(const model::Config& config);
// With traefik-redis, a certificate worker obtains every certificate for the
// fleet (Traefik's ACME cannot be shared by several nodes): routers only ask
// for TLS and no resolver is configured.
bool certificates_from_worker(const model::Config& config);
const model::Service* find_service(const model::Project& project, const model::Ref& service);
// providers.docker / providers.redis of traefik.yml for the targets that are on.
void target_providers(const model::Config& config, util::Value& providers);

// A scalar as a label or KV value: the string Traefik's decoders read back as the
// same value: "true", "42", "0.5"; empty for null, lists and maps.
std::string label_text(const util::Value& value);

} // namespace edgegen::emit::traefik
