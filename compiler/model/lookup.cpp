#include "model/model.hpp"

#include <algorithm>

namespace edgegen::model {

const Issuer* find_issuer(const Config& config, const std::string& name)
{
  for (const auto& issuer : config.issuers) {
    if (issuer.name == name) {
      return &issuer;
    }
  }
  return nullptr;
}

bool has_target(const Config& config, const std::string& target)
{
  const auto& targets = config.edge.targets;
  return std::find(targets.begin(), targets.end(), target) != targets.end();
}

} // namespace edgegen::model
