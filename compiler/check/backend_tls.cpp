// services.<name>.tls: TLS settings only where Traefik speaks TLS to the
// servers, a CA file it can find, a CA Secret for Kubernetes, and warnings
// where the servers' certificate is not verified or the setting cannot
// reach Traefik.
#include "check/check.hpp"
#include "check/internal.hpp"

namespace edgegen::check {

namespace {

bool https_only(const model::Service& service)
{
  for (const auto& url : model::service_urls(service)) {
    if (url.rfind("https://", 0) != 0) {
      return false;
    }
  }
  return true;
}

// The host of the one server, when it names a Service of the namespace (one
// DNS label), which the team deploys and edgegen does not write; else empty.
std::string namespace_service(const model::Service& service)
{
  auto urls = model::service_urls(service);
  if (urls.size() != 1) {
    return {};
  }
  std::string host = urls[0].substr(urls[0].find("://") + 3);
  host = host.substr(0, host.find_first_of(":/"));
  bool label = host.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
  return label ? host : std::string();
}

void check_service(const model::Config& config, const model::Project& project, const model::Service& service,
                   diag::Diagnostics& diagnostics)
{
  const model::BackendTls& tls = *service.tls;
  const std::string name = "service \"" + service.name + "\" of project \"" + project.name + "\"";
  if (!https_only(service)) {
    diagnostics.error(
        "E0452", tls.location, name + " has tls settings, but Traefik does not reach its servers over https",
        service.urls.empty() ? "set `scheme: https`, or remove `tls`" : "give every url https://, or remove `tls`");
  }
  if (!tls.ca.empty() && tls.ca.front() != '/') {
    diagnostics.error("E0453", tls.ca_location, "tls.ca \"" + tls.ca + "\" of " + name + " is not an absolute path",
                      "give the CA file's path in the Traefik container, such as /etc/traefik/ca/" + service.name +
                          ".pem");
  }
  bool kubernetes = model::has_target(config, "kubernetes");
  if (kubernetes && !tls.ca.empty() && tls.ca_secret.empty()) {
    diagnostics.error("E0454", tls.ca_location,
                      name + ": tls.ca is a file, which the Traefik pod does not have; Kubernetes needs the name of "
                             "the Secret that holds the CA",
                      "add tls.caSecret: the Secret of the namespace with the CA under ca.crt or tls.ca");
  }
  if (tls.insecure_skip_verify) {
    diagnostics.warning("W0611", tls.insecure_location,
                        name + ": insecureSkipVerify accepts any certificate its servers present, so anyone between "
                               "Traefik and them can read and change the traffic",
                        "trust the servers' CA with tls.ca (tls.caSecret for Kubernetes) instead");
  }
  std::string target = namespace_service(service);
  bool transport = !tls.server_name.empty() || !tls.ca_secret.empty() || tls.insecure_skip_verify;
  if (kubernetes && transport && !target.empty() && detail::served_as_ingress(config, project, service)) {
    const std::string& namespace_name = config.environment.kubernetes_namespace.empty()
                                            ? config.edge.kubernetes.namespace_name
                                            : config.environment.kubernetes_namespace;
    diagnostics.warning("W0612", tls.location,
                        name +
                            " is reached through an Ingress, where Traefik reads its serversTransport from the "
                            "annotations of Service \"" +
                            target + "\", which edgegen does not write",
                        "annotate Service \"" + target +
                            "\" with traefik.ingress.kubernetes.io/service.serverstransport: " + namespace_name + "-" +
                            service.output_name + "@kubernetescrd");
  }
}

} // namespace

void check_backend_tls(const model::Config& config, diag::Diagnostics& diagnostics)
{
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      if (service.tls) {
        check_service(config, project, service, diagnostics);
      }
    }
  }
}

} // namespace edgegen::check
