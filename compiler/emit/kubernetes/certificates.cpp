// Which certificate covers which TLS host: the plan that the Certificate
// objects, the IngressRoutes' tls.secretName and the Ingresses' tls and
// ingress-shim annotations are all written from, so they cannot disagree.
#include "emit/kubernetes/kubernetes.hpp"

#include "emit/kubernetes/objects.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
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

// The plan is made in two walks over the TLS hosts, in the same order: the
// first finds each host's certificate request or counts it as a new
// certificate, so that the second makes the certificates into a list of
// their number, in the plan's arena, and nothing is copied.
class Planner
{
public:
  explicit Planner(const model::Config& config)
      : m_config(config), m_most(most_certificates(config)), m_names(m_most, &m_scratch), m_hosts(m_most, &m_scratch)
  {
    m_plan.by_host.reserve(m_most);
    // Requests first: they are certificates even when no route uses them.
    for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
      for (const auto& request : *requests) {
        if (acme_issuer(config, request.issuer) && !request.domains.empty()) {
          m_by_request[&request] = static_cast<uint32_t>(m_requests.size());
          m_requests.push_back(&request);
        }
      }
    }
  }

  // The first walk: `host` is covered by a request, else it needs a
  // certificate of its own (made in the second walk).
  void count(const std::string& host, const model::Issuer& issuer)
  {
    uint32_t& slot = host_slot(host);
    if (slot != 0) {
      return;
    }
    const auto* request = model::certificate_request(m_config, host, issuer.name);
    m_plan.by_host.emplace_back(host, request ? m_by_request.at(request) : k_unmade);
    slot = static_cast<uint32_t>(m_plan.by_host.size());
    m_own += request ? 0 : 1;
  }

  // Between the walks: the list of certificates, and the requests' in it.
  void make_requests()
  {
    m_plan.certificates.reserve(m_requests.size() + m_own);
    for (const auto* request : m_requests) {
      Certificate certificate;
      certificate.name = take_name(request->name.empty() ? object_name(request->domains[0], 63) : request->name);
      certificate.issuer = acme_issuer(m_config, request->issuer);
      certificate.request = request;
      m_plan.certificates.push_back(certificate);
    }
  }

  // The second walk. `shim_owner`: the route whose Ingress may ask
  // ingress-shim for the certificate; null for an IngressRoute, which needs
  // a Certificate object. Every string given is the model's, which the plan
  // points at.
  void use(const std::string& host, const model::Issuer& issuer, const std::string* project,
           const std::string* shim_owner)
  {
    auto& entry = m_plan.by_host[host_slot(host) - 1]; // the first walk met it
    if (entry.second != k_unmade) {
      // A host used again keeps its certificate (check/ reports a second
      // issuer); an IngressRoute among its users needs the object.
      if (!shim_owner) {
        m_plan.certificates[entry.second].shim_owner = nullptr;
      }
      return;
    }
    Certificate certificate;
    certificate.name = take_name(object_name(host, 63));
    certificate.issuer = &issuer;
    certificate.host = &host;
    certificate.shim_owner = shim_owner;
    certificate.project = project;
    entry.second = static_cast<uint32_t>(m_plan.certificates.size());
    m_plan.certificates.push_back(certificate);
  }

  CertificatePlan finish()
  {
    std::sort(m_plan.by_host.begin(), m_plan.by_host.end());
    return std::move(m_plan);
  }

private:
  static constexpr uint32_t k_unmade = UINT32_MAX;

  uint32_t& host_slot(const std::string& host)
  {
    return m_hosts.slot(host, [&](uint32_t i) { return m_plan.by_host[i].first; });
  }

  // Names of Certificates are unique in the namespace: a second certificate
  // whose name is taken gets "-2", "-3", … in the order the plan meets them.
  // The name is that of the certificate about to be added, kept in the
  // plan's memory.
  std::string_view take_name(const std::string& wanted)
  {
    std::string name = wanted;
    auto name_of = [&](uint32_t i) { return m_plan.certificates[i].name; };
    for (int n = 2; m_names.slot(name, name_of) != 0; ++n) {
      name = wanted + "-" + std::to_string(n);
    }
    char* kept = static_cast<char*>(m_plan.memory->allocate(name.size(), 1));
    std::copy(name.begin(), name.end(), kept);
    m_names.slot(name, name_of) = static_cast<uint32_t>(m_plan.certificates.size() + 1);
    return {kept, name.size()};
  }

  const model::Config& m_config;
  size_t m_most;
  util::Arena m_scratch; // the tables'
  CertificatePlan m_plan;
  IndexTable m_names; // by name: m_plan.certificates'
  IndexTable m_hosts; // by host: m_plan.by_host's, in the order of first use until finish()
  std::vector<const model::CertificateRequest*> m_requests;
  std::map<const model::CertificateRequest*, uint32_t> m_by_request; // index in m_requests
  size_t m_own = 0;                                                  // certificates of one host
};

// Every TLS host an IngressRoute or Ingress serves that an ACME issuer
// certifies, in the order the plan meets them: `use(host, issuer, project,
// shim_owner)`.
template <typename Use> void each_tls_host(const model::Config& config, const Use& use)
{
  auto acme = [&](const std::string& host, const model::Ref& issuer, const std::string* project,
                  const std::string* owner) {
    if (const model::Issuer* found = acme_issuer(config, issuer); found && !host.empty()) {
      use(host, *found, project, owner);
    }
  };
  const auto& dashboard = config.edge.dashboard;
  if (dashboard.enabled && dashboard.tls) {
    acme(dashboard.host, dashboard.issuer, nullptr, nullptr); // always an IngressRoute
  }
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (!route.tls()) {
        continue;
      }
      const std::string* owner = as_ingress(config, project, route) ? &route.output_name() : nullptr;
      for (const auto& host : route.match.scope.hosts) {
        if (!rules::is_ip_address(host)) {
          acme(host, route.issuer(), &project.name, owner);
        }
      }
    }
  }
}

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
  each_tls_host(config, [&](const std::string& host, const model::Issuer& issuer, const std::string*,
                            const std::string*) { planner.count(host, issuer); });
  planner.make_requests();
  each_tls_host(config, [&](const std::string& host, const model::Issuer& issuer, const std::string* project,
                            const std::string* owner) { planner.use(host, issuer, project, owner); });
  return planner.finish();
}

} // namespace edgegen::emit::kubernetes
