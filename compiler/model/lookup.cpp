#include "model/model.hpp"

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

} // namespace edgegen::model
