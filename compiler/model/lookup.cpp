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

bool certificate_covers(const std::string& domain, const std::string& host)
{
  if (domain == host) {
    return true;
  }
  if (domain.size() < 3 || domain.compare(0, 2, "*.") != 0 || host.compare(0, 2, "*.") == 0) {
    return false;
  }
  std::string suffix = domain.substr(1); // ".example.com"
  return host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0 &&
         host.substr(0, host.size() - suffix.size()).find('.') == std::string::npos;
}

} // namespace edgegen::model
