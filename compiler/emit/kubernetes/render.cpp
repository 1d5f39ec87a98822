// The Kustomize tree of one environment: which object goes to which layer
// directory and file, and each directory's kustomization.yaml.
#include "emit/kubernetes/internal.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace edgegen::emit::kubernetes {

namespace {

using util::Value;
using namespace detail;

std::vector<Value> project_documents(const Context& context, const model::Project& project)
{
  std::vector<Value> out;
  // Referenced objects first: Services and Middlewares, then the routes.
  for (const auto& service : project.services) {
    for (auto& document : external_services(context, service)) {
      out.push_back(std::move(document));
    }
    if (Value transport = servers_transport_object(context, service); !transport.is_null()) {
      out.push_back(std::move(transport));
    }
  }
  for (const auto& middleware : project.middlewares) {
    out.push_back(middleware_object(context, middleware));
  }
  // Routes in input order, those that share an IngressRoute at the place of
  // the first of them.
  std::vector<std::vector<const model::Route*>> groups;
  std::map<std::string, size_t> group_of;
  for (const auto& route : project.routes) {
    if (as_ingress(context.config, project, route)) {
      groups.push_back({&route});
      continue;
    }
    auto [it, inserted] = group_of.emplace(ingress_route_group(context.config, route), groups.size());
    if (inserted) {
      groups.emplace_back();
    }
    groups[it->second].push_back(&route);
  }
  for (const auto& group : groups) {
    out.push_back(as_ingress(context.config, project, *group.front()) ? ingress(context, project, *group.front())
                                                                      : ingress_route(context, project, group));
  }
  for (auto& document : out) {
    label_project(document, project);
  }
  return out;
}

std::vector<Value> shared_documents(const Context& context)
{
  // The TLSOption `default` is in the cluster directory: Traefik drops a
  // default defined in several namespaces.
  std::vector<Value> out;
  for (const auto& middleware : context.config.middlewares) {
    out.push_back(middleware_object(context, middleware));
  }
  if (context.config.edge.dashboard.enabled) {
    out.push_back(dashboard_route(context));
  }
  return out;
}

} // namespace

namespace detail {

Value kustomization(const model::Edge& edge, const std::vector<std::string>& resources)
{
  Value out;
  out["apiVersion"] = "kustomize.config.k8s.io/v1beta1";
  out["kind"] = "Kustomization";
  Value labels;
  labels["includeSelectors"] = false;
  // The Edge's labels first: edgegen's own are set last and win.
  for (const auto& [key, value] : edge.labels) {
    labels["pairs"][key] = value;
  }
  labels["pairs"][k_managed_by] = "edgegen";
  labels["pairs"][k_part_of] = edge.name;
  out["labels"].push_back(labels);
  for (const auto& [key, value] : edge.annotations) {
    out["commonAnnotations"][key] = value;
  }
  out["resources"] = string_list(resources);
  return out;
}

} // namespace detail

std::string namespace_of(const model::Config& config)
{
  return config.environment.kubernetes_namespace.empty() ? config.edge.kubernetes.namespace_name
                                                         : config.environment.kubernetes_namespace;
}

int64_t shard_of(const std::string& project, int64_t shards)
{
  return shards <= 1 ? 0 : static_cast<int64_t>(stable_hash(project) % static_cast<uint32_t>(shards));
}

std::string layer_directory(const model::Config& config, const std::string& layer, const std::string& project)
{
  int64_t shards = config.edge.kubernetes.shards;
  if (shards <= 1 || project.empty()) {
    return layer;
  }
  std::string number = std::to_string(shard_of(project, shards));
  std::string width = std::to_string(shards - 1);
  return layer + "-" + std::string(width.size() - number.size(), '0') + number;
}

std::vector<Layer> layers(const model::Config& config)
{
  const std::string base = config.environment.name + "/kubernetes/";
  std::set<std::string> shards; // "-07" suffixes of the shards that hold a project, sorted
  for (const auto& project : config.projects) {
    std::string directory = layer_directory(config, "routes", project.name);
    if (directory != "routes") {
      shards.insert(directory.substr(6));
    }
  }
  std::vector<Layer> out;
  out.push_back({"issuers", base + "issuers", {}, 0});
  out.push_back({"certificates", base + "certificates", {"issuers"}, 1});
  for (const auto& shard : shards) {
    out.push_back({"certificates" + shard, base + "certificates" + shard, {"issuers"}, 1});
  }
  out.push_back({"routes", base + "routes", {"certificates"}, 2});
  // A shard's routes use its certificates and the shared middlewares.
  for (const auto& shard : shards) {
    out.push_back({"routes" + shard, base + "routes" + shard, {"certificates" + shard, "routes"}, 3});
  }
  return out;
}

void render(const model::Config& config, const Sink& sink)
{
  const Context context(config);
  const std::string base = config.environment.name + "/kubernetes/";
  std::map<std::string, std::vector<std::string>> listed; // directory -> its files, in order
  auto add = [&](const std::string& directory, const std::string& file, std::vector<Value> documents) {
    if (documents.empty()) {
      return;
    }
    listed[directory].push_back(file);
    std::string note = external_name_note(documents);
    OutputFile output = yaml_file(base + directory + "/" + file, std::move(documents), k_rank_resources);
    output.comment = std::move(note);
    sink(std::move(output));
  };

  // Namespaces and ClusterIssuers are in the cluster directory (cluster.cpp).
  std::vector<Value> issuers;
  for (const auto& issuer : config.issuers) {
    if (issuer.type == model::Issuer::Type::acme && !issuer.cluster_scoped) {
      issuers.push_back(issuer_object(context, issuer));
    }
  }
  add("issuers", "issuers.yaml", std::move(issuers));

  // By name, so that reordering routes does not reorder the file.
  std::vector<const Certificate*> sorted;
  for (const auto& certificate : context.plan.certificates) {
    if (!certificate.by_ingress_shim()) {
      sorted.push_back(&certificate);
    }
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  // Grouped by directory first, built one directory at a time: the objects
  // of every certificate of a large edge need not exist at once.
  std::map<std::string, std::vector<const Certificate*>> certificates;
  for (const auto* certificate : sorted) {
    certificates[layer_directory(config, "certificates", std::string(certificate->project_name()))].push_back(
        certificate);
  }
  for (const auto& [directory, group] : certificates) {
    std::vector<Value> documents;
    documents.reserve(group.size());
    for (const auto* certificate : group) {
      documents.push_back(certificate_object(context, *certificate));
    }
    add(directory, "certificates.yaml", std::move(documents));
  }

  add("routes", "_shared.yaml", shared_documents(context));
  for (const auto& project : config.projects) {
    add(layer_directory(config, "routes", project.name), project.name + ".yaml", project_documents(context, project));
  }

  for (const auto& layer : layers(config)) {
    sink(yaml_file(layer.path + "/kustomization.yaml", {kustomization(config.edge, listed[layer.name])},
                   k_rank_kustomization));
  }
}

} // namespace edgegen::emit::kubernetes
