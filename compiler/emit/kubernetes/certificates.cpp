// Which certificate covers which TLS host: the plan that the Certificate
// objects, the IngressRoutes' tls.secretName and the Ingresses' tls and
// ingress-shim annotations are all written from, so they cannot disagree.
#include "emit/kubernetes/kubernetes.hpp"

#include "emit/kubernetes/objects.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace edgegen::emit::kubernetes {

namespace {

// Names of Certificates are unique in the namespace: a second certificate
// whose name is taken gets "-2", "-3", … in the order the plan meets them.
class Names
{
public:
  std::string take(const std::string& wanted)
  {
    std::string name = wanted;
    for (int n = 2; !m_taken.insert(name).second; ++n) {
      name = wanted + "-" + std::to_string(n);
    }
    return name;
  }

private:
  std::unordered_set<std::string> m_taken;
};

const model::Issuer* acme_issuer(const model::Config& config, const model::Ref& ref)
{
  const model::Issuer* issuer = model::find_issuer(config, ref.resolved);
  return issuer && issuer->type == model::Issuer::Type::acme ? issuer : nullptr;
}

class Planner
{
public:
  explicit Planner(const model::Config& config) : m_config(config)
  {
    // At most a certificate per request and per TLS host: the host table
    // is sized for that. The list of certificates grows, and is cut to its
    // size when done (see finish()).
    size_t most = config.environment.certificates.size() + config.edge.certificates.size() + 1;
    for (const auto& project : config.projects) {
      for (const auto& route : project.routes) {
        most += route.tls() ? route.match.scope.hosts.size() : 0;
      }
    }
    m_index.reserve(most);
    // Requests first: they are certificates even when no route uses them.
    for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
      for (const auto& request : *requests) {
        const model::Issuer* issuer = acme_issuer(config, request.issuer);
        if (!issuer || request.domains.empty()) {
          continue;
        }
        Certificate certificate;
        certificate.name = m_names.take(request.name.empty() ? object_name(request.domains[0], 63) : request.name);
        certificate.issuer = issuer;
        certificate.dns_names = {request.domains.data(), request.domains.size()};
        certificate.duration = request.duration.empty() ? &issuer->duration : &request.duration;
        certificate.renew_before = request.renew_before.empty() ? &issuer->renew_before : &request.renew_before;
        m_by_request[&request] = m_plan.certificates.size();
        m_plan.certificates.push_back(std::move(certificate));
      }
    }
  }

  // `shim_owner`: the route whose Ingress may ask ingress-shim for the
  // certificate; null for an IngressRoute, which needs a Certificate object.
  // Every string given is the model's, which the plan points at.
  void use(const std::string& host, const model::Ref& issuer_ref, const std::string* project,
           const std::string* shim_owner)
  {
    const model::Issuer* issuer = acme_issuer(m_config, issuer_ref);
    if (!issuer || host.empty()) {
      return;
    }
    auto known = m_index.find(host);
    if (known != m_index.end()) {
      // A host used again keeps its certificate (check/ reports a second
      // issuer); an IngressRoute among its users needs the object.
      if (!shim_owner) {
        m_plan.certificates[known->second].by_ingress_shim = false;
      }
      return;
    }
    if (const auto* request = model::certificate_request(m_config, host, issuer->name)) {
      m_index[host] = m_by_request.at(request);
      return;
    }
    Certificate certificate;
    certificate.name = m_names.take(object_name(host, 63));
    certificate.issuer = issuer;
    certificate.dns_names = {&host, 1};
    certificate.duration = &issuer->duration;
    certificate.renew_before = &issuer->renew_before;
    certificate.by_ingress_shim = shim_owner != nullptr;
    certificate.shim_owner = shim_owner;
    certificate.project = project;
    m_index[host] = m_plan.certificates.size();
    m_plan.certificates.push_back(std::move(certificate));
  }

  CertificatePlan finish()
  {
    for (auto& certificate : m_plan.certificates) {
      if (!certificate.by_ingress_shim) {
        certificate.shim_owner = nullptr;
      }
    }
    // Most TLS hosts share a certificate with another route's or a
    // request's (28,459 certificates for 47,780 routes at 10,000 projects),
    // and the plan lives through the whole environment's emission: it keeps
    // only what it holds, where a list reserved for every host took 4.6 MB
    // per environment there.
    m_plan.certificates.shrink_to_fit();
    m_plan.by_host.reserve(m_index.size());
    for (const auto& [host, index] : m_index) {
      m_plan.by_host.emplace_back(host, static_cast<uint32_t>(index));
    }
    std::sort(m_plan.by_host.begin(), m_plan.by_host.end());
    return std::move(m_plan);
  }

private:
  const model::Config& m_config;
  CertificatePlan m_plan;
  Names m_names;
  std::map<const model::CertificateRequest*, size_t> m_by_request;
  std::unordered_map<std::string_view, size_t> m_index; // by_host while planning
};

} // namespace

const Certificate* CertificatePlan::for_host(std::string_view host) const
{
  auto found = std::lower_bound(by_host.begin(), by_host.end(), host,
                                [](const auto& entry, std::string_view wanted) { return entry.first < wanted; });
  return found == by_host.end() || found->first != host ? nullptr : &certificates[found->second];
}

CertificatePlan plan_certificates(const model::Config& config)
{
  Planner planner(config);
  const auto& dashboard = config.edge.dashboard;
  if (dashboard.enabled && dashboard.tls) {
    planner.use(dashboard.host, dashboard.issuer, nullptr, nullptr); // always an IngressRoute
  }
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (!route.tls()) {
        continue;
      }
      const std::string* owner = as_ingress(config, project, route) ? &route.output_name() : nullptr;
      for (const auto& host : route.match.scope.hosts) {
        if (!rules::is_ip_address(host)) {
          planner.use(host, route.issuer(), &project.name, owner);
        }
      }
    }
  }
  return planner.finish();
}

} // namespace edgegen::emit::kubernetes
