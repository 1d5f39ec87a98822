// The cluster directory: the Namespaces and ClusterIssuers of every
// environment, each once, the TLSOption `default`, and Traefik's Helm values
// (see kubernetes.hpp).
#include "emit/kubernetes/internal.hpp"

#include <map>
#include <stdexcept>

namespace edgegen::emit::kubernetes {

namespace {

using util::Value;
using namespace detail;

bool cluster_issuer(const model::Issuer& issuer)
{
  return issuer.type == model::Issuer::Type::acme && issuer.cluster_scoped;
}

} // namespace

namespace detail {

Value namespace_object(const std::string& name)
{
  Value out = object("v1", "Namespace", name);
  // The namespace also holds Secrets edgegen only names (DNS API tokens,
  // basic-auth users): no GitOps tool may delete it when pruning.
  out["metadata"]["annotations"]["kustomize.toolkit.fluxcd.io/prune"] = "disabled";
  out["metadata"]["annotations"]["argocd.argoproj.io/sync-options"] = "Prune=false";
  return out;
}

} // namespace detail

std::string cluster_name(const std::string& edge)
{
  return object_name(edge + "-cluster", 63);
}

void render_cluster(const std::vector<const model::Config*>& configs, const Sink& sink)
{
  // kind/name -> the object, so that each is written once and the files do
  // not depend on the order of the environments.
  std::map<std::string, Value> namespaces;
  std::map<std::string, Value> issuers;
  // Traefik takes the TLSOption named `default`, in whichever namespace, as
  // the options of every router that names none and of clients that send no
  // SNI, and drops it when several namespaces define one: so there is one,
  // in the first environment's namespace (check/ makes them agree).
  std::map<std::string, Value> tls_options; // "default" -> the first environment's
  auto add = [](std::map<std::string, Value>& into, const std::string& name, Value object) {
    auto [it, inserted] = into.emplace(name, object);
    if (!inserted && !(it->second == object)) {
      throw std::logic_error("cluster-scoped object \"" + name + "\" differs between environments");
    }
  };
  for (const auto* config : configs) {
    const Context context(*config);
    if (config->edge.kubernetes.create_namespace) {
      add(namespaces, context.namespace_name, namespace_object(context.namespace_name));
    }
    for (const auto& issuer : config->issuers) {
      if (cluster_issuer(issuer)) {
        add(issuers, issuer.name, issuer_object(context, issuer));
      }
    }
    Value option = tls_option_object(context);
    auto [first, inserted] = tls_options.emplace("default", option);
    if (!inserted && !(first->second["spec"] == option["spec"])) {
      throw std::logic_error("the TLSOption \"default\" differs between environments");
    }
  }
  if (configs.empty()) {
    return;
  }
  const std::string base = std::string(k_cluster_directory) + "/";
  std::vector<std::string> files;
  auto write = [&](const std::string& file, const std::map<std::string, Value>& objects) {
    if (objects.empty()) {
      return;
    }
    std::vector<Value> documents;
    for (const auto& [name, object] : objects) {
      documents.push_back(object);
    }
    files.push_back(file);
    sink(yaml_file(base + file, std::move(documents), k_rank_resources));
  };
  write("namespaces.yaml", namespaces);
  write("issuers.yaml", issuers);
  write("tls-options.yaml", tls_options);
  if (Value values = traefik_values_object(configs); !values.is_null()) {
    write("traefik-values.yaml", {{"traefik", values}});
  }
  sink(yaml_file(base + "kustomization.yaml", {kustomization(configs.front()->edge, files)}, k_rank_kustomization));
}

} // namespace edgegen::emit::kubernetes
