// The hosts every target names (DNS records, cert-manager Certificates,
// Ingress hosts, Traefik tls.domains in files, labels and the KV, the
// certificate worker's set) are hosts the model says a route serves, or
// that the input names as such (the dashboard, certificate requests): no
// target reads a rule on its own.
#include "emit/dns/dns.hpp"
#include "emit/emit.hpp"
#include "emit/redis/redis.hpp"
#include "testing.hpp"
#include "util/strings.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace edgegen::emit {
namespace {

using util::Value;

// A map's entry, or null: the documents are read, not built.
const Value& field(const Value& value, const std::string& key)
{
  static const Value k_null;
  if (!value.is_map()) {
    return k_null;
  }
  auto found = value.as_map().find(key);
  return found == value.as_map().end() ? k_null : found->second;
}

struct Named
{
  std::string host;
  std::string where;
};

void add_list(const Value& list, const std::string& where, std::vector<Named>& out)
{
  for (const auto& item : list.as_list()) {
    out.push_back({item.as_string(), where});
  }
}

// Hosts in a rendered document, wherever a target writes one.
void collect(const Value& value, const std::string& where, std::vector<Named>& out)
{
  if (value.is_map()) {
    const auto& map = value.as_map();
    auto kind = map.find("kind");
    std::string k = kind != map.end() && kind->second.is_string() ? kind->second.as_string() : "";
    if (k == "Certificate") {
      add_list(field(field(value, "spec"), "dnsNames"), where + " Certificate dnsNames", out);
    }
    if (k == "Ingress") {
      for (const auto& rule : field(field(value, "spec"), "rules").as_list()) {
        out.push_back({field(rule, "host").as_string(), where + " Ingress host"});
      }
      for (const auto& tls : field(field(value, "spec"), "tls").as_list()) {
        add_list(field(tls, "hosts"), where + " Ingress tls", out);
      }
    }
    for (const auto& [key, item] : map) {
      if (key == "domains" && item.is_list()) {
        for (const auto& domain : item.as_list()) {
          if (domain.is_map() && domain.as_map().count("main")) {
            out.push_back({field(domain, "main").as_string(), where + " tls.domains"});
            add_list(field(domain, "sans"), where + " tls.domains sans", out);
          }
        }
      }
      bool label = util::starts_with(key, "traefik.") && key.find(".tls.domains[") != std::string::npos;
      bool kv = key.find("/tls/domains/") != std::string::npos;
      if ((label || kv) && item.is_string()) {
        for (const auto& host : util::split(item.as_string(), ',')) {
          out.push_back({host, where + " " + key});
        }
      }
      collect(item, where, out);
    }
  } else if (value.is_list()) {
    for (const auto& item : value.as_list()) {
      collect(item, where, out);
    }
  }
}

std::vector<Named> emitted_hosts(const model::Config& config, const std::vector<OutputFile>& files)
{
  std::vector<Named> out;
  for (const auto& file : files) {
    if (!util::starts_with(file.path, config.environment.name + "/")) {
      continue;
    }
    for (const auto& document : file.documents) {
      collect(document, file.path, out);
    }
  }
  for (const auto& zone : config.edge.dns.zones) {
    std::set<std::string> infrastructure; // glue of name servers and the CNAME target
    for (const auto& server : zone.name_servers) {
      infrastructure.insert(dns::normalize(server));
    }
    infrastructure.insert("ns." + dns::normalize(zone.name));
    infrastructure.insert(dns::normalize(zone.cname));
    for (const auto& record : dns::zone_records(config, zone)) {
      std::string name =
          record.owner == "@" ? dns::normalize(zone.name) : record.owner + "." + dns::normalize(zone.name);
      if (record.type != "NS" && record.owner != "*" && !infrastructure.count(name)) {
        out.push_back({name, "zone " + zone.name});
      }
    }
  }
  if (model::has_target(config, "traefik-redis")) {
    for (const auto& host : redis::target_domains(config)) {
      out.push_back({host, "target_domains"});
    }
  }
  return out;
}

// What the input says may be served: the routes' scopes, the dashboard,
// certificate requests and the certificates of files issuers.
std::set<std::string> served_hosts(const model::Config& config)
{
  std::set<std::string> out;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      out.insert(route.match.scope.hosts.begin(), route.match.scope.hosts.end());
    }
  }
  if (config.edge.dashboard.enabled) {
    out.insert(config.edge.dashboard.host);
  }
  for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (const auto& request : *requests) {
      out.insert(request.domains.begin(), request.domains.end());
    }
  }
  for (const auto& issuer : config.issuers) {
    for (const auto& certificate : issuer.certificates) {
      out.insert(certificate.domains.begin(), certificate.domains.end());
    }
  }
  return out;
}

std::vector<std::string> input_trees()
{
  std::vector<std::string> out;
  for (const char* parent : {"examples", "tests/fixtures"}) {
    for (const auto& entry : std::filesystem::directory_iterator(parent)) {
      if (entry.is_directory()) {
        out.push_back(entry.path().generic_string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RouteHosts, EveryTargetNamesOnlyHostsTheModelSaysARouteServes)
{
  size_t checked = 0;
  for (const auto& tree : input_trees()) {
    auto source = source::directory_source(tree);
    Compilation c = compile(*source);
    ASSERT_FALSE(c.diagnostics.has_errors()) << tree << " does not compile";
    std::vector<OutputFile> files = emit::emit(c.model, {});
    for (const auto& config : c.model.environments) {
      std::set<std::string> served = served_hosts(config);
      for (const auto& named : emitted_hosts(config, files)) {
        EXPECT_TRUE(served.count(named.host)) << tree << ": " << named.where << " names \"" << named.host
                                              << "\", which no route of " << config.environment.name << " serves";
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 50u) << "the examples name fewer hosts than they route";
}

// One edge with every target that names hosts; the rules serve a, c and d
// and exclude b and e.
const char* k_edge = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: test}
spec:
  targets: [traefik, kubernetes, dns]
  defaultIssuer: le
  dns:
    addresses: [192.0.2.10]
    zones: [{name: example.com}]
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec:
  acme:
    email: a@example.com
    solver: {dns01: {provider: cloudflare, apiTokenSecretRef: {name: cf, key: token}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: p}
spec:
  services:
    web: {port: 80}
  routes:
    - name: negated
      rule: Host(`a.example.com`) && !Host(`b.example.com`)
      service: web
    - name: nested
      rule: Host(`C.example.com.`) || (Path(`/x`) && (Host(`d.example.com`) || !(Host(`e.example.com`))))
      service: web
    - name: ip
      rule: Host(`10::10`)
      service: web
)";

std::string with_targets(const std::string& targets)
{
  std::string edge = k_edge;
  return edge.replace(edge.find("[traefik, kubernetes, dns]"), 26, targets);
}

TEST(RouteHosts, NegatedNestedAndOrHostsReachEveryTargetAsTheRuleServesThem)
{
  for (const std::string targets : {"[traefik, kubernetes, dns]", "[traefik, traefik-redis]", "[compose]"}) {
    Compilation c = testing::compile_files({{"edge.yaml", with_targets(targets)}}, false);
    ASSERT_EQ(testing::messages(c), std::vector<std::string>{}) << targets;
    const model::Config& config = testing::config_of(c);
    std::set<std::string> named;
    for (const auto& host : emitted_hosts(config, emit::emit(c.model, {}))) {
      named.insert(host.host);
    }
    // Normalised as Traefik compares them; never the excluded ones, never an
    // address.
    EXPECT_EQ(named, (std::set<std::string>{"a.example.com", "c.example.com", "d.example.com"})) << targets;
  }
}

TEST(RouteHosts, TwoHostsInOneHostMatcherAreAnErrorSoNothingIsRendered)
{
  std::string edge = k_edge;
  edge.replace(edge.find("Host(`a.example.com`) && !Host(`b.example.com`)"), 47,
               "Host(`a.example.com`, `b.example.com`)");
  Compilation c = testing::compile_files({{"edge.yaml", edge}}, false);
  EXPECT_EQ(testing::messages(c), std::vector<std::string>{"edge.yaml:27:13: E0503: Host() takes one value in Traefik "
                                                           "v3 (v2 took several); this one has 2"});
}

} // namespace
} // namespace edgegen::emit
