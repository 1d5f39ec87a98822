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
  load::Node target = yaml("base.yaml", R"(a: {b: 1, c: 2}
list: [1, 2]
gone: x
kept: y
)");
  load::Node patch = yaml("patch.yaml", R"(a: {c: 3, d: {e: null, f: 4}}
list: [9]
gone: null
new: z
)");
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
  load::Node patch = yaml("patch.yaml", R"(
b: 2
)");
  merge_patch(target, patch);
  EXPECT_EQ(diag::format_location(target.key_location(1)), "patch.yaml:2:1");
  EXPECT_EQ(where(target.items[1]), "patch.yaml:2:4");
  EXPECT_EQ(diag::format_location(target.key_location(0)), "base.yaml:1:1");
}

std::string positions(const std::vector<diag::Position>& list)
{
  std::string out;
  for (const auto& p : list) {
    out += (out.empty() ? "" : " ") + diag::format_location(p);
  }
  return out;
}

TEST(MergePatch, TraceKeepsTheChainOfEachReplacedValue)
{
  load::Node target = yaml("base.yaml", R"(a: {b: 1, c: 2}
list: [1]
gone: x
)");
  load::Node first = yaml("one.yaml", R"(a: {b: 10}
list: [2]
)");
  load::Node second = yaml("two.yaml", R"(a: {b: 100, d: 4}
gone: null
list: {x: 1}
)");
  Trace trace;
  merge_patch(target, first, &trace);
  merge_patch(target, second, &trace);
  const load::Node& b = *target.find("a")->find("b");
  ASSERT_NE(trace.before(b.location()), nullptr);
  EXPECT_EQ(positions(*trace.before(b.location())), "base.yaml:1:8 one.yaml:1:8");
  EXPECT_EQ(trace.before(target.find("a")->find("d")->location()), nullptr); // added, replaced nothing
  EXPECT_EQ(trace.before(target.find("a")->find("c")->location()), nullptr); // untouched
  // A list replaced by a map: the map's chain holds both lists.
  EXPECT_EQ(positions(*trace.before(target.find("list")->location())), "base.yaml:2:7 one.yaml:2:7");
  ASSERT_EQ(trace.removals.size(), 1u);
  EXPECT_EQ(trace.removals[0].pointer, "/gone");
  EXPECT_EQ(diag::format_location(trace.removals[0].patch), "two.yaml:2:7");
  EXPECT_EQ(positions(trace.removals[0].before), "base.yaml:3:7");
}

const char* k_project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: shop
spec:
  services:
    web: {port: 80}
  routes:
    - host: shop.${domain}
      service: web
)";

// Two environments: dev with `patches` (its entries from line 7), prod without.
std::string environments(const std::string& patches)
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: dev
spec:
  patches:
)" + patches +
         R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: prod
spec: {}
)";
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
  auto c = compile_files({{"env.yaml", environments(R"(    - target: {kind: Project, name: shop}
      patch:
        routes:
          - host: dev.${domain}
            service: web
            tls: false
    - target: {kind: Edge, name: test}
      patch: {dashboard: {host: "traefik.${domain}"}}
)")},
                          {"shop.yaml", k_project}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  const model::Route& dev = environment(c, "dev").projects.at(0).routes.at(0);
  EXPECT_EQ(dev.host(), "dev.example.com"); // variables are substituted after the merge
  EXPECT_FALSE(dev.tls());
  EXPECT_EQ(diag::format_location(dev.host_location()), "env.yaml:10:19");
  EXPECT_TRUE(environment(c, "dev").edge.dashboard.enabled);
  const model::Route& prod = environment(c, "prod").projects.at(0).routes.at(0);
  EXPECT_EQ(prod.host(), "shop.example.com");
  EXPECT_TRUE(prod.tls());
  EXPECT_EQ(diag::format_location(prod.host_location()), "shop.yaml:9:13");
  EXPECT_FALSE(environment(c, "prod").edge.dashboard.enabled);
}

TEST(Patches, AreAppliedInTheOrderWritten)
{
  auto c = compile_files({{"env.yaml", environments(R"(    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: 81}}}
    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: 82}}}
)")},
                          {"shop.yaml", k_project}});
  ASSERT_EQ(messages(c), std::vector<std::string>{});
  EXPECT_EQ(environment(c, "dev").projects.at(0).services.at(0).port, 82);
  EXPECT_EQ(environment(c, "prod").projects.at(0).services.at(0).port, 80);
}

TEST(Patches, ErrorsAreAtThePatch)
{
  auto c = compile_files({{"env.yaml", environments(R"(    - target: {kind: Project, name: shpo}
      patch: {routes: []}
    - target: {kind: RouteTest, name: smoke}
      patch: {cases: []}
    - target: {kind: Middleware, name: oauth}
      patch: {forwardAuth: {trustForwardHeader: false}}
    - target: {kind: Project, name: shop}
      patch: {environments: [dev]}
    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: "80"}}}
)")},
                          {"shop.yaml", k_project},
                          {"oauth.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: oauth
spec:
  environments: [prod]
  forwardAuth: {address: http://auth:4180}
)"}});
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
  auto c = compile_files({{"env.yaml", environments(R"(    - target: {kind: Edge, name: test}
      patch: {exclude: [legacy]}
    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: 81}}}
)")},
                          {"shop.yaml", std::string(k_project) + "  colour: blue\n"}});
  EXPECT_EQ(messages(c), (std::vector<std::string>{
                             "env.yaml:8:15: E0312: a patch cannot change \"exclude\"",
                             "shop.yaml:11:3: E0203: unknown property \"colour\" in /spec",
                         }));
}

TEST(Patches, ADiagnosticAtAPatchedValueNamesWhatItReplaced)
{
  auto c = compile_files({{"env.yaml", environments(R"(    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: 81}}}
    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: 0}}, routes: [{host: a, service: web, tls: 1}]}
)")},
                          {"shop.yaml", k_project}});
  std::vector<std::string> found;
  for (const auto& d : c.diagnostics.sorted()) {
    found.push_back(diag::format_location(d.location) + " " + d.code + " in " + d.patched_in + ": " +
                    positions(d.before));
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "env.yaml:10:38 E0205 in dev: shop.yaml:7:17 env.yaml:8:38",
                       "env.yaml:10:81 E0201 in dev: shop.yaml:9:5", // inside the list that replaced the base's
                   }));
}

} // namespace
} // namespace edgegen::patch
