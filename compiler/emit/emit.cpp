#include "emit/emit.hpp"

#include "emit/argocd/argocd.hpp"
#include "emit/compose/compose.hpp"
#include "emit/dns/dns.hpp"
#include "emit/flux/flux.hpp"
#include "emit/kubernetes/kubernetes.hpp"
#include "emit/redis/redis.hpp"
#include "emit/traefik/traefik.hpp"

#include "util/parallel.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace edgegen::emit {
namespace {

// A target that renders its few files in one piece.
template <std::vector<OutputFile> (*render)(const model::Config&)>
void whole(const model::Config& config, const Sink& sink)
{
  for (auto& file : render(config)) {
    sink(std::move(file));
  }
}

} // namespace

const std::vector<Target>& targets()
{
  static const std::vector<Target> table = {
      {"traefik", traefik::render, {}, traefik::loaded_directories},
      {"compose", whole<compose::render>, {"traefik"}},
      {"traefik-redis", whole<redis::render>, {"traefik"}},
      {"dns", whole<dns::render>},
      {"kubernetes", kubernetes::render},
      {"flux", whole<flux::render>},
      {"argocd", whole<argocd::render>},
  };
  return table;
}

namespace {

// The targets an environment renders: those its Edge names and those they need.
std::vector<const Target*> rendered_targets(const model::Config& config)
{
  std::set<std::string> wanted(config.edge.targets.begin(), config.edge.targets.end());
  for (const auto& target : targets()) {
    if (wanted.count(target.name)) {
      wanted.insert(target.needs.begin(), target.needs.end());
    }
  }
  std::vector<const Target*> out;
  for (const auto& target : targets()) {
    if (wanted.count(target.name)) {
      out.push_back(&target);
    }
  }
  return out;
}

} // namespace

namespace {

// The cluster-scoped objects of every environment (whatever --env selects:
// they belong to none) and the Flux and Argo CD objects that apply them.
void render_cluster(const model::Model& model, const Sink& sink)
{
  std::map<std::string, std::vector<const model::Config*>> by_target;
  for (const auto& config : model.environments) {
    for (const Target* target : rendered_targets(config)) {
      by_target[target->name].push_back(&config);
    }
  }
  if (by_target.count("kubernetes")) {
    kubernetes::render_cluster(by_target["kubernetes"], sink);
  }
  for (auto& file : flux::render_cluster(by_target["flux"])) {
    sink(std::move(file));
  }
  for (auto& file : argocd::render_cluster(by_target["argocd"])) {
    sink(std::move(file));
  }
}

} // namespace

void emit_each(const model::Model& model, const std::vector<std::string>& environments, const Sink& sink)
{
  std::vector<std::pair<const model::Config*, const Target*>> units;
  for (const auto& config : model.environments) {
    if (!environments.empty() &&
        std::find(environments.begin(), environments.end(), config.environment.name) == environments.end()) {
      continue;
    }
    for (const Target* target : rendered_targets(config)) {
      units.emplace_back(&config, target);
    }
  }
  // Targets only read the model: they render side by side. Target by target
  // (a target costs about the same in every environment), so that the
  // workers finish together instead of one waiting on the last big target.
  // Two at a time at most: a Kubernetes target holds its certificate plan.
  std::stable_sort(units.begin(), units.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; }); // table order
  util::parallel_for(
      units.size(), [&](size_t i) { units[i].second->render(*units[i].first, sink); }, 1, util::k_most_large_tasks);
  render_cluster(model, sink);
}

std::vector<LoadedDirectory> loaded_directories(const model::Model& model)
{
  std::vector<LoadedDirectory> out;
  for (const auto& config : model.environments) {
    for (const Target* target : rendered_targets(config)) {
      if (target->loaded) {
        for (auto& directory : target->loaded(config)) {
          out.push_back(std::move(directory));
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const LoadedDirectory& a, const LoadedDirectory& b) { return a.path < b.path; });
  return out;
}

std::vector<OutputFile> emit(const model::Model& model, const std::vector<std::string>& environments)
{
  std::vector<OutputFile> out;
  std::mutex mutex;
  emit_each(model, environments, [&](OutputFile&& file) {
    std::lock_guard<std::mutex> lock(mutex);
    out.push_back(std::move(file));
  });
  std::sort(out.begin(), out.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return out;
}

} // namespace edgegen::emit
