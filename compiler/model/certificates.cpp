// Which requested certificate serves a host: shared by the targets that
// write certificates (Kubernetes) and by check/.
#include "model/model.hpp"

namespace edgegen::model {

bool certificate_covers(std::string_view domain, std::string_view host)
{
  if (domain == host) {
    return true;
  }
  if (domain.size() < 3 || domain.substr(0, 2) != "*." || host.substr(0, 2) == "*.") {
    return false;
  }
  std::string_view suffix = domain.substr(1); // ".example.com"
  return host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix &&
         host.substr(0, host.size() - suffix.size()).find('.') == std::string_view::npos;
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
