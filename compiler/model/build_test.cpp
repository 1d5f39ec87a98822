#include "model/build.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::model {
namespace {

using testing::compile_files;
using testing::messages;

const char* k_head = "apiVersion: edgegen.dev/v1alpha1\n"
                     "kind: Project\n"
                     "metadata:\n"
                     "  name: p\n"
                     "spec:\n"
                     "  services:\n"
                     "    s: {port: 80}\n";

const Config& only(const Compilation& c)
{
  EXPECT_EQ(c.model.environments.size(), 1u);
  return c.model.environments.at(0);
}

TEST(Model, PresetIsMergedUnderTheUsersOptions)
{
  auto c = compile_files({{"p.yaml", std::string(k_head) + "  routes: []\n"
                                                           "  middlewares:\n"
                                                           "    h:\n"
                                                           "      preset: secure-headers\n"
                                                           "      headers:\n"
                                                           "        stsSeconds: 60\n"}});
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
  const char* environment = "apiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: dev\n"
                            "spec:\n  vars:\n    domain: dev.example.com\n    port: 8080\n";
  auto c = compile_files({{"env.yaml", environment},
                          {"p.yaml", std::string(k_head) + "  routes:\n"
                                                           "    - host: a.${domain}\n"
                                                           "      service: s\n"
                                                           "  middlewares:\n"
                                                           "    r:\n"
                                                           "      redirectRegex:\n"
                                                           "        regex: ^http://(.*):${port}\n"
                                                           "        replacement: https://$${1}\n"}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  const Project& p = only(c).projects.at(0);
  EXPECT_EQ(p.routes.at(0).host, "a.dev.example.com");
  const util::Value& r = p.middlewares.at(0).config.as_map().at("redirectRegex");
  EXPECT_EQ(r.as_map().at("regex").as_string(), "^http://(.*):8080");
  EXPECT_EQ(r.as_map().at("replacement").as_string(), "https://${1}");
}

TEST(Model, VariablesNeverReferToVariablesAndNoDollarBraceSurvives)
{
  const char* environment = "apiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: dev\n"
                            "spec:\n  vars:\n    domain: x.${domain}\n    v1: a\n    v2: \"${v1}${v1}\"\n"
                            "    open: \"b${\"\n    literal: \"$${v1}\"\n";
  auto c = compile_files({{"env.yaml", environment},
                          {"p.yaml", std::string(k_head) + "  routes:\n"
                                                           "    - name: a\n"
                                                           "      host: a.${domain}\n"
                                                           "      service: s\n"
                                                           "    - name: b\n"
                                                           "      host: ${v2}.example.com\n"
                                                           "      service: s\n"
                                                           "    - name: c\n"
                                                           "      host: b.${literal}.example.com\n"
                                                           "      service: s\n"}});
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
  const char* more = "apiVersion: edgegen.dev/v1alpha1\nkind: Issuer\nmetadata:\n  name: staging\n"
                     "spec:\n  acme:\n    email: a@example.com\n    server: staging\n    solver:\n      http01: {}\n"
                     "---\n"
                     "apiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: dev\n"
                     "spec:\n  issuer: staging\n";
  auto c = compile_files({{"more.yaml", more},
                          {"p.yaml", std::string(k_head) + "  routes:\n"
                                                           "    - host: a.example.com\n"
                                                           "      service: s\n"
                                                           "    - name: own\n"
                                                           "      host: b.example.com\n"
                                                           "      service: s\n"
                                                           "      issuer: le\n"}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  const Config& config = only(c);
  EXPECT_EQ(config.projects.at(0).routes.at(0).issuer.resolved, "staging");
  EXPECT_EQ(config.projects.at(0).routes.at(1).issuer.resolved, "le");
  const Issuer* staging = find_issuer(config, "staging");
  ASSERT_NE(staging, nullptr);
  EXPECT_EQ(staging->server, "https://acme-staging-v02.api.letsencrypt.org/directory");
  EXPECT_EQ(staging->solver.entry_point.name, "web"); // the entry point that redirects to HTTPS
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
  const char* middleware = "apiVersion: edgegen.dev/v1alpha1\nkind: Middleware\nmetadata:\n  name: m\n"
                           "spec:\n  rateLimit:\n    averag: 5\n";
  auto c = compile_files({{"m.yaml", middleware},
                          {"p.yaml", std::string(k_head) + "  routes:\n"
                                                           "    - host: a.example.com\n"
                                                           "      service: s\n"
                                                           "      middlewares: [m]\n"}});
  auto all = messages(c);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_NE(all[0].find("m.yaml:7:5: E0203: unknown property \"averag\""), std::string::npos) << all[0];
}

TEST(Model, ExcludedFilesAreNotRead)
{
  std::vector<source::SourceFile> files = {
      {"edge.yaml", "apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata:\n  name: e\nspec:\n"
                    "  exclude: [legacy, \"**/*.draft.yaml\"]\n"},
      {"legacy/old.yaml", "not: [valid"},
      {"a/b.draft.yaml", "kind: Whatever\n"}};
  auto source = source::memory_source(files);
  auto c = compile(*source, true);
  EXPECT_EQ(messages(c), std::vector<std::string>{});
  EXPECT_EQ(c.document_count, 1u);
}

} // namespace
} // namespace edgegen::model
