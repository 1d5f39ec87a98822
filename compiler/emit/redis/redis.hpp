#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

#include <map>
#include <string>
#include <vector>

namespace edgegen::emit::redis {

// Target "traefik-redis", per environment:
//   <env>/traefik/kv.json    every key of Traefik's Redis/KV provider, one
//                            sorted JSON object {key: value}, for review;
//   <env>/traefik/redis.txt  `redis-cli --pipe` input (RESP) that applies
//                            exactly that set, atomically (see commands.cpp).
std::vector<OutputFile> render(const model::Config& config);

using Keys = std::map<std::string, std::string>;

// The dynamic configuration as KV keys under the root key: routers,
// services, middlewares and TLS options, except what container labels hold.
Keys keys(const model::Config& config);

// `value` flattened below `prefix` the way Traefik's KV provider reads it:
// maps and lists become path segments (list items numbered from 0), scalars
// strings, and an empty map "true" (the section is on, with its defaults:
// `…/tls = true`, `…/compress = true`). Nulls and empty lists add nothing.
void flatten(const std::string& prefix, const util::Value& value, Keys& out);

// The domains that need a certificate, sorted: for every TLS router whose
// issuer is ACME, the domains of the certificate request covering its host,
// else the host; plus every explicit certificate request of an ACME issuer.
std::vector<std::string> target_domains(const model::Config& config);

// The Redis set recording the keys the last apply wrote, so that the next
// one deletes exactly those: "edgegen:<rootKey>:keys".
std::string applied_keys_name(const model::RedisSettings& settings);

// The RESP commands of redis.txt.
std::string pipe_commands(const model::RedisSettings& settings, const Keys& keys,
                          const std::vector<std::string>& domains);

} // namespace edgegen::emit::redis
