#include "emit/flux/flux.hpp"

#include "emit/kubernetes/kubernetes.hpp"
#include "emit/kubernetes/objects.hpp"
#include "util/strings.hpp"

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

// The issuers layer is ready once every issuer is: cert-manager marks an
// ACME issuer Ready when its account is registered.
Value issuer_health_checks(const model::Config& config, const std::string& namespace_name)
{
  Value out = Value::list();
  for (const auto& issuer : config.issuers) {
    if (issuer.type != model::Issuer::Type::acme) {
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

} // namespace

std::vector<OutputFile> render(const model::Config& config)
{
  const std::string prefix = config.edge.name + "-" + config.environment.name;
  const std::string source = kubernetes::object_name(prefix, 63);
  std::vector<Value> documents;

  Value repository = object("source.toolkit.fluxcd.io/v1", "GitRepository", source, k_namespace);
  repository["spec"]["interval"] = "1m";
  repository["spec"]["ref"] = git_ref(config.edge.git);
  repository["spec"]["url"] = config.edge.git.url;
  documents.push_back(labeled(repository, config));

  for (const auto& layer : kubernetes::layers(config)) {
    Value kustomization = object("kustomize.toolkit.fluxcd.io/v1", "Kustomization",
                                 kubernetes::object_name(prefix + "-" + layer.name, 63), k_namespace);
    Value& spec = kustomization["spec"];
    for (const auto& dependency : layer.depends_on) {
      spec["dependsOn"].push_back(Value::Map{{"name", kubernetes::object_name(prefix + "-" + dependency, 63)}});
    }
    spec["interval"] = "10m";
    spec["retryInterval"] = "1m";
    spec["path"] = source_path(config.edge.git.path, layer.path);
    spec["prune"] = true;
    spec["sourceRef"]["kind"] = "GitRepository";
    spec["sourceRef"]["name"] = source;
    spec["timeout"] = "5m";
    if (layer.name == "issuers") {
      Value checks = issuer_health_checks(config, kubernetes::namespace_of(config));
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
