#include "emit/emit.hpp"

#include "emit/argocd/argocd.hpp"
#include "emit/compose/compose.hpp"
#include "emit/dns/dns.hpp"
#include "emit/flux/flux.hpp"
#include "emit/kubernetes/kubernetes.hpp"
#include "emit/redis/redis.hpp"
#include "emit/traefik/traefik.hpp"

#include <algorithm>
#include <set>

namespace edgegen::emit {

const std::vector<Target>& targets()
{
  static const std::vector<Target> table = {
    {"traefik", traefik::render},
    {"compose", compose::render, {"traefik"}},
    {"traefik-redis", redis::render, {"traefik"}},
    {"dns", dns::render},
    {"kubernetes", kubernetes::render},
    {"flux", flux::render},
    {"argocd", argocd::render},
  };
  return table;
}

std::vector<OutputFile> emit(const model::Model& model, const std::vector<std::string>& environments)
{
  std::vector<OutputFile> out;
  for (const auto& config : model.environments) {
    if (!environments.empty() &&
        std::find(environments.begin(), environments.end(), config.environment.name) == environments.end()) {
      continue;
    }
    std::set<std::string> wanted(config.edge.targets.begin(), config.edge.targets.end());
    for (const auto& target : targets()) {
      if (wanted.count(target.name)) {
        wanted.insert(target.needs.begin(), target.needs.end());
      }
    }
    for (const auto& target : targets()) {
      if (!wanted.count(target.name)) {
        continue;
      }
      for (auto& file : target.render(config)) {
        out.push_back(std::move(file));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return out;
}

} // namespace edgegen::emit
