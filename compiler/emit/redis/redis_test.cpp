#include "emit/redis/redis.hpp"

#include "testing.hpp"
#include "util/strings.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::redis {
namespace {

using util::Value;

TEST(Redis, FlattenNumbersListItemsAndTurnsEmptySectionsIntoTrue)
{
  Value router;
  router["entryPoints"] = Value::List{"web", "websecure"};
  router["priority"] = 10;
  router["tls"] = Value::map();
  router["observability"] = Value();     // null: nothing
  router["middlewares"] = Value::list(); // empty: nothing
  Value service;
  service["loadBalancer"]["servers"] =
      Value::List{Value::Map{{"url", "http://a:1"}}, Value::Map{{"url", "http://b:2"}}};
  service["loadBalancer"]["passHostHeader"] = false;
  service["weight"] = 0.25;
  Keys out;
  flatten("root/http/routers/r", router, out);
  flatten("root/http/services/s", service, out);
  EXPECT_EQ(out, (Keys{{"root/http/routers/r/entryPoints/0", "web"},
                       {"root/http/routers/r/entryPoints/1", "websecure"},
                       {"root/http/routers/r/priority", "10"},
                       {"root/http/routers/r/tls", "true"},
                       {"root/http/services/s/loadBalancer/passHostHeader", "false"},
                       {"root/http/services/s/loadBalancer/servers/0/url", "http://a:1"},
                       {"root/http/services/s/loadBalancer/servers/1/url", "http://b:2"},
                       {"root/http/services/s/weight", "0.25"}}));
}

const char* k_edge =
    R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: fleet}
spec:
  targets: [traefik-redis]
  defaultIssuer: le
  redis: {rootKey: edge/prod, endpoints: ["valkey:6379"], domainsKey: prod_domains}
  certificates:
    - domains: [apps.example.com, "*.apps.example.com"]
  dashboard: {host: traefik.example.com}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: own}
spec: {files: {certificates: [{certFile: /c/a.pem, keyFile: /c/a.key, domains: [a.example.com]}]}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: p}
spec:
  services:
    web: {port: 80}
  routes:
    - host: www.example.com
      service: web
    - name: preview
      host: pr-1.apps.example.com
      service: web
    - name: own
      host: a.example.com
      service: web
      issuer: own
    - name: raw
      rule: Host(`x.example.com`) || host(`y.example.com`)
      service: web
    - name: plain
      host: plain.example.com
      service: web
      tls: false
)";

testing::Compiled compile()
{
  return testing::compile_files({{"edge.yaml", k_edge}}, false);
}

TEST(Redis, KeysHoldTheWholeDynamicConfigurationUnderTheRootKey)
{
  auto c = compile();
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  Keys all = keys(testing::config_of(c));
  // Routers only ask for TLS: the certificate worker provides certificates.
  EXPECT_EQ(all.at("edge/prod/http/routers/p-preview/tls"), "true");
  EXPECT_EQ(all.count("edge/prod/http/routers/p-preview/tls/certResolver"), 0u);
  EXPECT_EQ(all.count("edge/prod/http/routers/p-plain/tls"), 0u);
  EXPECT_EQ(all.at("edge/prod/http/routers/dashboard/service"), "api@internal");
  EXPECT_EQ(all.at("edge/prod/http/services/p-web/loadBalancer/servers/0/url"), "http://p-web:80");
  EXPECT_EQ(all.at("edge/prod/tls/certificates/0/certFile"), "/c/a.pem");
  EXPECT_EQ(all.at("edge/prod/tls/certificates/0/stores/0"), "default");
  EXPECT_EQ(all.at("edge/prod/tls/options/default/minVersion"), "VersionTLS12");
  // The default store is Traefik's anyway; "stores/default = true" would not be a store.
  EXPECT_EQ(all.count("edge/prod/tls/stores/default"), 0u);
  for (const auto& [key, value] : all) {
    EXPECT_EQ(key.rfind("edge/prod/", 0), 0u) << key;
    EXPECT_FALSE(value.empty()) << key; // Traefik's KV provider skips empty values
  }
}

TEST(Redis, TargetDomainsAreWhatTheAcmeRoutersNeedCertificatesFor)
{
  auto c = compile();
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  // pr-1.apps is served by the wildcard request; a.example.com has its own
  // certificate files; plain.example.com is not TLS.
  EXPECT_EQ(target_domains(testing::config_of(c)),
            (std::vector<std::string>{"*.apps.example.com", "apps.example.com", "traefik.example.com",
                                      "www.example.com", "x.example.com", "y.example.com"}));
}

// Traefik's reading of a KV tree (pkg/config/kv): keys sorted as strings;
// the keys of a list of scalars ("…/<digits>") joined with ',' in that
// order, and the joined text split on ',' with spaces trimmed (paerser).
std::map<std::string, std::vector<std::string>> traefik_scalar_lists(const Keys& keys)
{
  std::map<std::string, std::string> joined;
  for (const auto& [key, value] : keys) { // std::map: sorted as strings
    auto slash = key.rfind('/');
    std::string last = key.substr(slash + 1);
    if (last.empty() || last.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    std::string& text = joined[key.substr(0, slash)];
    text += (text.empty() ? "" : ",") + value;
  }
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [key, text] : joined) {
    for (auto part : util::split(text, ',')) {
      auto first = part.find_first_not_of(" \t");
      auto last = part.find_last_not_of(" \t");
      out[key].push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
    }
  }
  return out;
}

TEST(Redis, ListsOfMoreThanTenItemsKeepTheirOrderWhenTraefikSortsTheKeysAsStrings)
{
  Value router;
  Value::List middlewares;
  for (int i = 0; i < 12; ++i) {
    middlewares.push_back("m" + std::to_string(i));
  }
  router["middlewares"] = middlewares;
  router["entryPoints"] = Value::List{"web", "websecure"};
  Keys out;
  flatten("r", router, out);
  EXPECT_EQ(out.at("r/middlewares/00"), "m0");
  EXPECT_EQ(out.at("r/middlewares/09"), "m9");
  EXPECT_EQ(out.at("r/middlewares/11"), "m11");
  EXPECT_EQ(out.at("r/entryPoints/1"), "websecure"); // ten items or fewer: one digit, as before
  auto lists = traefik_scalar_lists(out);
  EXPECT_EQ(lists.at("r/middlewares"),
            (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11"}));
  EXPECT_EQ(lists.at("r/entryPoints"), (std::vector<std::string>{"web", "websecure"}));
  // A list of maps: Traefik takes the children in key order too.
  Value::List servers;
  for (int i = 0; i < 11; ++i) {
    servers.push_back(Value::Map{{"url", "http://s" + std::to_string(i)}});
  }
  Keys service;
  flatten("s", Value(servers), service);
  std::vector<std::string> order;
  for (const auto& [key, value] : service) {
    order.push_back(value);
  }
  EXPECT_EQ(order.front(), "http://s0");
  EXPECT_EQ(order.at(2), "http://s2");
  EXPECT_EQ(order.back(), "http://s10");
}

TEST(Redis, PipeCommandsAreOneTransactionThatTurnsOnNotificationsAndAppliesByOneScriptThenChecksIt)
{
  model::RedisSettings settings;
  settings.root_key = "t";
  DomainCertificate domain;
  domain.issuer = "le";
  domain.server = "https://acme.example/dir";
  domain.challenge = "http-01";
  domain.certificate = {"d.example.com"};
  const Keys keys = {{"t/a", "1"}, {"t/b c", "x y"}};
  std::string text = pipe_commands(settings, keys, {{"d.example.com", domain}});
  auto bulk = [](const std::string& s) { return "$" + std::to_string(s.size()) + "\r\n" + s + "\r\n"; };
  ASSERT_EQ(text.rfind("*1\r\n$5\r\nMULTI\r\n"
                       "*4\r\n$6\r\nCONFIG\r\n$3\r\nSET\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nKEA\r\n"
                       "*28\r\n$4\r\nEVAL\r\n",
                       0),
            0u)
      << text;
  const std::string four = bulk("4") + bulk("edgegen:t:keys") + bulk("target_domains") + bulk("edgegen:t:domains") +
                           bulk("edgegen:t:digest");
  std::string args = four + bulk("2") + bulk("t/a") + bulk("1") + bulk("t/b c") + bulk("x y") + bulk("1") +
                     bulk("target_domains:d.example.com") + bulk("5") + bulk("certificate") + bulk("d.example.com") +
                     bulk("challenge") + bulk("http-01") + bulk("domains") + bulk("d.example.com") + bulk("issuer") +
                     bulk("le") + bulk("server") + bulk("https://acme.example/dir") + bulk("1") + bulk("d.example.com");
  size_t at = text.find(args);
  ASSERT_NE(at, std::string::npos) << text;
  // The digest of the state is the script's last argument and the check's.
  std::string rest = text.substr(at + args.size());
  ASSERT_EQ(rest.rfind("$16\r\n", 0), 0u) << rest;
  const std::string digest = rest.substr(5, 16);
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos) << digest;
  rest = rest.substr(5 + 16 + 2);
  ASSERT_EQ(rest.rfind("*1\r\n$4\r\nEXEC\r\n*8\r\n$4\r\nEVAL\r\n", 0), 0u) << rest;
  ASSERT_GE(rest.size(), four.size() + 23);
  EXPECT_EQ(rest.substr(rest.size() - four.size() - 23), four + bulk(digest));
  // Another state, another digest; the same state, the same one.
  EXPECT_EQ(pipe_commands(settings, keys, {{"d.example.com", domain}}), text);
  const std::string other = pipe_commands(settings, {{"t/a", "2"}, {"t/b c", "x y"}}, {{"d.example.com", domain}});
  EXPECT_EQ(other.find(bulk(digest)), std::string::npos);
}

TEST(Redis, EachDomainIsDescribedForTheCertificateWorker)
{
  auto c = compile();
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  auto domains = certificate_domains(testing::config_of(c));
  using Fields = std::map<std::string, std::string>;
  const Fields wildcard = {{"issuer", "le"},
                           {"server", "https://acme-v02.api.letsencrypt.org/directory"},
                           {"email", "a@example.com"},
                           {"challenge", "dns-01"},
                           {"provider", "cloudflare"},
                           {"certificate", "apps.example.com"},
                           {"domains", "apps.example.com,*.apps.example.com"}};
  EXPECT_EQ(domain_fields(domains.at("*.apps.example.com")), wildcard);
  EXPECT_EQ(domain_fields(domains.at("apps.example.com")), wildcard);
  EXPECT_EQ(domain_fields(domains.at("www.example.com")).at("domains"), "www.example.com");
  model::RedisSettings settings;
  settings.domains_key = "prod_domains";
  EXPECT_EQ(domain_key(settings, "www.example.com"), "prod_domains:www.example.com");
}

TEST(Redis, RenderWritesTheKeysForReviewAndThePipeInput)
{
  auto c = compile();
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  std::vector<std::string> paths;
  for (const auto& file : c.files) {
    paths.push_back(file.path);
  }
  // traefik.yml (redis provider) comes with the target; the dynamic files do not.
  EXPECT_EQ(paths, (std::vector<std::string>{"default/traefik/kv.json", "default/traefik/redis.txt",
                                             "default/traefik/traefik.yml"}));
}

TEST(Redis, SentinelEndpointsNameTheirMasterInTraefikYml)
{
  std::string edge = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: fleet}
spec:
  targets: [traefik-redis]
  redis: {endpoints: ["s-0:26379", "s-1:26379"], sentinel: {masterName: edge}}
)";
  auto c = testing::compile_files({{"edge.yaml", edge}}, false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const OutputFile* yml = nullptr;
  for (const auto& file : c.files) {
    yml = file.path == "default/traefik/traefik.yml" ? &file : yml;
  }
  ASSERT_NE(yml, nullptr);
  const Value& redis = yml->documents.at(0).as_map().at("providers").as_map().at("redis");
  EXPECT_EQ(redis.as_map().at("sentinel").as_map().at("masterName").as_string(), "edge");
  EXPECT_EQ(redis.as_map().at("endpoints").as_list().size(), 2u);
}

TEST(Redis, ServersTransportsAreKeysAndTheServiceNamesOne)
{
  const std::string project =
      R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: lab}
spec:
  services: {nas: {host: nas.lab.internal, port: 5001, scheme: https, tls: {ca: /certs/lab-ca.pem}}}
  routes: [{host: nas.example.com, service: nas}]
)";
  auto c = testing::compile_files({{"edge.yaml", std::string(k_edge) + project}}, false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  Keys all = keys(testing::config_of(c));
  EXPECT_EQ(all.at("edge/prod/http/services/lab-nas/loadBalancer/serversTransport"), "lab-nas");
  EXPECT_EQ(all.at("edge/prod/http/serversTransports/lab-nas/rootCAs/0"), "/certs/lab-ca.pem");
  EXPECT_EQ(all.count("edge/prod/http/serversTransports/lab-nas/serverName"), 0u);
}

} // namespace
} // namespace edgegen::emit::redis
