// services.<name>.healthCheck for the Kubernetes targets, which can write it
// only where Traefik's Kubernetes providers read it: on the ExternalName
// Service of an IngressRoute (emit/kubernetes/routes.cpp). Everywhere else
// it is said to be dropped (W0621), so that nothing the input asks for is
// dropped in silence.
#include "check/check.hpp"
#include "check/internal.hpp"

namespace edgegen::check {

void check_health_checks(const model::Config& config, diag::Diagnostics& diagnostics)
{
  if (!model::has_target(config, "kubernetes")) {
    return;
  }
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      if (service.health_check.is_null()) {
        continue;
      }
      bool written = !detail::served_as_ingress(config, project, service);
      for (const auto& url : model::service_urls(service)) {
        written = written && detail::external_name(detail::url_host(url));
      }
      if (written) {
        continue;
      }
      const auto& settings = service.health_check.as_map();
      auto path = settings.find("path");
      std::string probe =
          path != settings.end() && path->second.is_string() ? " (httpGet, path " + path->second.as_string() + ")" : "";
      diagnostics.warning("W0621", service.health_check_location,
                          "service \"" + service.name + "\" of project \"" + project.name +
                              "\": the kubernetes target does not write its healthCheck: Traefik's Kubernetes "
                              "providers health-check only the ExternalName Services of an IngressRoute, and send "
                              "a Service's requests to its ready Pods",
                          "give the Pods a readinessProbe" + probe + " instead");
    }
  }
}

} // namespace edgegen::check
