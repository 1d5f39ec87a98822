// tls.yml: TLS options, the default store, and certificate files that a
// `files` issuer names (laid out on disk by a cert-syncer).
#include "emit/traefik/traefik.hpp"

namespace edgegen::emit::traefik {

util::Value tls_config(const model::Config& config)
{
  using util::Value;
  const auto& settings = config.edge.traefik;
  Value options;
  options["minVersion"] = settings.tls_min_version;
  if (settings.sni_strict) {
    options["sniStrict"] = true;
  }
  if (!settings.cipher_suites.empty()) {
    Value suites = Value::list();
    for (const auto& suite : settings.cipher_suites) {
      suites.push_back(suite);
    }
    options["cipherSuites"] = suites;
  }
  Value tls;
  tls["options"]["default"] = options;
  tls["stores"]["default"] = Value::map();
  for (const auto& issuer : config.issuers) {
    if (issuer.type != model::Issuer::Type::files) {
      continue;
    }
    for (const auto& certificate : issuer.certificates) {
      Value entry;
      entry["certFile"] = certificate.cert_file;
      entry["keyFile"] = certificate.key_file;
      entry["stores"] = Value::List{"default"};
      tls["certificates"].push_back(entry);
    }
  }
  Value out;
  out["tls"] = tls;
  return out;
}

} // namespace edgegen::emit::traefik
