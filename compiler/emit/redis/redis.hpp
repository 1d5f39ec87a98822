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
//   <env>/traefik/redis.txt  `redis-cli --pipe` input (RESP) that brings the
//                            server to exactly that set and the certificate
//                            worker's domains, atomically, writing only what
//                            differs (see commands.cpp).
std::vector<OutputFile> render(const model::Config& config);

using Keys = std::map<std::string, std::string>;

// The dynamic configuration as KV keys under the root key: routers,
// services, middlewares and TLS options, except what container labels hold.
Keys keys(const model::Config& config);

// `value` flattened below `prefix` the way Traefik's KV provider reads it:
// maps and lists become path segments, scalars strings, and an empty map
// "true" (the section is on, with its defaults: `…/tls = true`,
// `…/compress = true`). Nulls and empty lists add nothing. List items are
// numbered from 0, zero-padded to one width ("00" … "11" for 12 items):
// Traefik orders the items of a list by their keys as strings, so unpadded
// "10" would come before "2".
void flatten(const std::string& prefix, const util::Value& value, Keys& out);

// What the certificate worker needs to obtain one domain's certificate:
// the ACME issuer, how it proves control, and the certificate the domain is
// part of (a wildcard request groups several domains into one).
struct DomainCertificate
{
  std::string issuer; // the Issuer's name
  std::string server; // the ACME directory URL
  std::string email;
  std::string challenge;                // "http-01" or "dns-01"
  std::string provider;                 // dns-01: the DNS provider (lego's name)
  std::vector<std::string> certificate; // every domain of its certificate, the main one first
};
using DomainCertificates = std::map<std::string, DomainCertificate>;

// The domains that need a certificate: for every TLS router whose issuer is
// ACME, the domains of the certificate request covering its host, else the
// host; plus every explicit certificate request of an ACME issuer. A domain
// two certificates name keeps the first: routes, the dashboard, requests.
DomainCertificates certificate_domains(const model::Config& config);
// Their names, sorted.
std::vector<std::string> target_domains(const model::Config& config);

// The hash beside the domain set that describes one domain for the
// certificate worker: "<domainsKey>:<domain>", and its fields (issuer,
// server, email, challenge, provider for dns-01, certificate: the main
// domain, domains: every domain of the certificate, comma-separated).
std::string domain_key(const model::RedisSettings& settings, const std::string& domain);
std::map<std::string, std::string> domain_fields(const DomainCertificate& domain);

// The Redis set recording the keys the last apply wrote (Traefik's keys and
// the domain hashes), so that the next one deletes exactly those that are
// no longer wanted: "edgegen:<rootKey>:keys".
std::string applied_keys_name(const model::RedisSettings& settings);
// The Redis set recording the members of the domain set that an apply
// added, the only ones a later apply removes: "edgegen:<rootKey>:domains".
std::string owned_domains_name(const model::RedisSettings& settings);
// The Redis string holding the digest of the last state applied in full,
// which the command after EXEC compares with its own: "edgegen:<rootKey>:digest".
std::string applied_digest_name(const model::RedisSettings& settings);

// The keyspace notifications the apply turns on: Traefik's redis provider
// watches the root key through keyspace events ("__keyspace*:<rootKey>*")
// and asks for these itself when it connects.
inline constexpr const char* k_keyspace_events = "KEA";

// The RESP commands of redis.txt.
std::string pipe_commands(const model::RedisSettings& settings, const Keys& keys, const DomainCertificates& domains);

} // namespace edgegen::emit::redis
