// The KV provider's view of the dynamic configuration: the same routers,
// services, middlewares and TLS options the file provider gets, as keys.
#include "emit/redis/redis.hpp"

#include "emit/traefik/traefik.hpp"

namespace edgegen::emit::redis {

namespace {

using util::Value;

Value dynamic_document(const model::Config& config)
{
  Value out = Value::map();
  for (const auto& project : config.projects) {
    out.merge(traefik::project_config(config, project));
  }
  if (Value shared = traefik::shared_config(config); !shared.is_null()) {
    out.merge(shared);
  }
  Value tls = traefik::tls_config(config);
  // `stores: {default: {}}` only restates Traefik's default store; as a key
  // it would read "stores/default = true", which is not a store.
  auto& stores = tls["tls"]["stores"].as_map();
  if (stores.size() == 1 && stores.count("default") && stores["default"].as_map().empty()) {
    tls["tls"].as_map().erase("stores");
  }
  out.merge(tls);
  // A project whose routes are all container labels leaves `http: {}`,
  // which as a key would read "http = true".
  if (out["http"].is_map() && out["http"].as_map().empty()) {
    out.as_map().erase("http");
  }
  return out;
}

} // namespace

void flatten(const std::string& prefix, const util::Value& value, Keys& out)
{
  switch (value.kind()) {
  case Value::Kind::null:
    return;
  case Value::Kind::map:
    if (value.as_map().empty()) {
      out[prefix] = "true";
    }
    for (const auto& [key, item] : value.as_map()) {
      flatten(prefix + "/" + key, item, out);
    }
    return;
  case Value::Kind::list: {
    // One width for every index of the list: Traefik sorts the keys as
    // strings and takes the items in that order (joined with ',' for a list
    // of scalars, one child after another for a list of maps).
    const size_t count = value.as_list().size();
    const size_t width = count ? std::to_string(count - 1).size() : 0;
    for (size_t i = 0; i < count; ++i) {
      std::string index = std::to_string(i);
      index.insert(0, width - index.size(), '0');
      flatten(prefix + "/" + index, value.as_list()[i], out);
    }
    return;
  }
  default:
    out[prefix] = traefik::label_text(value);
  }
}

Keys keys(const model::Config& config)
{
  Keys out;
  flatten(config.edge.redis.root_key, dynamic_document(config), out);
  return out;
}

} // namespace edgegen::emit::redis
