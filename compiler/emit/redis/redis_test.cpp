#include "emit/redis/redis.hpp"

#include "testing.hpp"

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
    "apiVersion: edgegen.dev/v1alpha1\n"
    "kind: Edge\n"
    "metadata: {name: fleet}\n"
    "spec:\n"
    "  targets: [traefik-redis]\n"
    "  defaultIssuer: le\n"
    "  redis: {rootKey: edge/prod, endpoints: [\"valkey:6379\"], domainsKey: prod_domains}\n"
    "  certificates:\n"
    "    - domains: [apps.example.com, \"*.apps.example.com\"]\n"
    "  dashboard: {host: traefik.example.com}\n"
    "---\n"
    "apiVersion: edgegen.dev/v1alpha1\n"
    "kind: Issuer\n"
    "metadata: {name: le}\n"
    "spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}\n"
    "---\n"
    "apiVersion: edgegen.dev/v1alpha1\n"
    "kind: Issuer\n"
    "metadata: {name: own}\n"
    "spec: {files: {certificates: [{certFile: /c/a.pem, keyFile: /c/a.key, domains: [a.example.com]}]}}\n"
    "---\n"
    "apiVersion: edgegen.dev/v1alpha1\n"
    "kind: Project\n"
    "metadata: {name: p}\n"
    "spec:\n"
    "  services:\n"
    "    web: {port: 80}\n"
    "  routes:\n"
    "    - host: www.example.com\n"
    "      service: web\n"
    "    - name: preview\n"
    "      host: pr-1.apps.example.com\n"
    "      service: web\n"
    "    - name: own\n"
    "      host: a.example.com\n"
    "      service: web\n"
    "      issuer: own\n"
    "    - name: raw\n"
    "      rule: Host(`x.example.com`) || host(`y.example.com`)\n"
    "      service: web\n"
    "    - name: plain\n"
    "      host: plain.example.com\n"
    "      service: web\n"
    "      tls: false\n";

Compilation compile()
{
  return testing::compile_files({{"edge.yaml", k_edge}}, false);
}

TEST(Redis, KeysHoldTheWholeDynamicConfigurationUnderTheRootKey)
{
  auto c = compile();
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  Keys all = keys(c.model.environments.at(0));
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
  EXPECT_EQ(target_domains(c.model.environments.at(0)),
            (std::vector<std::string>{"*.apps.example.com", "apps.example.com", "traefik.example.com",
                                      "www.example.com", "x.example.com", "y.example.com"}));
}

TEST(Redis, PipeCommandsAreOneTransactionThatFirstDeletesTheKeysOfTheLastApply)
{
  model::RedisSettings settings;
  settings.root_key = "t";
  std::string text = pipe_commands(settings, {{"t/a", "1"}, {"t/b c", "x y"}}, {"d.example.com"});
  std::string script = "local applied = redis.call('SMEMBERS', KEYS[1])\n"
                       "for _, key in ipairs(applied) do redis.call('DEL', key) end\n"
                       "redis.call('DEL', KEYS[1])\n"
                       "return #applied\n";
  EXPECT_EQ(text, "*1\r\n$5\r\nMULTI\r\n"
                  "*4\r\n$4\r\nEVAL\r\n$" +
                      std::to_string(script.size()) + "\r\n" + script +
                      "\r\n$1\r\n1\r\n$14\r\nedgegen:t:keys\r\n"
                      "*3\r\n$3\r\nSET\r\n$3\r\nt/a\r\n$1\r\n1\r\n"
                      "*3\r\n$3\r\nSET\r\n$5\r\nt/b c\r\n$3\r\nx y\r\n"
                      "*4\r\n$4\r\nSADD\r\n$14\r\nedgegen:t:keys\r\n$3\r\nt/a\r\n$5\r\nt/b c\r\n"
                      "*2\r\n$3\r\nDEL\r\n$14\r\ntarget_domains\r\n"
                      "*3\r\n$4\r\nSADD\r\n$14\r\ntarget_domains\r\n$13\r\nd.example.com\r\n"
                      "*1\r\n$4\r\nEXEC\r\n");
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

} // namespace
} // namespace edgegen::emit::redis
