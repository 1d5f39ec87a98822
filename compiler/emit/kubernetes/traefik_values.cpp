// The Traefik settings of the Edge that Traefik's Helm release reads, as
// command-line arguments of the chart (`additionalArguments`): the chart's
// keys for entry points and logs change between its major versions, the
// arguments of Traefik v3 do not. Written to the cluster directory as a
// HelmChartConfig (K3s, RKE2) or as a ConfigMap for a release's valuesFrom.
#include "emit/kubernetes/internal.hpp"

#include <algorithm>

namespace edgegen::emit::kubernetes {

namespace {

using util::Value;
using Kind = model::KubernetesSettings::TraefikValues::Kind;

std::string quoted(const std::string& text)
{
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

bool has_external_names(const std::vector<const model::Config*>& configs)
{
  for (const auto* config : configs) {
    const detail::Context context(*config);
    for (const auto& project : config->projects) {
      for (const auto& service : project.services) {
        if (!detail::external_name_note(detail::external_services(context, service)).empty()) {
          return true;
        }
      }
    }
  }
  return false;
}

// The arguments of one environment's settings, ExternalName Services aside.
std::vector<std::string> environment_arguments(const model::Config& config)
{
  std::vector<std::string> out;
  const model::Edge& edge = config.edge;
  for (const auto& entry_point : edge.entry_points) {
    if (entry_point.redirect_to.name.empty()) {
      continue;
    }
    // The chart listens on other ports than the ones its Service exposes
    // (8443 behind 443): a redirection to the entry point by name would
    // send clients to the pod's port, so it names the exposed one, as the
    // chart's own `redirections` do.
    std::string to = entry_point.redirect_to.name;
    for (const auto& target : edge.entry_points) {
      if (target.name == to && model::address_port(target.address) >= 0) {
        to = ":" + std::to_string(model::address_port(target.address));
      }
    }
    const std::string prefix = "--entryPoints." + entry_point.name + ".http.redirections.entryPoint.";
    out.push_back(prefix + "to=" + to);
    out.push_back(prefix + "scheme=https");
    out.push_back(prefix + "permanent=true");
  }
  const auto& settings = edge.traefik;
  out.push_back("--log.level=" + settings.log_level);
  if (!settings.log_format.empty()) {
    out.push_back("--log.format=" + settings.log_format);
  }
  if (settings.access_log) {
    out.push_back("--accesslog=true");
    if (!settings.access_log_format.empty()) {
      out.push_back("--accesslog.format=" + settings.access_log_format);
    }
  }
  if (edge.dashboard.enabled && edge.dashboard.insecure) {
    out.push_back("--api.insecure=true");
  }
  return out;
}

// The arguments of Traefik that carry the Edge's settings its Helm release
// reads (entry point redirections, logs, access log, insecure API, and
// allowExternalNameServices when a backend needs an ExternalName Service).
std::vector<std::string> traefik_arguments(const std::vector<const model::Config*>& configs)
{
  std::vector<std::string> out;
  if (configs.empty()) {
    return out;
  }
  // The environments share the cluster's one Traefik: it gets what they
  // all ask for (check/ warns about the rest, W0613).
  out = environment_arguments(*configs.front());
  for (size_t i = 1; i < configs.size(); ++i) {
    std::vector<std::string> other = environment_arguments(*configs[i]);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const std::string& argument) {
                               return std::find(other.begin(), other.end(), argument) == other.end();
                             }),
              out.end());
  }
  if (has_external_names(configs)) {
    out.push_back("--providers.kubernetescrd.allowExternalNameServices=true");
    out.push_back("--providers.kubernetesingress.allowExternalNameServices=true");
  }
  return out;
}

} // namespace

namespace detail {

Value traefik_values_object(const std::vector<const model::Config*>& configs)
{
  if (configs.empty() || configs.front()->edge.kubernetes.traefik_values.kind == Kind::none) {
    return Value();
  }
  const auto& where = configs.front()->edge.kubernetes.traefik_values;
  std::string values = "additionalArguments:\n";
  for (const auto& argument : traefik_arguments(configs)) {
    values += "  - " + quoted(argument) + "\n";
  }
  if (where.kind == Kind::helm_chart_config) {
    Value out = object("helm.cattle.io/v1", "HelmChartConfig", where.name, where.namespace_name);
    out["spec"]["valuesContent"] = values;
    return out;
  }
  Value out = object("v1", "ConfigMap", where.name, where.namespace_name);
  // Flux's helm-controller upgrades a release when a ConfigMap of its
  // valuesFrom that carries this label changes.
  out["metadata"]["labels"]["reconcile.fluxcd.io/watch"] = "Enabled";
  out["data"]["values.yaml"] = values;
  return out;
}

} // namespace detail

} // namespace edgegen::emit::kubernetes
