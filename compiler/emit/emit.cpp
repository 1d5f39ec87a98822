#include "emit/emit.hpp"

#include "emit/argocd/argocd.hpp"
#include "emit/flux/flux.hpp"
#include "emit/kubernetes/kubernetes.hpp"
#include "emit/traefik/traefik.hpp"

#include <algorithm>

namespace edgegen::emit {

const std::vector<Target>& targets()
{
  static const std::vector<Target> table = {
    {"traefik", traefik::render},
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
    for (const auto& target : targets()) {
      const auto& wanted = config.edge.targets;
      if (std::find(wanted.begin(), wanted.end(), target.name) == wanted.end()) {
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
