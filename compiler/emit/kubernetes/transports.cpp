// ServersTransports (traefik.io/v1alpha1): how Traefik speaks TLS to an
// https service's servers in Kubernetes. The CA comes from a Secret of the
// namespace (`tls.caSecret`); the file path `tls.ca` means nothing to the
// Traefik pod (check_backend_tls asks for the Secret).
#include "emit/kubernetes/internal.hpp"

namespace edgegen::emit::kubernetes::detail {

std::string transport_name(const model::Service& service)
{
  if (!service.tls) {
    return {};
  }
  const model::BackendTls& tls = *service.tls;
  if (tls.server_name.empty() && tls.ca_secret.empty() && !tls.insecure_skip_verify) {
    return {};
  }
  return object_name(service.output_name, 253);
}

util::Value servers_transport_object(const Context& context, const model::Service& service)
{
  std::string name = transport_name(service);
  if (name.empty()) {
    return {};
  }
  const model::BackendTls& tls = *service.tls;
  util::Value out = object("traefik.io/v1alpha1", "ServersTransport", name, context.namespace_name);
  out["spec"] = util::Value::map();
  if (!tls.server_name.empty()) {
    out["spec"]["serverName"] = tls.server_name;
  }
  if (!tls.ca_secret.empty()) {
    out["spec"]["rootCAs"].push_back(util::Value::Map{{"secret", tls.ca_secret}});
  }
  if (tls.insecure_skip_verify) {
    out["spec"]["insecureSkipVerify"] = true;
  }
  return out;
}

} // namespace edgegen::emit::kubernetes::detail
