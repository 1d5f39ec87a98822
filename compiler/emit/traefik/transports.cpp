// serversTransports: how Traefik speaks TLS to an https service's servers
// (which CA it trusts, which name it verifies), one per service that has
// `tls`, named after the service. The file provider and the KV hold them;
// docker labels can only name one (`<name>@file`).
#include "emit/traefik/traefik.hpp"

namespace edgegen::emit::traefik {

util::Value servers_transport(const model::Service& service)
{
  util::Value out;
  if (!service.tls) {
    return out;
  }
  const model::BackendTls& tls = *service.tls;
  if (!tls.server_name.empty()) {
    out["serverName"] = tls.server_name;
  }
  if (!tls.ca.empty()) {
    out["rootCAs"].push_back(tls.ca);
  }
  if (tls.insecure_skip_verify) {
    out["insecureSkipVerify"] = true;
  }
  return out;
}

void add_servers_transports(const model::Project& project, util::Value& http)
{
  for (const auto& service : project.services) {
    if (util::Value transport = servers_transport(service); !transport.is_null()) {
      http["serversTransports"][service.output_name] = std::move(transport);
    }
  }
}

} // namespace edgegen::emit::traefik
