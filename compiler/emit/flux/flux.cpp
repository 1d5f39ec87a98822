#include "emit/flux/flux.hpp"

#include "emit/kubernetes/kubernetes.hpp"
#include "emit/kubernetes/objects.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::emit::flux {

namespace {

using kubernetes::object;
using util::Value;

const char* const k_namespace = "flux-system";
// Ranks: written after the Kustomize tree they point at.
constexpr int k_rank = 2;

// "./<git path>/<layer path>", as Flux spells paths inside the source.
std::string source_path(const std::string& git_path, const std::string& layer_path)
{
  std::string prefix = git_path;
  while (util::starts_with(prefix, "./")) {
    prefix = prefix.substr(2);
  }
  while (!prefix.empty() && (prefix.back() == '/' || prefix == ".")) {
    prefix.pop_back();
  }
  return "./" + (prefix.empty() ? "" : prefix + "/") + layer_path;
}

Value labeled(Value document, const model::Config& config)
{
  kubernetes::add_labels(document, {{kubernetes::k_managed_by, "edgegen"}, {kubernetes::k_part_of, config.edge.name}});
  return document;
}

// A layer of issuers is ready once every issuer is: cert-manager marks an
// ACME issuer Ready when its account is registered. `cluster`: the
// ClusterIssuers (the cluster directory), else the namespaced Issuers.
Value issuer_health_checks(const model::Config& config, bool cluster)
{
  const std::string namespace_name = kubernetes::namespace_of(config);
  Value out = Value::list();
  for (const auto& issuer : config.issuers) {
    if (issuer.type != model::Issuer::Type::acme || issuer.cluster_scoped != cluster) {
      continue;
    }
    Value check;
    check["apiVersion"] = "cert-manager.io/v1";
    check["kind"] = issuer.cluster_scoped ? "ClusterIssuer" : "Issuer";
    check["name"] = issuer.name;
    if (!issuer.cluster_scoped) {
      check["namespace"] = namespace_name;
    }
    out.push_back(check);
  }
  return out;
}

// The GitRepository's ref: the environment's revision (a commit id, a full
// ref, or a branch name), else the Edge's branch.
Value git_ref(const model::GitSettings& git)
{
  const std::string& revision = git.revision;
  Value out;
  bool commit = revision.size() == 40 && revision.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (revision.empty()) {
    out["branch"] = git.branch;
  } else if (commit) {
    out["commit"] = revision;
  } else if (revision.rfind("refs/", 0) == 0) {
    out["name"] = revision;
  } else {
    out["branch"] = revision;
  }
  return out;
}

// The Kustomizations of the repository the first layer waits for
// (flux.dependsOn, "name" or "namespace/name").
void add_external_dependencies(Value& spec, const model::FluxSettings& flux)
{
  for (const auto& dependency : flux.depends_on) {
    auto slash = dependency.find('/');
    Value entry;
    entry["name"] = slash == std::string::npos ? dependency : dependency.substr(slash + 1);
    if (slash != std::string::npos) {
      entry["namespace"] = dependency.substr(0, slash);
    }
    spec["dependsOn"].push_back(entry);
  }
}

// The source every Kustomization applies from: the existing one that
// flux.sourceRef names, else a GitRepository of edgegen's named `name` (added
// to `documents`) for Edge.spec.git at `git_ref`.
Value source_ref(const model::Config& config, const std::string& name, Value ref, std::vector<Value>& documents)
{
  const auto& flux = config.edge.flux;
  Value out;
  if (!flux.source_name.empty()) {
    out["kind"] = flux.source_kind;
    out["name"] = flux.source_name;
    if (!flux.source_namespace.empty() && flux.source_namespace != k_namespace) {
      out["namespace"] = flux.source_namespace;
    }
    return out;
  }
  Value repository = object("source.toolkit.fluxcd.io/v1", "GitRepository", name, k_namespace);
  repository["spec"]["interval"] = "1m";
  repository["spec"]["ref"] = std::move(ref);
  if (!config.edge.git.secret_name.empty()) {
    repository["spec"]["secretRef"]["name"] = config.edge.git.secret_name;
  }
  repository["spec"]["url"] = config.edge.git.url;
  documents.push_back(labeled(repository, config));
  out["kind"] = "GitRepository";
  out["name"] = name;
  return out;
}

Value kustomization_object(const model::Config& config, const std::string& name, const std::string& path,
                           const Value& source)
{
  Value kustomization = object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name, k_namespace);
  Value& spec = kustomization["spec"];
  spec["interval"] = config.edge.flux.interval;
  spec["retryInterval"] = "1m";
  spec["path"] = source_path(config.edge.git.path, path);
  spec["prune"] = true;
  spec["sourceRef"] = source;
  spec["timeout"] = "5m";
  return kustomization;
}

} // namespace

std::vector<OutputFile> render_cluster(const std::vector<const model::Config*>& configs)
{
  if (configs.empty()) {
    return {};
  }
  const model::Config* first = configs.front();
  // Cluster-scoped objects follow the Edge's branch, not an environment's revision.
  const std::string name = kubernetes::cluster_name(first->edge.name);
  std::vector<Value> documents;
  Value ref;
  ref["branch"] = first->edge.git.branch;
  const Value source = source_ref(*first, name, ref, documents);
  Value kustomization = kustomization_object(*first, name, kubernetes::k_cluster_directory, source);
  Value& spec = kustomization["spec"];
  add_external_dependencies(spec, first->edge.flux);
  Value checks = Value::list();
  for (const auto* config : configs) {
    const Value own = issuer_health_checks(*config, true);
    for (const auto& check : own.as_list()) {
      if (std::find(checks.as_list().begin(), checks.as_list().end(), check) == checks.as_list().end()) {
        checks.push_back(check);
      }
    }
  }
  if (!checks.as_list().empty()) {
    spec["healthChecks"] = checks;
  }
  spec["wait"] = false; // the health checks name what to wait for
  documents.push_back(labeled(kustomization, *first));
  OutputFile file;
  file.path = "flux/cluster.yaml";
  file.documents = std::move(documents);
  file.rank = k_rank;
  return {file};
}

std::vector<OutputFile> render(const model::Config& config)
{
  const std::string prefix = config.edge.name + "-" + config.environment.name;
  std::vector<Value> documents;
  const Value source = source_ref(config, kubernetes::object_name(prefix, 63), git_ref(config.edge.git), documents);

  for (const auto& layer : kubernetes::layers(config)) {
    Value kustomization =
        kustomization_object(config, kubernetes::object_name(prefix + "-" + layer.name, 63), layer.path, source);
    Value& spec = kustomization["spec"];
    for (const auto& dependency : layer.depends_on) {
      spec["dependsOn"].push_back(Value::Map{{"name", kubernetes::object_name(prefix + "-" + dependency, 63)}});
    }
    if (layer.name == "issuers") {
      // The first layer: after the cluster's objects, which wait for the
      // repository's own Kustomizations.
      spec["dependsOn"].push_back(Value::Map{{"name", kubernetes::cluster_name(config.edge.name)}});
      Value checks = issuer_health_checks(config, false);
      if (!checks.as_list().empty()) {
        spec["healthChecks"] = checks;
      }
      spec["wait"] = false; // the health checks name what to wait for
    } else {
      // Certificates: applied is enough. Waiting until every one is issued
      // would hold every route change back behind one that cannot be.
      spec["wait"] = !util::starts_with(layer.name, "certificates");
    }
    documents.push_back(labeled(kustomization, config));
  }
  OutputFile file;
  file.path = "flux/" + config.environment.name + ".yaml";
  file.documents = std::move(documents);
  file.rank = k_rank;
  return {file};
}

} // namespace edgegen::emit::flux
