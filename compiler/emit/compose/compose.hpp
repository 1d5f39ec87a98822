#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::compose {

// Target "compose": <env>/compose/compose.yaml holding the Traefik service
// (the traefik target's static and dynamic files mounted read-only, the
// entry points published, a healthcheck on /ping) and, for every project
// service that runs as a container (model::Service::container), the labels
// of Traefik's docker provider. A service without `image` is only its
// labels and network: an override to merge with the team's own compose file
// (`docker compose -f theirs.yaml -f compose.yaml`).
std::vector<OutputFile> render(const model::Config& config);

// The Traefik container.
util::Value traefik_service(const model::Config& config);

// The traefik.* labels of one container: a router for every route of
// `project` to `service`, and the service's load balancer.
util::Value labels(const model::Config& config, const model::Project& project, const model::Service& service);

} // namespace edgegen::emit::compose
