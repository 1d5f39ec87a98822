// What the traefik-redis target cannot hand to Traefik's redis provider
// intact. Traefik reads a list of scalars from KV as its items joined with
// ',' and splits the text again on ',' (trimming spaces around each part),
// so an item holding ',' becomes two items and an item's outer spaces are
// lost. And its Redis client takes one server, or several Sentinels when a
// master name is given; several endpoints without one fail at start-up.
#include "check/check.hpp"
#include "diag/location.hpp"

#include "util/strings.hpp"

#include <cctype>

namespace edgegen::check {

namespace {

bool outer_space(const std::string& text)
{
  return !text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) ||
                           std::isspace(static_cast<unsigned char>(text.back())));
}

void check_lists(const model::Middleware& middleware, const util::Value& value, const std::string& pointer,
                 const std::string& where, diag::Diagnostics& diagnostics)
{
  if (value.is_map()) {
    for (const auto& [key, item] : value.as_map()) {
      check_lists(middleware, item, pointer + "/" + diag::pointer_token(key), where, diagnostics);
    }
    return;
  }
  if (!value.is_list()) {
    return;
  }
  const auto& items = value.as_list();
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string item_pointer = pointer + "/" + std::to_string(i);
    if (!items[i].is_string()) {
      check_lists(middleware, items[i], item_pointer, where, diagnostics);
      continue;
    }
    const std::string& text = items[i].as_string();
    if (text.find(',') == std::string::npos && !outer_space(text)) {
      continue;
    }
    const diag::Location location = middleware.location_of(item_pointer);
    std::string problem = text.find(',') != std::string::npos
                              ? "holds ',', where Traefik's KV provider splits it into several items"
                              : "starts or ends with a space, which Traefik's KV provider trims";
    diagnostics.error("E0462", location,
                      "list item \"" + text + "\" of middleware \"" + middleware.name + "\" " + problem + where,
                      "give each part as an item of its own, without spaces around it");
  }
}

} // namespace

void check_redis_kv(const model::Config& config, diag::Diagnostics& diagnostics)
{
  if (!model::has_target(config, "traefik-redis")) {
    return;
  }
  const std::string where = " (environment \"" + config.environment.name + "\")";
  const auto& redis = config.edge.redis;
  if (redis.endpoints.size() > 1 && redis.sentinel_master.empty()) {
    diagnostics.error("E0464", redis.endpoints_location,
                      std::to_string(redis.endpoints.size()) +
                          " Redis endpoints without a Sentinel master name, which Traefik's redis provider refuses" +
                          where,
                      "give one endpoint, or set redis.sentinel.masterName when the endpoints are Sentinels");
  }
  for (const auto& middleware : config.middlewares) {
    check_lists(middleware, middleware.config, "", where, diagnostics);
  }
  for (const auto& project : config.projects) {
    for (const auto& middleware : project.middlewares) {
      check_lists(middleware, middleware.config, "", where, diagnostics);
    }
  }
}

} // namespace edgegen::check
