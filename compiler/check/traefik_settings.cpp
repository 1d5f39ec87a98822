// The Traefik settings of the Edge that a Kubernetes cluster's Traefik
// reads from its Helm release, not from anything edgegen writes per
// environment: each is written where Edge.spec.kubernetes.traefikValues
// says (emit/kubernetes/traefik_values.cpp), or said to be missing (W0613,
// W0614) so that nothing the input asks for is dropped in silence.
#include "check/check.hpp"
#include "check/internal.hpp"

#include <algorithm>
#include <map>

namespace edgegen::check {

namespace {

using Kind = model::KubernetesSettings::TraefikValues::Kind;

const char* const k_values_hint = "set kubernetes.traefikValues (HelmChartConfig for K3s and RKE2, ConfigMap for a "
                                  "Helm release's valuesFrom) to have edgegen write it, or set it in Traefik's release";

// The exposed ports of the entry points Traefik's Helm chart defines; -1
// for the others.
long chart_port(const std::string& entry_point)
{
  if (entry_point == "web") {
    return 80;
  }
  return entry_point == "websecure" ? 443 : -1;
}

void check_not_written(const model::Config& config, diag::Diagnostics& diagnostics)
{
  const model::Edge& edge = config.edge;
  const std::string prefix = "the kubernetes target writes no Traefik configuration, ";
  for (const auto& entry_point : edge.entry_points) {
    if (entry_point.redirect_to.name.empty()) {
      continue;
    }
    diag::Location at = entry_point.redirect_to.location;
    if (at.file.empty()) {
      at = entry_point.location.file.empty() ? edge.location : entry_point.location;
    }
    diagnostics.warning("W0613", at,
                        prefix + "so entry point \"" + entry_point.name + "\" redirects to \"" +
                            entry_point.redirect_to.name +
                            "\" only if Traefik's Helm release says so (cert-manager's HTTP-01 solver waits on \"" +
                            entry_point.redirect_to.name + "\")",
                        k_values_hint);
  }
  const auto& settings = edge.traefik;
  if (!settings.log_location.file.empty()) {
    diagnostics.warning("W0613", settings.log_location,
                        prefix + "so traefik.log holds only if Traefik's Helm release says so", k_values_hint);
  }
  if (!settings.access_log_location.file.empty()) {
    diagnostics.warning("W0613", settings.access_log_location,
                        prefix + "so traefik.accessLog holds only if Traefik's Helm release says so", k_values_hint);
  }
  if (edge.dashboard.enabled && edge.dashboard.insecure) {
    diagnostics.warning("W0613", edge.dashboard.insecure_location,
                        prefix + "so dashboard.insecure holds only if Traefik's Helm release says so", k_values_hint);
  }
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      std::vector<std::pair<std::string, diag::Location>> hosts;
      if (service.urls.empty()) {
        hosts.emplace_back(service.host, service.location);
      }
      for (size_t i = 0; i < service.urls.size(); ++i) {
        hosts.emplace_back(detail::url_host(service.urls[i]),
                           i < service.url_locations.size() ? service.url_locations[i] : service.location);
      }
      for (const auto& [host, at] : hosts) {
        if (!detail::external_name(host)) {
          continue;
        }
        diagnostics.warning("W0614", at,
                            "service \"" + service.name + "\" of project \"" + project.name + "\": Traefik reaches \"" +
                                host +
                                "\" through an ExternalName Service, which its Kubernetes providers ignore unless "
                                "allowExternalNameServices is set (off by default)",
                            "set kubernetes.traefikValues to have edgegen write it, or set "
                            "providers.kubernetesCRD.allowExternalNameServices and "
                            "providers.kubernetesIngress.allowExternalNameServices in Traefik's Helm values");
      }
    }
  }
}

// What neither the chart's arguments nor anything else of the target can
// carry.
void check_not_writable(const model::Config& config, diag::Diagnostics& diagnostics)
{
  const model::Edge& edge = config.edge;
  for (const auto& entry_point : edge.entry_points) {
    long port = model::address_port(entry_point.address);
    if (port >= 0 && port == chart_port(entry_point.name)) {
      continue;
    }
    diag::Location at = entry_point.address_location.file.empty() ? edge.location : entry_point.address_location;
    diagnostics.warning("W0613", at,
                        "entry point \"" + entry_point.name + "\" (" + entry_point.address +
                            "): the kubernetes target does not define entry points, and Traefik's Helm chart has "
                            "web on port 80 and websecure on port 443",
                        "define it in the `ports` of Traefik's Helm values (exposedPort " +
                            (port < 0 ? std::string("…") : std::to_string(port)) +
                            "), or silence with edgegen.dev/ignore: W0613");
  }
  const auto& settings = edge.traefik;
  if (!settings.access_log_file.empty()) {
    diagnostics.warning("W0613", settings.access_log_file_location,
                        "traefik.accessLog.filePath: the kubernetes target does not write the access log to a file, "
                        "which a pod's file system would not keep; Traefik writes it to standard output",
                        "read it with kubectl logs, or silence with edgegen.dev/ignore: W0613");
  }
}

bool renders_kubernetes(const model::Config& config)
{
  const auto& targets = config.edge.targets;
  return std::find(targets.begin(), targets.end(), "kubernetes") != targets.end();
}

// The settings the Traefik arguments carry, by name: their value and where
// they are written.
using Settings = std::map<std::string, std::pair<std::string, diag::Location>>;

Settings written_settings(const model::Config& config)
{
  const model::Edge& edge = config.edge;
  auto at = [&](const diag::Location& location) { return location.file.empty() ? edge.location : location; };
  Settings out;
  for (const auto& entry_point : edge.entry_points) {
    out["the redirection of entry point \"" + entry_point.name + "\""] = {
        entry_point.redirect_to.name,
        at(entry_point.redirect_to.location.file.empty() ? entry_point.location : entry_point.redirect_to.location)};
  }
  const auto& settings = edge.traefik;
  out["traefik.log"] = {settings.log_level + " " + settings.log_format, at(settings.log_location)};
  out["traefik.accessLog"] = {settings.access_log ? "on " + settings.access_log_format : "off",
                              at(settings.access_log_location)};
  bool insecure = edge.dashboard.enabled && edge.dashboard.insecure;
  out["dashboard.insecure"] = {insecure ? "true" : "false", at(edge.dashboard.insecure_location)};
  return out;
}

} // namespace

void check_traefik_agreement(const model::Model& model, diag::Diagnostics& diagnostics)
{
  const model::Config* first = nullptr;
  Settings first_settings;
  for (const auto& config : model.environments) {
    if (!renders_kubernetes(config) || config.edge.kubernetes.traefik_values.kind == Kind::none) {
      continue;
    }
    Settings settings = written_settings(config);
    if (!first) {
      first = &config;
      first_settings = std::move(settings);
      continue;
    }
    for (const auto& [name, value] : settings) {
      auto found = first_settings.find(name);
      if (found != first_settings.end() && found->second.first == value.first) {
        continue;
      }
      // At the environment's own value (a patch) rather than the Edge's.
      diag::Location at = value.second;
      auto same = [](const diag::Location& a, const diag::Location& b) {
        return a.file == b.file && a.line == b.line && a.column == b.column;
      };
      const diag::Location& edge_at = config.edge.location;
      if (found != first_settings.end() && ((same(at, edge_at) && !same(found->second.second, edge_at)) ||
                                            (at.file == edge_at.file && found->second.second.file != edge_at.file))) {
        at = found->second.second;
      }
      diagnostics.warning("W0613", at,
                          "environments \"" + first->environment.name + "\" and \"" + config.environment.name +
                              "\" share the cluster's one Traefik but set " + name +
                              " differently, so the kubernetes target writes it for neither",
                          "make the environments agree, or set it in Traefik's Helm release");
    }
  }
}

void check_traefik_settings(const model::Config& config, diag::Diagnostics& diagnostics)
{
  if (!renders_kubernetes(config)) {
    return;
  }
  if (config.edge.kubernetes.traefik_values.kind == Kind::none) {
    check_not_written(config, diagnostics);
  }
  check_not_writable(config, diagnostics);
}

} // namespace edgegen::check
