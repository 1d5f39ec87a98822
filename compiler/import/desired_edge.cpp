// The Edge, the Issuers, services and a route's TLS of an imported
// configuration.
#include "import/desired.hpp"

#include "rules/rule.hpp"
#include "util/empty.hpp"

#include <algorithm>

namespace edgegen::import {

namespace {

// Edge.spec.kubernetes of manifests: Ingress routing when the routes were
// Ingresses only, their class, and the namespace most objects are in.
util::Value kubernetes_settings(const KubernetesSettings& settings)
{
  util::Value out = util::Value::map();
  if (settings.ingress && !settings.ingress_route) {
    out["routing"] = "ingress";
  }
  if (!settings.ingress_class.empty() && settings.ingress_class != "traefik") {
    out["ingressClassName"] = settings.ingress_class;
  }
  std::string namespace_name = "default"; // where kubectl puts an object without one
  int most = 0;
  for (const auto& [name, count] : settings.namespaces) {
    if (!name.empty() && count > most) {
      most = count;
      namespace_name = name;
    }
  }
  out["namespace"] = namespace_name;
  return out;
}

// cert-manager's DNS-01 provider block as an Issuer's dns01 says it.
void kubernetes_solver(const Resolver& resolver, util::Value& dns)
{
  if (!resolver.dns_solver.is_map() || resolver.dns_solver.as_map().empty()) {
    return;
  }
  const auto& [provider, block] = *resolver.dns_solver.as_map().begin();
  const char* token = provider == "cloudflare" ? "apiTokenSecretRef" : "tokenSecretRef";
  if ((provider == "cloudflare" || provider == "digitalocean") && block.is_map() && block.as_map().count(token)) {
    dns["apiTokenSecretRef"] = block.as_map().at(token);
  } else if (provider == "route53" || provider == "webhook") {
    dns[provider] = block;
  }
}

} // namespace

Naming name_issuers(const TraefikConfig& config, const std::string& provider, bool compose,
                    diag::Diagnostics& diagnostics)
{
  Naming naming;
  naming.provider = provider;
  naming.compose = compose;
  std::map<std::string, int> uses;
  for (const auto& [name, resolver] : config.resolvers) {
    naming.issuers[name] = dns_label(name);
    uses[name] = 0;
  }
  std::vector<std::string> bare_hosts; // of TLS routers without a resolver
  for (const auto& [name, router] : config.routers) {
    if (!effective_tls(router, config)) {
      continue;
    }
    std::string resolver = effective_resolver(router, config);
    if (!resolver.empty()) {
      ++uses[resolver];
      continue;
    }
    for (const auto& host : rules::scope_of(rules::parse_rule(router.rule)).hosts) {
      bare_hosts.push_back(rules::normalize_host(host));
    }
  }
  int most = 0;
  for (const auto& [name, count] : uses) {
    if (count > most) {
      most = count;
      naming.default_issuer = name;
    }
  }
  // One storage file for every resolver, in a directory of its own (compose
  // keeps that directory in a volume).
  for (const auto& [name, resolver] : config.resolvers) {
    if (resolver.storage.empty() || resolver.storage == naming.acme_storage) {
      continue;
    }
    size_t slash = resolver.storage.rfind('/');
    bool own_directory = slash != std::string::npos && slash > 0;
    if (naming.acme_storage.empty() && (own_directory || !compose)) {
      naming.acme_storage = resolver.storage;
      continue;
    }
    diagnostics.warning("W0615", resolver.location,
                        "certificatesResolvers." + name + ".acme.storage " + resolver.storage +
                            " is not carried over: " +
                            (naming.acme_storage.empty()
                                 ? "compose keeps the ACME storage in a volume, which needs a directory of its own"
                                 : "edgegen keeps every resolver's certificates in one file, " + naming.acme_storage),
                        "move the certificates, or let the resolvers obtain them again");
  }
  if (!config.certificates.empty()) {
    naming.files_issuer = naming.issuers.count("certificates") ? "certificate-files" : "certificates";
  }
  std::sort(bare_hosts.begin(), bare_hosts.end());
  bare_hosts.erase(std::unique(bare_hosts.begin(), bare_hosts.end()), bare_hosts.end());
  for (size_t i = 0; i < config.certificates.size(); ++i) {
    std::vector<std::string>& domains = naming.certificate_domains[i];
    for (const auto& host : bare_hosts) {
      if (config.certificates.size() == 1 || config.certificates[i].cert_file.find(host) != std::string::npos) {
        domains.push_back(host);
      }
    }
    if (domains.empty()) {
      diagnostics.warning("W0615", config.certificates[i].location,
                          "certificate " + config.certificates[i].cert_file +
                              " is not carried over: no TLS router without a certificate resolver serves a host "
                              "its file name gives, and an Issuer's files need their domains",
                          "add it to the certificates Issuer's files with the domains it serves");
    }
  }
  return naming;
}

util::Value edge_spec(const TraefikConfig& config, const Naming& naming)
{
  util::Value spec = util::Value::map();
  spec["targets"].push_back(naming.kubernetes ? "kubernetes"
                            : naming.compose  ? "compose"
                            : naming.redis    ? "traefik-redis"
                                              : "traefik");
  if (naming.kubernetes) {
    spec["kubernetes"] = kubernetes_settings(config.kubernetes);
  }
  if (naming.compose || (naming.redis && config.has_static)) {
    spec["targets"].push_back("traefik"); // traefik.yml
  }
  if (naming.redis && !naming.root_key.empty() && naming.root_key != "traefik") {
    spec["redis"]["rootKey"] = naming.root_key;
  }
  for (const auto& endpoint : naming.redis ? config.redis_endpoints : util::empty<std::vector<std::string>>()) {
    spec["redis"]["endpoints"].push_back(endpoint);
  }
  for (const auto& [name, entry] : config.entry_points) {
    util::Value& out = spec["entryPoints"][dns_label(name)];
    out["address"] = entry.address;
    if (!entry.redirect_to.empty()) {
      out["redirectTo"] = dns_label(entry.redirect_to);
    }
  }
  if (!naming.default_issuer.empty()) {
    spec["defaultIssuer"] = naming.issuers.at(naming.default_issuer);
  } else if (!naming.worker_issuer.empty()) {
    spec["defaultIssuer"] = naming.worker_issuer;
  }
  util::Value& traefik = spec["traefik"];
  if (!config.dynamic_directory.empty()) {
    traefik["dynamicDirectory"] = config.dynamic_directory;
  }
  if (!naming.acme_storage.empty()) {
    traefik["acmeStorage"] = naming.acme_storage;
  }
  if (config.log.is_map()) {
    for (const char* key : {"level", "format"}) {
      auto it = config.log.as_map().find(key);
      if (it != config.log.as_map().end()) {
        traefik["log"][key] = it->second;
      }
    }
  }
  if (naming.kubernetes) {
    // Traefik's own settings are its Helm release's, not in the manifests.
  } else if (config.access_log.is_null()) {
    traefik["accessLog"] = false;
  } else if (config.access_log.as_map().empty()) {
    traefik["accessLog"] = true;
  } else {
    for (const char* key : {"filePath", "format"}) {
      auto it = config.access_log.as_map().find(key);
      if (it != config.access_log.as_map().end()) {
        traefik["accessLog"][key] = it->second;
      }
    }
  }
  if (!naming.kubernetes) {
    traefik["ping"] = config.ping;
  }
  if (config.tls_default_options.is_map()) {
    for (const char* key : {"minVersion", "sniStrict", "cipherSuites"}) {
      auto it = config.tls_default_options.as_map().find(key);
      if (it != config.tls_default_options.as_map().end()) {
        traefik["tls"][key] = it->second;
      }
    }
  }
  if (traefik.is_null()) {
    spec.as_map().erase("traefik");
  }
  // The domains routers ask certificates for (a wildcard): the Edge's
  // certificates, which edgegen writes back on the routers they cover.
  std::vector<util::Value> requested;
  for (const auto& [name, router] : config.routers) {
    for (const auto& domain : router.tls_domains.as_list()) {
      util::Value certificate = util::Value::map();
      for (const char* key : {"main", "sans"}) {
        auto it = domain.as_map().find(key);
        if (it != domain.as_map().end()) {
          for (const auto& item : it->second.is_list() ? it->second.as_list() : util::Value::List{it->second}) {
            certificate["domains"].push_back(item);
          }
        }
      }
      std::string resolver = effective_resolver(router, config);
      if (!resolver.empty() && resolver != naming.default_issuer && naming.issuers.count(resolver)) {
        certificate["issuer"] = naming.issuers.at(resolver);
      }
      if (std::find(requested.begin(), requested.end(), certificate) == requested.end()) {
        requested.push_back(certificate);
      }
    }
  }
  for (const auto& [name, request] : config.kubernetes.certificates) {
    if (request.shim) {
      continue; // the routes' issuer
    }
    util::Value certificate = util::Value::map();
    for (const auto& domain : request.dns_names) {
      certificate["domains"].push_back(domain);
    }
    auto issuer = naming.issuers.find(request.issuer);
    if (issuer != naming.issuers.end() && request.issuer != naming.default_issuer) {
      certificate["issuer"] = issuer->second;
    }
    if (!request.duration.empty()) {
      certificate["duration"] = request.duration;
    }
    if (!request.renew_before.empty()) {
      certificate["renewBefore"] = request.renew_before;
    }
    requested.push_back(certificate);
  }
  for (auto& certificate : requested) {
    spec["certificates"].push_back(std::move(certificate));
  }
  if (naming.compose && !config.docker_network.empty()) {
    spec["compose"]["network"] = config.docker_network;
  }
  return spec;
}

std::vector<std::pair<std::string, util::Value>> issuer_specs(const TraefikConfig& config, const Naming& naming)
{
  std::vector<std::pair<std::string, util::Value>> out;
  for (const auto& [name, resolver] : config.resolvers) {
    util::Value spec = util::Value::map();
    util::Value& acme = spec["acme"];
    if (!resolver.email.empty()) {
      acme["email"] = resolver.email;
    }
    acme["server"] = acme_server(resolver.ca_server);
    if (resolver.challenge == "dns") {
      util::Value& dns = acme["solver"]["dns01"];
      dns["provider"] = resolver.provider;
      if (!resolver.delay.empty()) {
        dns["delayBeforeCheck"] = resolver.delay;
      }
      for (const auto& address : resolver.resolvers) {
        dns["resolvers"].push_back(address);
      }
      for (const auto& zone : resolver.dns_zones) {
        acme["solver"]["dnsZones"].push_back(zone);
      }
      kubernetes_solver(resolver, dns);
    } else {
      acme["solver"]["http01"]["entryPoint"] = dns_label(resolver.entry_point.empty() ? "web" : resolver.entry_point);
    }
    if (!resolver.private_key.empty()) {
      acme["privateKeySecretRef"]["name"] = resolver.private_key;
    }
    if (resolver.namespaced) {
      spec["kubernetes"]["kind"] = "Issuer";
    }
    out.emplace_back(naming.issuers.at(name), spec);
  }
  if (!naming.worker_issuer.empty()) {
    util::Value spec = util::Value::map();
    spec["acme"]["email"] = "hostmaster@example.com";
    spec["acme"]["server"] = "production";
    spec["acme"]["solver"]["dns01"]["provider"] = "manual"; // lego's: a person answers the challenge
    out.emplace_back(naming.worker_issuer, spec);
  }
  if (!naming.files_issuer.empty()) {
    util::Value spec = util::Value::map();
    util::Value& list = spec["files"]["certificates"] = util::Value::list();
    for (size_t i = 0; i < config.certificates.size(); ++i) {
      const std::vector<std::string>& domains = naming.certificate_domains.at(i);
      if (domains.empty()) {
        continue;
      }
      util::Value certificate = util::Value::map();
      certificate["certFile"] = config.certificates[i].cert_file;
      certificate["keyFile"] = config.certificates[i].key_file;
      for (const auto& domain : domains) {
        certificate["domains"].push_back(domain);
      }
      list.push_back(certificate);
    }
    if (!list.as_list().empty()) {
      out.emplace_back(naming.files_issuer, spec);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

util::Value service_spec(const Service& service, const util::Value& transport, const std::string& rendered,
                         const Naming& naming)
{
  util::Value spec = util::Value::map();
  if (naming.compose && service.urls.size() == 1) {
    // A container of the compose file: scheme://container:port.
    const std::string& url = service.urls.front();
    size_t host_start = url.find("://") + 3;
    size_t colon = url.rfind(':');
    std::string scheme = url.substr(0, host_start - 3);
    std::string host = url.substr(host_start, colon > host_start ? colon - host_start : std::string::npos);
    if (colon > host_start) {
      spec["port"] = static_cast<int64_t>(std::stoll("0" + url.substr(colon + 1)));
    }
    if (host != rendered) {
      spec["host"] = host;
    }
    if (scheme != "http") {
      spec["scheme"] = scheme;
    }
  } else {
    for (const auto& url : service.urls) {
      spec["urls"].push_back(url);
    }
  }
  if (service.health_check.is_map()) {
    spec["healthCheck"] = service.health_check;
  }
  if (service.pass_host_header) {
    spec["passHostHeader"] = *service.pass_host_header;
  }
  if (transport.is_map()) {
    util::Value& tls = spec["tls"];
    for (const auto& [key, value] : transport.as_map()) {
      if (key == "rootCAs") {
        tls["ca"] = value.as_list().front();
      } else {
        tls[key] = value;
      }
    }
  }
  return spec;
}

void route_tls(const Router& router, const TraefikConfig& config, const Naming& naming, util::Value& route)
{
  if (!router.entry_points.empty()) {
    for (const auto& name : effective_entry_points(router, config)) {
      route["entryPoints"].push_back(dns_label(name));
    }
  }
  if (!effective_tls(router, config)) {
    route["tls"] = false;
    return;
  }
  std::string resolver = effective_resolver(router, config);
  if (resolver.empty()) {
    if (!naming.files_issuer.empty()) {
      route["issuer"] = naming.files_issuer;
    }
  } else if (resolver != naming.default_issuer && naming.issuers.count(resolver)) {
    route["issuer"] = naming.issuers.at(resolver);
  }
}

} // namespace edgegen::import
