// Certificates and DNS records: what the CA and the DNS servers will see.
// A served TLS host of an ACME issuer needs a certificate: the explicit one
// of its issuer that covers it (Edge or Environment `certificates`), else one
// of its own, as the targets order them. Issuers of certificate files order
// nothing.
#include "emit/dns/dns.hpp"
#include "review/plan_parts.hpp"
#include "rules/rule.hpp"
#include "util/empty.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace edgegen::review::detail {

namespace {

constexpr const char* k_lets_encrypt = "https://acme-v02.api.letsencrypt.org/directory";

struct Certificate
{
  std::vector<std::string> domains;
  std::string issuer;
  std::string challenge; // "HTTP-01 on web", "DNS-01 via route53"
  bool lets_encrypt = false;
};

std::string challenge_of(const model::Issuer& issuer)
{
  const auto& solver = issuer.solver;
  return solver.type == model::AcmeSolver::Type::http01 ? "HTTP-01 on " + solver.entry_point.name
                                                        : "DNS-01 via " + solver.provider;
}

// Keyed by what an order is made of: names, issuer, challenge.
std::map<std::string, Certificate> certificates(const model::Config* config)
{
  std::map<std::string, Certificate> out;
  if (!config) {
    return out;
  }
  auto add = [&](std::vector<std::string> domains, const std::string& issuer_name) {
    const model::Issuer* issuer = model::find_issuer(*config, issuer_name);
    if (!issuer || issuer->type != model::Issuer::Type::acme) {
      return;
    }
    Certificate certificate{std::move(domains), issuer->name, challenge_of(*issuer), issuer->server == k_lets_encrypt};
    std::string key = join(certificate.domains) + " (" + certificate.issuer + ", " + certificate.challenge + ")";
    out.emplace(std::move(key), std::move(certificate));
  };
  auto host = [&](const std::string& name, const std::string& issuer) {
    const model::CertificateRequest* request = model::certificate_request(*config, name, issuer);
    add(request ? request->domains : std::vector<std::string>{name}, issuer);
  };
  for (const auto* requests : {&config->edge.certificates, &config->environment.certificates}) {
    for (const auto& request : *requests) {
      add(request.domains, request.issuer.resolved);
    }
  }
  for (const auto& project : config->projects) {
    for (const auto& route : project.routes) {
      for (const auto& name : route.tls() ? route.match.scope.hosts : util::empty<util::CompactVector<std::string>>()) {
        host(name, route.issuer().resolved);
      }
    }
  }
  const auto& dashboard = config->edge.dashboard;
  if (dashboard.enabled && dashboard.tls) {
    host(rules::normalize_host(dashboard.host), dashboard.issuer.resolved);
  }
  return out;
}

// "name TYPE data" of every record of the dns target's zones.
std::set<std::string> records(const model::Config* config)
{
  std::set<std::string> out;
  if (!config || !model::has_target(*config, "dns")) {
    return out;
  }
  for (const auto& zone : config->edge.dns.zones) {
    std::string apex = emit::dns::normalize(zone.name);
    for (const auto& record : emit::dns::zone_records(*config, zone)) {
      std::string name = record.owner == "@" ? apex : record.owner + "." + apex;
      out.insert(name + " " + record.type + " " + record.data);
    }
  }
  return out;
}

} // namespace

std::vector<std::vector<std::string>> plan_certificates(const model::Config* base, const model::Config* head,
                                                        EnvironmentPlan& out)
{
  std::map<std::string, Certificate> before = certificates(base);
  std::map<std::string, Certificate> after = certificates(head);
  std::vector<std::vector<std::string>> lets_encrypt;
  for (const auto& [key, certificate] : after) {
    if (!before.count(key)) {
      out.certificates.push_back({'+', key, {}});
      if (certificate.lets_encrypt) {
        lets_encrypt.push_back(certificate.domains);
      }
    }
  }
  for (const auto& [key, certificate] : before) {
    if (!after.count(key)) {
      out.certificates.push_back({'-', key, {}});
    }
  }
  std::stable_sort(out.certificates.begin(), out.certificates.end(),
                   [](const PlanItem& a, const PlanItem& b) { return a.text < b.text; });
  return lets_encrypt;
}

void plan_dns_records(const model::Config* base, const model::Config* head, EnvironmentPlan& out)
{
  std::set<std::string> before = records(base);
  std::set<std::string> after = records(head);
  std::map<std::string, char> changed; // sorted by record
  for (const auto& record : after) {
    if (!before.count(record)) {
      changed.emplace(record, '+');
    }
  }
  for (const auto& record : before) {
    if (!after.count(record)) {
      changed.emplace(record, '-');
    }
  }
  for (const auto& [record, sign] : changed) {
    out.dns_records.push_back({sign, record, {}});
  }
}

} // namespace edgegen::review::detail
