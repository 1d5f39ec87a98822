// Settings of the compose, traefik-redis and dns targets. The Edge gives them
// for every environment; an Environment's own replace them field by field
// (a list given there replaces the Edge's list as a whole).
#include "model/internal.hpp"

#include <algorithm>
#include <utility>

namespace edgegen::model::detail {

namespace {

int64_t get_int(const Node& map, const std::string& key, int64_t fallback)
{
  const Node* value = map.find(key);
  return value && value->kind == Node::Kind::integer ? value->integer : fallback;
}

std::vector<std::string> get_strings_or(const Node& map, const std::string& key, std::vector<std::string> fallback)
{
  return map.find(key) ? get_strings(map, key) : fallback;
}

ComposeSettings convert_compose(const Node& spec, ComposeSettings out)
{
  out.traefik_image = get_string(spec, "traefikImage", out.traefik_image);
  out.network = get_string(spec, "network", out.network);
  out.external_network = get_bool(spec, "externalNetwork", out.external_network);
  out.traefik_directory = get_string(spec, "traefikDirectory", out.traefik_directory);
  out.traefik_env_file = get_string(spec, "traefikEnvFile", out.traefik_env_file);
  out.secrets_directory = get_string(spec, "secretsDirectory", out.secrets_directory);
  if (const Node* valkey = spec.find("valkey"); valkey && valkey->is_map()) {
    out.valkey_image = get_string(*valkey, "image", "valkey/valkey:8.1");
  }
  return out;
}

RedisSettings convert_redis(const Node& spec, RedisSettings out)
{
  if (const Node* endpoints = spec.find("endpoints"); endpoints && endpoints->is_list()) {
    out.endpoints = get_strings(spec, "endpoints");
    out.endpoints_location = location_of(spec, "endpoints");
    out.endpoint_locations.clear();
    for (const auto& endpoint : endpoints->items) {
      out.endpoint_locations.push_back(endpoint.location());
    }
    out.endpoints_given = true;
  }
  if (const Node* sentinel = spec.find("sentinel"); sentinel && sentinel->is_map()) {
    out.sentinel_master = get_string(*sentinel, "masterName", out.sentinel_master);
  }
  out.root_key = get_string(spec, "rootKey", out.root_key);
  out.domains_key = get_string(spec, "domainsKey", out.domains_key);
  return out;
}

DnsZone convert_zone(const Node& spec)
{
  DnsZone out;
  out.name = get_string(spec, "name");
  out.wildcard = get_bool(spec, "wildcard", out.wildcard);
  out.cname = get_string(spec, "cname");
  out.name_servers = get_strings(spec, "nameServers");
  out.hostmaster = get_string(spec, "hostmaster");
  out.location = spec.location();
  return out;
}

// Each timer given replaces the one before it (the Edge's, or the default).
void convert_soa(const Node& spec, DnsSoa& out)
{
  for (auto [key, timer] : {std::pair{"refresh", &out.refresh}, std::pair{"retry", &out.retry},
                            std::pair{"expire", &out.expire}, std::pair{"minimum", &out.minimum}}) {
    if (const Node* value = spec.find(key); value && value->kind == Node::Kind::integer) {
      *timer = {value->integer, value->location()};
    }
  }
}

DnsSettings convert_dns(const Node& spec, DnsSettings out)
{
  out.version = get_int(spec, "version", out.version);
  out.addresses = get_strings_or(spec, "addresses", out.addresses);
  out.ttl = get_int(spec, "ttl", out.ttl);
  out.directory = get_string(spec, "directory", out.directory);
  if (const Node* zones = spec.find("zones"); zones && zones->is_list()) {
    out.zones.clear();
    for (const auto& zone : zones->items) {
      out.zones.push_back(convert_zone(zone));
    }
  }
  if (const Node* soa = spec.find("soa"); soa && soa->is_map()) {
    convert_soa(*soa, out.soa);
  }
  if (const Node* forward = spec.find("forward"); forward && forward->is_list()) {
    out.forward = get_strings(spec, "forward");
    out.forward_locations.clear();
    for (const auto& server : forward->items) {
      out.forward_locations.push_back(server.location());
    }
  }
  if (spec.find("tlsServerName")) {
    out.tls_server_name = get_string(spec, "tlsServerName");
    out.tls_server_name_location = location_of(spec, "tlsServerName");
  }
  out.log = get_bool(spec, "log", out.log);
  out.location = spec.location();
  return out;
}

} // namespace

void apply_target_settings(Edge& edge, const Node& spec)
{
  // The environment's targets replace the Edge's.
  if (const Node* targets = spec.find("targets"); targets && targets->is_list()) {
    edge.targets = get_strings(spec, "targets");
    std::sort(edge.targets.begin(), edge.targets.end());
    edge.targets.erase(std::unique(edge.targets.begin(), edge.targets.end()), edge.targets.end());
  }
  if (const Node* git = spec.find("git"); git && git->is_map()) {
    edge.git.revision = get_string(*git, "revision");
  }
  if (const Node* compose = spec.find("compose"); compose && compose->is_map()) {
    edge.compose = convert_compose(*compose, edge.compose);
  }
  if (const Node* redis = spec.find("redis"); redis && redis->is_map()) {
    edge.redis = convert_redis(*redis, edge.redis);
  }
  if (const Node* dns = spec.find("dns"); dns && dns->is_map()) {
    edge.dns = convert_dns(*dns, edge.dns);
  }
}

} // namespace edgegen::model::detail
