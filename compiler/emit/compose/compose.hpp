#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::compose {

// Target "compose": <env>/compose/compose.yaml holding the Traefik service
// (the traefik target's static and dynamic files mounted read-only, the
// entry points published, a healthcheck on /ping) and, for every project
// service that runs as a container (model::Service::container), the labels
// of Traefik's docker provider. A service without `image` is only its
// labels and networks: an override to merge with the team's own compose file
// (`docker compose -f theirs.yaml -f compose.yaml`). Every string is written
// with `$` doubled, so compose's interpolation gives back the value.
std::vector<OutputFile> render(const model::Config& config);

// The Traefik container.
util::Value traefik_service(const model::Config& config);

// The Valkey container of compose.valkey, when traefik-redis is on.
util::Value valkey_service(const model::Config& config);
bool valkey_on(const model::Config& config);

// Traefik's own ACME storage (a volume), and the DNS-01 credentials it then
// reads from compose.traefikEnvFile.
bool acme_storage_needed(const model::Config& config);
bool dns_credentials_needed(const model::Config& config);
// The access log goes to a file (traefik.accessLog.filePath), whose
// directory is a volume.
bool access_log_volume_needed(const model::Config& config);

// The traefik.* labels of one container: a router for every route of
// `project` to `service`, and the service's load balancer.
util::Value labels(const model::Config& config, const model::Project& project, const model::Service& service);

// Named volumes of the compose file.
inline constexpr const char* k_acme_volume = "traefik-acme";
inline constexpr const char* k_access_log_volume = "traefik-logs";
inline constexpr const char* k_dynamic_volume = "traefik-dynamic";
inline constexpr const char* k_valkey_volume = "valkey-data";

} // namespace edgegen::emit::compose
