#include "model/build.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::model {
namespace {

using testing::compile_files;
using testing::messages;

const char* k_head = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: p
spec:
  services:
    s: {port: 80}
)";

// Environments a and b, each setting the variable `var` to its own value.
std::string environments_a_and_b(const std::string& var, const std::string& a, const std::string& b)
{
  auto environment = [&](const std::string& name, const std::string& value) {
    return "apiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: " + name + "\nspec:\n  vars: {" +
           var + ": " + value + "}\n";
  };
  return environment("a", a) + "---\n" + environment("b", b);
}

const Config& only(const Compilation& c)
{
  EXPECT_EQ(c.model.environments.size(), 1u);
  return c.model.environments.at(0);
}

TEST(Model, PresetIsMergedUnderTheUsersOptions)
{
  auto c = compile_files({{"p.yaml", std::string(k_head) + R"(  routes: []
  middlewares:
    h:
      preset: secure-headers
      headers:
        stsSeconds: 60
)"}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  const Middleware& m = only(c).projects.at(0).middlewares.at(0);
  EXPECT_EQ(m.output_name, "p-h");
  EXPECT_EQ(m.type, "headers");
  const util::Value& headers = m.config.as_map().at("headers");
  EXPECT_EQ(headers.as_map().at("stsSeconds").as_int(), 60);
  EXPECT_TRUE(headers.as_map().at("frameDeny").as_bool()); // from the preset
}

TEST(Model, EnvironmentVarsOverrideTheEdgesAndDollarDollarIsLiteral)
{
  const char* environment = R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: dev
spec:
  vars:
    domain: dev.example.com
    port: 8080
)";
  auto c = compile_files({{"env.yaml", environment}, {"p.yaml", std::string(k_head) + R"(  routes:
    - host: a.${domain}
      service: s
  middlewares:
    r:
      redirectRegex:
        regex: ^http://(.*):${port}
        replacement: https://$${1}
)"}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  const Project& p = only(c).projects.at(0);
  EXPECT_EQ(p.routes.at(0).host(), "a.dev.example.com");
  const util::Value& r = p.middlewares.at(0).config.as_map().at("redirectRegex");
  EXPECT_EQ(r.as_map().at("regex").as_string(), "^http://(.*):8080");
  EXPECT_EQ(r.as_map().at("replacement").as_string(), "https://${1}");
}

TEST(Model, VariablesNeverReferToVariablesAndNoDollarBraceSurvives)
{
  const char* environment = R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: dev
spec:
  vars:
    domain: x.${domain}
    v1: a
    v2: "${v1}${v1}"
    open: "b${"
    literal: "$${v1}"
)";
  auto c = compile_files({{"env.yaml", environment}, {"p.yaml", std::string(k_head) + R"(  routes:
    - name: a
      host: a.${domain}
      service: s
    - name: b
      host: ${v2}.example.com
      service: s
    - name: c
      host: b.${literal}.example.com
      service: s
)"}});
  EXPECT_EQ(messages(c), (std::vector<std::string>{
                             "env.yaml:7:13: E0425: variable \"domain\" refers to a variable: \"x.${domain}\"",
                             "env.yaml:9:9: E0425: variable \"v2\" refers to a variable: \"${v1}${v1}\"",
                             "env.yaml:10:11: E0302: malformed variable reference in \"b${\"", // once, not also E0425
                             // the `$${` escape gives a literal ${, which the host check still sees
                             "p.yaml:16:13: E0431: \"b.${v1}.example.com\" is not a valid host name: "
                             "label \"${v1}\" has a character other than a-z, 0-9 and '-'",
                         }));
  EXPECT_TRUE(c.files.empty());
}

TEST(Model, IssuerFallsBackFromRouteToEnvironmentToEdge)
{
  const char* more = R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: staging
spec:
  acme:
    email: a@example.com
    server: staging
    solver:
      http01: {}
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: dev
spec:
  issuer: staging
)";
  auto c = compile_files({{"more.yaml", more}, {"p.yaml", std::string(k_head) + R"(  routes:
    - host: a.example.com
      service: s
    - name: own
      host: b.example.com
      service: s
      issuer: le
)"}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  const Config& config = only(c);
  EXPECT_EQ(config.projects.at(0).routes.at(0).issuer().resolved, "staging");
  EXPECT_EQ(config.projects.at(0).routes.at(1).issuer().resolved, "le");
  const Issuer* staging = find_issuer(config, "staging");
  ASSERT_NE(staging, nullptr);
  EXPECT_EQ(staging->server, "https://acme-staging-v02.api.letsencrypt.org/directory");
  EXPECT_EQ(staging->solver.entry_point.name, "web"); // the entry point that redirects to HTTPS
}

TEST(Model, EnvironmentsShareTheServicesAndMiddlewaresTheyConvertAlike)
{
  const std::string environments = environments_a_and_b("backend", "backend-a", "backend-b");
  const char* project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: %s
spec:
  services:
    s:
      port: 80
      host: %s
  routes:
    - host: %s.example.com
      service: s
      middlewares: [h]
  middlewares:
    h:
      headers: {frameDeny: true}
%s)";
  auto make = [&](const char* name, const char* host, const char* chained) {
    std::string out(1000, '\0');
    out.resize(std::snprintf(out.data(), out.size(), project, name, host, name, chained));
    return out;
  };
  // p writes the same values for both; q's backend is a variable; r's chain
  // names a shared middleware, which only b has.
  const char* shared = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: m
spec:
  environments: [b]
  compress: {}
)";
  auto c = compile_files({{"env.yaml", environments},
                          {"m.yaml", shared},
                          {"p.yaml", make("p", "backend", "")},
                          {"q.yaml", make("q", "${backend}", "")},
                          {"r.yaml", make("r", "backend", "    c:\n      chain: {middlewares: [m]}\n")}});
  ASSERT_EQ(messages(c), (std::vector<std::string>{
                             "r.yaml:18:29: E0417: middleware \"m\" does not exist in environment \"a\"",
                         }));
  ASSERT_EQ(c.model.environments.size(), 2u);
  const auto& a = c.model.environments[0].projects;
  const auto& b = c.model.environments[1].projects;
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_TRUE(b[0].services.shares(a[0].services));
  EXPECT_TRUE(b[0].middlewares.shares(a[0].middlewares));
  EXPECT_FALSE(b[1].services.shares(a[1].services));
  EXPECT_EQ(a[1].services[0].host, "backend-a");
  EXPECT_EQ(b[1].services[0].host, "backend-b");
  EXPECT_TRUE(b[1].middlewares.shares(a[1].middlewares));
  // A chain is resolved in each environment on a list of its own.
  EXPECT_FALSE(b[2].middlewares.shares(a[2].middlewares));
  EXPECT_EQ(a[2].middlewares[0].chain.at(0).resolved, "");
  EXPECT_EQ(b[2].middlewares[0].chain.at(0).resolved, "m");
}

TEST(Model, EnvironmentsShareWhatARouteSaysBesidesItsHostsWhereTheyResolveItAlike)
{
  const std::string environments = environments_a_and_b("domain", "a.example.com", "b.example.com");
  const char* shared = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: m
spec:
  compress: {}
)";
  // The project's own middleware m exists in b only: in a, the route's m is
  // the shared one.
  const std::string project = std::string(k_head) + R"(  routes:
    - name: web
      host: web.${domain}
      service: s
    - name: own
      host: own.${domain}
      service: s
      middlewares: [m]
    - name: path
      host: path.example.com
      pathPrefix: /${domain}
      service: s
      tls: false
    - name: raw
      rule: Host(`raw.${domain}`) && PathPrefix(`/x`)
      service: s
  middlewares:
    m:
      environments: [b]
      headers: {frameDeny: true}
)";
  auto c = compile_files({{"env.yaml", environments}, {"m.yaml", shared}, {"p.yaml", project}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  ASSERT_EQ(c.model.environments.size(), 2u);
  const auto& a = c.model.environments[0].projects.at(0).routes;
  const auto& b = c.model.environments[1].projects.at(0).routes;
  ASSERT_EQ(a.size(), 4u);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_TRUE(b[0].shares(a[0]));
  EXPECT_FALSE(a[0].raw());
  EXPECT_EQ(a[0].rule(), "");
  EXPECT_EQ(a[0].rule_written(), nullptr);
  EXPECT_EQ(a[0].host(), "web.a.example.com");
  EXPECT_EQ(b[0].host(), "web.b.example.com");
  EXPECT_EQ(b[0].service().resolved, "p-s");
  EXPECT_EQ(b[0].issuer().resolved, "le"); // the Edge's default, named by neither
  // Converted alike, resolved otherwise: b's route gets a copy of its own.
  EXPECT_FALSE(b[1].shares(a[1]));
  EXPECT_EQ(a[1].middlewares().at(0).resolved, "m");
  EXPECT_EQ(b[1].middlewares().at(0).resolved, "p-m");
  // A variable outside the host: nothing to share.
  EXPECT_FALSE(b[2].shares(a[2]));
  EXPECT_EQ(a[2].path_prefix(), "/a.example.com");
  EXPECT_EQ(b[2].path_prefix(), "/b.example.com");
  EXPECT_EQ(a[2].issuer().name, ""); // no TLS, no issuer
  // A raw rule: its text per environment is the route's own; as written, shared.
  EXPECT_TRUE(b[3].shares(a[3]));
  EXPECT_TRUE(a[3].raw());
  EXPECT_EQ(a[3].rule(), "Host(`raw.a.example.com`) && PathPrefix(`/x`)");
  EXPECT_EQ(b[3].rule(), "Host(`raw.b.example.com`) && PathPrefix(`/x`)");
  EXPECT_NE(&b[3].rule(), &a[3].rule()); // one text per environment
  ASSERT_NE(a[3].rule_written(), nullptr);
  EXPECT_EQ(a[3].rule_written()->text, "Host(`raw.${domain}`) && PathPrefix(`/x`)");
}

TEST(Model, WithoutEnvironmentsThereIsOneNamedDefault)
{
  auto c = compile_files({{"p.yaml", std::string(k_head) + "  routes: []\n"}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  EXPECT_EQ(only(c).environment.name, "default");
  EXPECT_TRUE(only(c).environment.implicit);
  ASSERT_EQ(only(c).edge.entry_points.size(), 2u);
  EXPECT_EQ(only(c).edge.entry_points[0].redirect_to.resolved, "websecure");
}

TEST(Model, InvalidObjectsDoNotCascadeIntoUnknownReferences)
{
  // The middleware fails validation (misspelt option); the route that uses it
  // must not also get "unknown middleware".
  const char* middleware = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: m
spec:
  rateLimit:
    averag: 5
)";
  auto c = compile_files({{"m.yaml", middleware}, {"p.yaml", std::string(k_head) + R"(  routes:
    - host: a.example.com
      service: s
      middlewares: [m]
)"}});
  auto all = messages(c);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_NE(all[0].find("m.yaml:7:5: E0203: unknown property \"averag\""), std::string::npos) << all[0];
}

TEST(Model, ExcludedFilesAreNotRead)
{
  std::vector<source::SourceFile> files = {{"edge.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: e
spec:
  exclude: [legacy, "**/*.draft.yaml"]
)"},
                                           {"legacy/old.yaml", "not: [valid"},
                                           {"a/b.draft.yaml", "kind: Whatever\n"}};
  auto source = source::memory_source(files);
  auto c = compile(*source);
  EXPECT_EQ(messages(c), std::vector<std::string>{});
  EXPECT_EQ(c.document_count, 1u);
}

TEST(Model, ExcludeMatchesThePathInTheTreeNotTheNameDiagnosticsUse)
{
  std::vector<source::SourceFile> files = {{"edge.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: e
spec:
  exclude: [legacy]
)",
                                            "repo/edge/edge.yaml"},
                                           {"legacy/old.yaml", "not: [valid", "repo/edge/legacy/old.yaml"},
                                           {"kept/new.yaml", "not: [valid", "repo/edge/kept/new.yaml"}};
  auto source = source::memory_source(files);
  auto c = compile(*source);
  auto all = messages(c);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rfind("repo/edge/kept/new.yaml:", 0), 0u) << all[0];
}

} // namespace
} // namespace edgegen::model
