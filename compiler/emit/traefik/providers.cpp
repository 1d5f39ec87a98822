// Several targets, one Traefik: which provider holds which object, and the
// providers traefik.yml names for them.
#include "emit/traefik/traefik.hpp"

namespace edgegen::emit::traefik {

bool in_compose(const model::Config& config, const model::Service& service)
{
  return service.container && model::has_target(config, "compose");
}

bool in_labels(const model::Config& config, const model::Service& service)
{
  // With traefik-redis every Traefik of the fleet reads the KV, and only the
  // one beside the containers would read their labels.
  return in_compose(config, service) && !dynamic_in_kv(config);
}

bool dynamic_in_kv(const model::Config& config)
{
  return model::has_target(config, "traefik-redis");
}

bool certificates_from_worker(const model::Config& config)
{
  return dynamic_in_kv(config);
}

const model::Service* find_service(const model::Project& project, const model::Ref& service)
{
  for (const auto& s : project.services) {
    if (s.output_name == service.resolved) {
      return &s;
    }
  }
  return nullptr;
}

void target_providers(const model::Config& config, util::Value& providers)
{
  if (model::has_target(config, "compose") && !dynamic_in_kv(config)) {
    // Only containers that carry traefik.enable=true: the labels edgegen writes.
    providers["docker"]["exposedByDefault"] = false;
    providers["docker"]["network"] = config.edge.compose.network;
  }
  if (dynamic_in_kv(config)) {
    util::Value endpoints = util::Value::list();
    for (const auto& endpoint : config.edge.redis.endpoints) {
      endpoints.push_back(endpoint);
    }
    providers["redis"]["endpoints"] = endpoints;
    providers["redis"]["rootKey"] = config.edge.redis.root_key;
    if (!config.edge.redis.sentinel_master.empty()) {
      providers["redis"]["sentinel"]["masterName"] = config.edge.redis.sentinel_master;
    }
  }
}

} // namespace edgegen::emit::traefik
