#include "patch/patch.hpp"

#include "load/load.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::patch {
namespace {

using testing::compile_files;
using testing::messages;

load::Node yaml(const std::string& file, const std::string& text)
{
  static std::vector<std::unique_ptr<std::string>> names; // locations point at the name
  names.push_back(std::make_unique<std::string>(file));
  diag::Diagnostics diagnostics;
  auto roots = load::read_yaml(*names.back(), text, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return roots.at(0);
}

std::string where(const load::Node& node)
{
  return diag::format_location(node.location());
}

TEST(MergePatch, MapsMergeListsAndScalarsReplaceNullRemoves)
{
  load::Node target = yaml("base.yaml", "a: {b: 1, c: 2}\n"
                                        "list: [1, 2]\n"
                                        "gone: x\n"
                                        "kept: y\n");
  load::Node patch = yaml("patch.yaml", "a: {c: 3, d: {e: null, f: 4}}\n"
                                        "list: [9]\n"
                                        "gone: null\n"
                                        "new: z\n");
  merge_patch(target, patch);
  ASSERT_EQ(target.keys, (std::vector<std::string>{"a", "list", "kept", "new"}));
  const load::Node& a = *target.find("a");
  ASSERT_EQ(a.keys, (std::vector<std::string>{"b", "c", "d"}));
  EXPECT_EQ(where(*a.find("b")), "base.yaml:1:8");             // untouched: where it was written
  EXPECT_EQ(where(*a.find("c")), "patch.yaml:1:8");            // replaced: where the patch wrote it
  EXPECT_EQ(a.find("d")->keys, std::vector<std::string>{"f"}); // a null in a new map is dropped
}

TEST(MergePatch, KeysAddedToAMapAreLocatedInThePatch)
{
  load::Node target = yaml("base.yaml", "a: 1\n");
  load::Node patch = yaml("patch.yaml", "\nb: 2\n");
  merge_patch(target, patch);
  EXPECT_EQ(diag::format_location(target.key_location(1)), "patch.yaml:2:1");
  EXPECT_EQ(where(target.items[1]), "patch.yaml:2:4");
  EXPECT_EQ(diag::format_location(target.key_location(0)), "base.yaml:1:1");
}

const char* k_project = "apiVersion: edgegen.dev/v1alpha1\n"
                        "kind: Project\n"
                        "metadata:\n"
                        "  name: shop\n"
                        "spec:\n"
                        "  services:\n"
                        "    web: {port: 80}\n"
                        "  routes:\n"
                        "    - host: shop.${domain}\n"
                        "      service: web\n";

// Two environments: dev with `patches` (its entries from line 7), prod without.
std::string environments(const std::string& patches)
{
  return "apiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: dev\nspec:\n"
         "  patches:\n" +
         patches +
         "---\n"
         "apiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: prod\nspec: {}\n";
}

const model::Config& environment(const Compilation& c, const std::string& name)
{
  for (const auto& config : c.model.environments) {
    if (config.environment.name == name) {
      return config;
    }
  }
  throw std::runtime_error("no environment " + name);
}

TEST(Patches, ATypedValueReachesItsEnvironmentOnly)
{
  auto c = compile_files({{"env.yaml", environments("    - target: {kind: Project, name: shop}\n"
                                                    "      patch:\n"
                                                    "        routes:\n"
                                                    "          - host: dev.${domain}\n"
                                                    "            service: web\n"
                                                    "            tls: false\n"
                                                    "    - target: {kind: Edge, name: test}\n"
                                                    "      patch: {dashboard: {host: \"traefik.${domain}\"}}\n")},
                          {"shop.yaml", k_project}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  const model::Route& dev = environment(c, "dev").projects.at(0).routes.at(0);
  EXPECT_EQ(dev.host, "dev.example.com"); // variables are substituted after the merge
  EXPECT_FALSE(dev.tls);
  EXPECT_EQ(diag::format_location(dev.host_location), "env.yaml:10:19");
  EXPECT_TRUE(environment(c, "dev").edge.dashboard.enabled);
  const model::Route& prod = environment(c, "prod").projects.at(0).routes.at(0);
  EXPECT_EQ(prod.host, "shop.example.com");
  EXPECT_TRUE(prod.tls);
  EXPECT_EQ(diag::format_location(prod.host_location), "shop.yaml:9:13");
  EXPECT_FALSE(environment(c, "prod").edge.dashboard.enabled);
}

TEST(Patches, AreAppliedInTheOrderWritten)
{
  auto c = compile_files({{"env.yaml", environments("    - target: {kind: Project, name: shop}\n"
                                                    "      patch: {services: {web: {port: 81}}}\n"
                                                    "    - target: {kind: Project, name: shop}\n"
                                                    "      patch: {services: {web: {port: 82}}}\n")},
                          {"shop.yaml", k_project}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  EXPECT_EQ(environment(c, "dev").projects.at(0).services.at(0).port, 82);
  EXPECT_EQ(environment(c, "prod").projects.at(0).services.at(0).port, 80);
}

TEST(Patches, ErrorsAreAtThePatch)
{
  auto c = compile_files({{"env.yaml", environments("    - target: {kind: Project, name: shpo}\n"
                                                    "      patch: {routes: []}\n"
                                                    "    - target: {kind: RouteTest, name: smoke}\n"
                                                    "      patch: {cases: []}\n"
                                                    "    - target: {kind: Middleware, name: oauth}\n"
                                                    "      patch: {forwardAuth: {trustForwardHeader: false}}\n"
                                                    "    - target: {kind: Project, name: shop}\n"
                                                    "      patch: {environments: [dev]}\n"
                                                    "    - target: {kind: Project, name: shop}\n"
                                                    "      patch: {services: {web: {port: \"80\"}}}\n")},
                          {"shop.yaml", k_project},
                          {"oauth.yaml", "apiVersion: edgegen.dev/v1alpha1\nkind: Middleware\nmetadata:\n"
                                         "  name: oauth\nspec:\n  environments: [prod]\n"
                                         "  forwardAuth: {address: http://auth:4180}\n"}});
  EXPECT_EQ(messages(c), (std::vector<std::string>{
                             "env.yaml:7:37: E0418: Project \"shpo\" does not exist",
                             "env.yaml:9:22: E0311: RouteTest objects cannot be patched",
                             "env.yaml:11:40: E0419: Middleware \"oauth\" does not exist in environment \"dev\"",
                             "env.yaml:14:15: E0312: a patch cannot change \"environments\"",
                             "env.yaml:16:38: E0201: /spec/services/web/port: expected integer, got \"80\" "
                             "(Project \"shop\" as patched in environment \"dev\")",
                         }));
}

TEST(Patches, CannotChangeTheInputAndDoNotRepeatTheObjectsOwnErrors)
{
  auto c = compile_files({{"env.yaml", environments("    - target: {kind: Edge, name: test}\n"
                                                    "      patch: {exclude: [legacy]}\n"
                                                    "    - target: {kind: Project, name: shop}\n"
                                                    "      patch: {services: {web: {port: 81}}}\n")},
                          {"shop.yaml", std::string(k_project) + "  colour: blue\n"}});
  EXPECT_EQ(messages(c), (std::vector<std::string>{
                             "env.yaml:8:15: E0312: a patch cannot change \"exclude\"",
                             "shop.yaml:11:3: E0203: unknown property \"colour\" in /spec",
                         }));
}

} // namespace
} // namespace edgegen::patch
