// The proof of a Kubernetes import: the kubernetes target's render of the
// imported tree read back by the reader of the input, compared with the
// input as the other kinds compare (proof.cpp), and their certificates:
// dnsNames, issuer and Secret.
#include "import/kubernetes.hpp"
#include "import/proof.hpp"
#include "load/load.hpp"
#include "serialise/serialise.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <set>

namespace edgegen::import {

namespace {

bool is_kubernetes_file(const std::string& path)
{
  return (util::starts_with(path, "default/kubernetes/") || util::starts_with(path, "cluster/kubernetes/")) &&
         (util::ends_with(path, ".yaml") || util::ends_with(path, ".yml"));
}

// An IngressRoute of several routes is named by its first route: each
// rendered route takes the name of the input router it renders (the one of
// the same rule and entry points), when there is exactly one.
void name_routes(const TraefikConfig& in, TraefikConfig& out, const Plan& plan)
{
  std::map<std::string, std::vector<std::string>> by_rule; // canonical rule -> rendered names
  for (const auto& [name, router] : in.routers) {
    auto rendered = plan.router_names.find(name);
    if (rendered != plan.router_names.end() && !out.routers.count(rendered->second)) {
      by_rule[canonical_rule(router.rule)].push_back(rendered->second);
    }
  }
  std::map<std::string, Router> renamed;
  for (auto it = out.routers.begin(); it != out.routers.end();) {
    auto names = by_rule.find(canonical_rule(it->second.rule));
    bool known = std::any_of(plan.router_names.begin(), plan.router_names.end(),
                             [&](const auto& entry) { return entry.second == it->first; });
    if (!known && names != by_rule.end() && names->second.size() == 1) {
      Router router = it->second;
      router.name = names->second.front();
      renamed[router.name] = std::move(router);
      it = out.routers.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& [name, router] : renamed) {
    out.routers[name] = std::move(router);
  }
}

// A router whose Secret a Certificate fills gets that Certificate's issuer.
void issuers_from_secrets(TraefikConfig& config)
{
  for (auto& [name, router] : config.routers) {
    if (!router.cert_resolver.empty() || router.tls_secret.empty()) {
      continue;
    }
    for (const auto& [certificate, request] : config.kubernetes.certificates) {
      if (request.secret_name == router.tls_secret) {
        router.cert_resolver = request.issuer;
      }
    }
  }
}

void compare_certificates(const TraefikConfig& in, const TraefikConfig& out, const Naming& naming,
                          std::vector<Difference>& differences)
{
  auto key = [](const CertificateRequest& request) { return "[" + util::join(request.dns_names, ", ") + "]"; };
  std::map<std::string, const CertificateRequest*> rendered;
  for (const auto& [name, request] : out.kubernetes.certificates) {
    rendered[key(request)] = &request;
  }
  std::set<std::string> seen;
  for (const auto& [name, request] : in.kubernetes.certificates) {
    std::string domains = key(request);
    auto it = rendered.find(domains);
    if (it == rendered.end()) {
      differences.push_back({"- certificate " + name + " " + domains + ": not in the render", false});
      continue;
    }
    seen.insert(domains);
    const CertificateRequest& r = *it->second;
    auto issuer = naming.issuers.find(request.issuer);
    std::string expected = issuer == naming.issuers.end() ? request.issuer : issuer->second;
    if (expected != r.issuer) {
      differences.push_back({"~ certificate " + name + ": issuer " + expected + " → " + r.issuer, false});
    }
    if (request.secret_name != r.secret_name) {
      differences.push_back(
          {"~ certificate " + name + ": secretName " + request.secret_name + " → " + r.secret_name, true});
    }
  }
  for (const auto& [domains, request] : rendered) {
    if (!seen.count(domains)) {
      differences.push_back({"+ certificate " + request->name + " " + domains + ": only in the render", false});
    }
  }
}

} // namespace

void finish_kubernetes(TraefikConfig& config)
{
  issuers_from_secrets(config);
  // edgegen's HTTP-01 solver waits where edgegen puts it: not compared.
  for (auto& [name, resolver] : config.resolvers) {
    resolver.entry_point = resolver.challenge == "http" ? "web" : "";
  }
}

std::vector<Difference> compare_kubernetes(const TraefikConfig& in, const std::vector<emit::OutputFile>& files,
                                           const Plan& plan, const Naming& naming)
{
  TraefikConfig rendered;
  diag::Diagnostics ignored; // what edgegen writes is read without complaint
  std::vector<std::vector<load::Node>> kept;
  kept.reserve(files.size());
  std::vector<const load::Node*> roots;
  for (const auto& file : files) {
    if (file.format != emit::OutputFile::Format::yaml || !is_kubernetes_file(file.path)) {
      continue;
    }
    kept.push_back(load::read_yaml(diag::FileName(file.path).str(), serialise::to_yaml(file.documents), ignored));
  }
  for (const auto& documents : kept) {
    for (const auto& root : documents) {
      roots.push_back(&root);
    }
  }
  read_kubernetes(roots, rendered, ignored);
  finish_kubernetes(rendered);
  rendered.entry_points = in.entry_points;
  name_routes(in, rendered, plan);
  std::vector<Difference> differences = compare(in, rendered, plan, naming);
  compare_certificates(in, rendered, naming, differences);
  return differences;
}

} // namespace edgegen::import
