// Which certificate covers which TLS host: the plan that the Certificate
// objects, the IngressRoutes' tls.secretName and the Ingresses' tls and
// ingress-shim annotations are all written from, so they cannot disagree.
#include "emit/kubernetes/kubernetes.hpp"

#include "emit/kubernetes/objects.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

namespace edgegen::emit::kubernetes {

namespace {

// A set of entries of a list, found by their text (`text_of(index)`):
// open addressing in one block of slots, each an index + 1 (0: empty). For
// up to `most` entries, with no entry ever removed.
class IndexTable
{
public:
  IndexTable(size_t most, std::pmr::memory_resource* memory) : m_slots(memory)
  {
    size_t size = 16;
    while (size < 2 * most) {
      size *= 2;
    }
    m_slots.assign(size, 0);
  }

  // The slot of `text`: holding its index + 1, or empty (0) where it goes.
  template <typename TextOf> uint32_t& slot(std::string_view text, const TextOf& text_of)
  {
    size_t mask = m_slots.size() - 1;
    for (size_t i = std::hash<std::string_view>()(text) & mask;; i = (i + 1) & mask) {
      uint32_t& slot = m_slots[i];
      if (slot == 0 || text_of(slot - 1) == text) {
        return slot;
      }
    }
  }

private:
  std::pmr::vector<uint32_t> m_slots;
};

const model::Issuer* acme_issuer(const model::Config& config, const model::Ref& ref)
{
  const model::Issuer* issuer = model::find_issuer(config, ref.resolved);
  return issuer && issuer->type == model::Issuer::Type::acme ? issuer : nullptr;
}

// At most a certificate per request and per TLS host.
size_t most_certificates(const model::Config& config)
{
  size_t most = config.environment.certificates.size() + config.edge.certificates.size() + 1;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      most += route.tls() ? route.match.scope.hosts.size() : 0;
    }
  }
  return most;
}

class Planner
{
public:
  // The tables and the growing list of certificates are the planning's
  // own, in an arena that goes when the planner does; the plan gets the
  // certificates' names, the host list (reserved for every TLS host, which
  // most are) and, when done, a list of its certificates' size.
  explicit Planner(const model::Config& config)
      : m_config(config), m_most(most_certificates(config)), m_certificates(&m_scratch), m_names(m_most, &m_scratch),
        m_hosts(m_most, &m_scratch)
  {
    m_certificates.reserve(m_most);
    m_plan.by_host.reserve(m_most);
    // Requests first: they are certificates even when no route uses them.
    for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
      for (const auto& request : *requests) {
        const model::Issuer* issuer = acme_issuer(config, request.issuer);
        if (!issuer || request.domains.empty()) {
          continue;
        }
        Certificate certificate;
        certificate.name = take_name(request.name.empty() ? object_name(request.domains[0], 63) : request.name);
        certificate.issuer = issuer;
        certificate.dns_names = {request.domains.data(), request.domains.size()};
        certificate.duration = request.duration.empty() ? &issuer->duration : &request.duration;
        certificate.renew_before = request.renew_before.empty() ? &issuer->renew_before : &request.renew_before;
        m_by_request[&request] = m_certificates.size();
        m_certificates.push_back(certificate);
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
    auto& by_host = m_plan.by_host;
    uint32_t& slot = m_hosts.slot(host, [&](uint32_t i) { return by_host[i].first; });
    if (slot != 0) {
      // A host used again keeps its certificate (check/ reports a second
      // issuer); an IngressRoute among its users needs the object.
      if (!shim_owner) {
        m_certificates[by_host[slot - 1].second].by_ingress_shim = false;
      }
      return;
    }
    size_t index = m_certificates.size();
    if (const auto* request = model::certificate_request(m_config, host, issuer->name)) {
      index = m_by_request.at(request);
    } else {
      Certificate certificate;
      certificate.name = take_name(object_name(host, 63));
      certificate.issuer = issuer;
      certificate.dns_names = {&host, 1};
      certificate.duration = &issuer->duration;
      certificate.renew_before = &issuer->renew_before;
      certificate.by_ingress_shim = shim_owner != nullptr;
      certificate.shim_owner = shim_owner;
      certificate.project = project;
      m_certificates.push_back(certificate);
    }
    by_host.emplace_back(host, static_cast<uint32_t>(index));
    slot = static_cast<uint32_t>(by_host.size());
  }

  CertificatePlan finish()
  {
    for (auto& certificate : m_certificates) {
      if (!certificate.by_ingress_shim) {
        certificate.shim_owner = nullptr;
      }
    }
    // Most TLS hosts share a certificate with another route's or a
    // request's (28,459 certificates for 47,780 routes at 10,000 projects).
    m_plan.certificates.assign(m_certificates.begin(), m_certificates.end());
    std::sort(m_plan.by_host.begin(), m_plan.by_host.end());
    return std::move(m_plan);
  }

private:
  // Names of Certificates are unique in the namespace: a second certificate
  // whose name is taken gets "-2", "-3", … in the order the plan meets them.
  // The name is that of the certificate about to be added, kept in the
  // plan's memory.
  std::string_view take_name(const std::string& wanted)
  {
    std::string name = wanted;
    auto name_of = [&](uint32_t i) { return m_certificates[i].name; };
    for (int n = 2; m_names.slot(name, name_of) != 0; ++n) {
      name = wanted + "-" + std::to_string(n);
    }
    char* kept = static_cast<char*>(m_plan.memory->allocate(name.size(), 1));
    std::copy(name.begin(), name.end(), kept);
    m_names.slot(name, name_of) = static_cast<uint32_t>(m_certificates.size() + 1);
    return {kept, name.size()};
  }

  const model::Config& m_config;
  size_t m_most;
  util::Arena m_scratch;
  CertificatePlan m_plan;
  std::pmr::vector<Certificate> m_certificates;
  IndexTable m_names; // by name: the certificates'
  IndexTable m_hosts; // by host: m_plan.by_host's, in the order of first use until finish()
  std::map<const model::CertificateRequest*, size_t> m_by_request;
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
