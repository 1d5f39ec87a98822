// The static configuration (traefik.yml): entry points, providers,
// certificate resolvers, logs. What edgegen's Edge cannot say is W0615.
#include "import/read_common.hpp"
#include "import/traefik_config.hpp"

#include <set>

namespace edgegen::import {

namespace {

const char* const k_production = "https://acme-v02.api.letsencrypt.org/directory";

void read_entry_points(const load::Node& node, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  for (size_t i = 0; i < node.keys.size(); ++i) {
    const load::Node& value = node.items[i];
    EntryPoint entry;
    entry.name = node.keys[i];
    entry.location = node.key_location(i);
    entry.address = text_of(value.find("address"));
    const load::Node* http = value.find("http");
    const load::Node* redirect = http ? find_path(*http, {"redirections", "entryPoint"}) : nullptr;
    if (redirect) {
      entry.redirect_to = text_of(redirect->find("to"));
      std::string scheme = text_of(redirect->find("scheme"));
      const load::Node* permanent = redirect->find("permanent");
      if ((!scheme.empty() && scheme != "https") || (permanent && !permanent->boolean)) {
        diagnostics.warning("W0615", redirect->location(),
                            "entry point \"" + entry.name +
                                "\": edgegen redirects permanently to https; the scheme and permanence written "
                                "here are not carried over");
      }
    }
    for (size_t j = 0; j < value.keys.size(); ++j) {
      if (value.keys[j] != "address" && value.keys[j] != "http") {
        not_carried(value, j, "entryPoints." + entry.name, diagnostics);
      }
    }
    if (const load::Node* tls = http ? http->find("tls") : nullptr) {
      entry.tls = true;
      entry.cert_resolver = text_of(tls->find("certResolver"));
    }
    for (size_t j = 0; http && j < http->keys.size(); ++j) {
      if (http->keys[j] != "redirections" && http->keys[j] != "tls") {
        not_carried(*http, j, "entryPoints." + entry.name + ".http", diagnostics);
      }
    }
    config.entry_points[entry.name] = entry;
  }
}

std::string seconds(const load::Node& node)
{
  return node.kind == load::Node::Kind::integer ? node.text + "s" : node.text;
}

void read_resolvers(const load::Node& node, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  for (size_t i = 0; i < node.keys.size(); ++i) {
    Resolver resolver;
    resolver.name = node.keys[i];
    resolver.location = node.key_location(i);
    const load::Node* acme = node.items[i].find("acme");
    if (!acme) {
      diagnostics.error("E0429", resolver.location,
                        "certificate resolver \"" + resolver.name +
                            "\" has no acme settings: edgegen's issuers are ACME");
      continue;
    }
    resolver.email = text_of(acme->find("email"));
    resolver.ca_server = text_of(acme->find("caServer"));
    resolver.ca_server = resolver.ca_server.empty() ? k_production : resolver.ca_server;
    resolver.storage = text_of(acme->find("storage"));
    static const std::set<std::string> known = {"email",         "caServer",     "storage",
                                                "httpChallenge", "dnsChallenge", "tlsChallenge"};
    for (size_t j = 0; j < acme->keys.size(); ++j) {
      if (!known.count(acme->keys[j])) {
        not_carried(*acme, j, "certificatesResolvers." + resolver.name + ".acme", diagnostics);
      }
    }
    if (const load::Node* http = acme->find("httpChallenge")) {
      resolver.challenge = "http";
      resolver.entry_point = text_of(http->find("entryPoint"));
    } else if (const load::Node* dns = acme->find("dnsChallenge")) {
      resolver.challenge = "dns";
      resolver.provider = text_of(dns->find("provider"));
      if (const load::Node* delay = find_path(*dns, {"propagation", "delayBeforeChecks"})) {
        resolver.delay = seconds(*delay);
      } else if (const load::Node* old = dns->find("delayBeforeCheck")) {
        resolver.delay = seconds(*old);
      }
      if (const load::Node* list = dns->find("resolvers")) {
        for (const auto& item : list->items) {
          resolver.resolvers.push_back(item.text);
        }
      }
    } else if (acme->find("tlsChallenge")) {
      resolver.challenge = "tls";
      diagnostics.error("E0429", acme->key_location(0),
                        "certificate resolver \"" + resolver.name +
                            "\" uses the TLS-ALPN challenge, which edgegen's issuers do not offer",
                        "use httpChallenge (Issuer solver http01) or dnsChallenge (dns01)");
    }
    config.resolvers[resolver.name] = resolver;
  }
}

void read_providers(const load::Node& node, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  for (size_t i = 0; i < node.keys.size(); ++i) {
    const load::Node& provider = node.items[i];
    const std::string& name = node.keys[i];
    if (name == "file") {
      config.dynamic_directory = text_of(provider.find("directory"));
      for (size_t j = 0; j < provider.keys.size(); ++j) {
        if (provider.keys[j] != "directory" && provider.keys[j] != "watch") {
          not_carried(provider, j, "providers.file", diagnostics);
        }
      }
    } else if (name == "docker") {
      config.docker_provider = true;
      config.docker_location = node.key_location(i);
      config.docker_network = text_of(provider.find("network"));
      for (size_t j = 0; j < provider.keys.size(); ++j) {
        if (provider.keys[j] != "network" && provider.keys[j] != "exposedByDefault" && provider.keys[j] != "endpoint") {
          not_carried(provider, j, "providers.docker", diagnostics);
        }
      }
    } else if (name == "redis" && provider.is_map()) {
      config.redis_provider = true;
      config.redis_root_key = text_of(provider.find("rootKey"));
      const load::Node* endpoints = provider.find("endpoints");
      for (size_t j = 0; endpoints && endpoints->is_list() && j < endpoints->items.size(); ++j) {
        config.redis_endpoints.push_back(text_of(&endpoints->items[j]));
      }
      for (size_t j = 0; j < provider.keys.size(); ++j) {
        if (provider.keys[j] != "rootKey" && provider.keys[j] != "endpoints") {
          not_carried(provider, j, "providers.redis", diagnostics);
        }
      }
    } else {
      not_carried(node, i, "providers", diagnostics);
    }
  }
}

} // namespace

void read_static(const load::Node& root, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  if (!root.is_map() || root.find("http") || root.find("tls") || root.find("tcp") ||
      !(root.find("entryPoints") || root.find("providers") || root.find("certificatesResolvers"))) {
    diagnostics.error("E0427", root.location(),
                      "not a Traefik static configuration: it has none of entryPoints, providers and "
                      "certificatesResolvers" +
                          std::string(root.is_map() && (root.find("http") || root.find("tls"))
                                          ? ", and http or tls sections, which dynamic files hold"
                                          : ""),
                      "give the static file (traefik.yml) first, then the dynamic files or directory");
    return;
  }
  config.has_static = true;
  for (size_t i = 0; i < root.keys.size(); ++i) {
    const std::string& key = root.keys[i];
    const load::Node& value = root.items[i];
    if (key == "entryPoints") {
      read_entry_points(value, config, diagnostics);
    } else if (key == "certificatesResolvers") {
      read_resolvers(value, config, diagnostics);
    } else if (key == "providers") {
      read_providers(value, config, diagnostics);
    } else if (key == "log") {
      config.log = to_value(value);
    } else if (key == "accessLog") {
      config.access_log = value.is_null() ? util::Value::map() : to_value(value);
    } else if (key == "ping") {
      config.ping = true;
    } else if (key == "api") {
      const load::Node* dashboard = value.find("dashboard");
      config.dashboard = dashboard && dashboard->boolean;
      config.dashboard_location = dashboard ? dashboard->location() : value.location();
      const load::Node* insecure = value.find("insecure");
      if (insecure && insecure->boolean) {
        config.api_insecure = true;
        config.api_insecure_location = insecure->location();
      }
    } else if (key == "global") {
      const load::Node* check = value.find("checkNewVersion");
      const load::Node* usage = value.find("sendAnonymousUsage");
      if ((check && check->boolean) || (usage && usage->boolean)) {
        not_carried(root, i, "", diagnostics);
      }
    } else {
      not_carried(root, i, "", diagnostics);
    }
  }
}

} // namespace edgegen::import
