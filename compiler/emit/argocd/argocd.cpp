#include "emit/argocd/argocd.hpp"

#include "emit/kubernetes/kubernetes.hpp"
#include "emit/kubernetes/objects.hpp"
#include "util/strings.hpp"

namespace edgegen::emit::argocd {

namespace {

using util::Value;

const char* const k_namespace = "argocd";
// Ranks: written after the Kustomize tree it points at.
constexpr int k_rank = 2;

// "<git path>/<layer path>", as ArgoCD spells paths inside the repository.
std::string repository_path(const std::string& git_path, const std::string& layer_path)
{
  std::string prefix = git_path;
  while (util::starts_with(prefix, "./")) {
    prefix = prefix.substr(2);
  }
  while (!prefix.empty() && (prefix.back() == '/' || prefix == ".")) {
    prefix.pop_back();
  }
  return prefix.empty() ? layer_path : prefix + "/" + layer_path;
}

Value application_object(const model::Config& config, const std::string& name)
{
  Value application = kubernetes::object("argoproj.io/v1alpha1", "Application", name, k_namespace);
  kubernetes::add_labels(application,
                         {{kubernetes::k_managed_by, "edgegen"}, {kubernetes::k_part_of, config.edge.name}});
  Value& spec = application["spec"];
  spec["destination"]["server"] = "https://kubernetes.default.svc";
  spec["project"] = config.edge.argocd.project;
  spec["syncPolicy"]["automated"]["prune"] = true;
  spec["syncPolicy"]["automated"]["selfHeal"] = true;
  // Prune only after every wave has synced, so that nothing is deleted
  // before what replaces it exists.
  spec["syncPolicy"]["syncOptions"] = kubernetes::string_list({"PruneLast=true"});
  // Argo CD syncs a revision automatically once: a sync that fails because
  // another Application has not yet created what it needs (the cluster
  // one's Namespaces and ClusterIssuers, applied beside it) would wait for
  // the next commit. Sync waves do not order Applications applied together,
  // and Argo CD does not wait for an Application's health.
  Value& retry = spec["syncPolicy"]["retry"];
  retry["limit"] = 5;
  retry["backoff"]["duration"] = "10s";
  retry["backoff"]["factor"] = 2;
  retry["backoff"]["maxDuration"] = "3m";
  return application;
}

OutputFile file_of(const std::string& name, Value application)
{
  OutputFile file;
  file.path = "argocd/" + name + ".yaml";
  file.documents.push_back(std::move(application));
  file.rank = k_rank;
  return file;
}

} // namespace

std::vector<OutputFile> render_cluster(const std::vector<const model::Config*>& configs)
{
  if (configs.empty()) {
    return {};
  }
  const model::Config& config = *configs.front();
  Value application = application_object(config, kubernetes::cluster_name(config.edge.name));
  // An AppProject matches a destination by its namespace, and an empty one
  // matches no listed namespace: the first environment's, which the project
  // allows for that environment's Application and where the TLSOption
  // `default` of cluster/kubernetes/ is.
  application["spec"]["destination"]["namespace"] = kubernetes::namespace_of(config);
  // Before every environment's Application when an app of apps syncs them.
  application["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"] = "-1";
  Value source;
  source["repoURL"] = config.edge.git.url;
  source["targetRevision"] = config.edge.git.branch; // the Edge's, not an environment's
  source["path"] = repository_path(config.edge.git.path, kubernetes::k_cluster_directory);
  application["spec"]["sources"].push_back(source);
  return {file_of("cluster", application)};
}

std::vector<OutputFile> render(const model::Config& config)
{
  const auto& git = config.edge.git;
  Value application =
      application_object(config, kubernetes::object_name(config.edge.name + "-" + config.environment.name, 63));
  Value& spec = application["spec"];
  spec["destination"]["namespace"] = kubernetes::namespace_of(config);
  for (const auto& layer : kubernetes::layers(config)) {
    Value source;
    source["repoURL"] = git.url;
    source["targetRevision"] = git.revision.empty() ? git.branch : git.revision;
    source["path"] = repository_path(git.path, layer.path);
    source["kustomize"]["commonAnnotations"]["argocd.argoproj.io/sync-wave"] = std::to_string(layer.wave);
    spec["sources"].push_back(source);
  }
  return {file_of(config.environment.name, application)};
}

} // namespace edgegen::emit::argocd
