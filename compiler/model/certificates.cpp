// Which requested certificate serves a host: shared by the targets that
// write certificates (Kubernetes) and by check/.
#include "model/model.hpp"

namespace edgegen::model {

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

const CertificateRequest* certificate_request(const Config& config, const std::string& host, const std::string& issuer)
{
  for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
    for (const auto& request : *requests) {
      if (request.issuer.resolved != issuer) {
        continue;
      }
      for (const auto& domain : request.domains) {
        if (certificate_covers(domain, host)) {
          return &request;
        }
      }
    }
  }
  return nullptr;
}

} // namespace edgegen::model
