#include "testing.hpp"
#include "util/embedded.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace edgegen::validate {
namespace {

using Json = nlohmann::json;

Json schema(const std::string& path)
{
  for (const auto& file : util::embedded_files()) {
    if (file.path == path) {
      return Json::parse(file.content.begin(), file.content.end());
    }
  }
  ADD_FAILURE() << path << " is not embedded";
  return Json::object();
}

// An Environment's compose/redis/dns settings override the Edge's field by
// field, so both kinds must accept exactly the same fields.
TEST(TargetSettings, EdgeAndEnvironmentShareTheirDefinitions)
{
  Json edge = schema("schemas/edge.json");
  Json environment = schema("schemas/environment.json");
  for (const char* name : {"composeSettings", "redisSettings", "dnsSettings", "dnsZone"}) {
    ASSERT_TRUE(edge["definitions"].contains(name)) << name;
    EXPECT_EQ(edge["definitions"][name], environment["definitions"][name]) << name;
  }
  for (const char* property : {"compose", "redis", "dns"}) {
    EXPECT_EQ(edge["properties"]["spec"]["properties"][property],
              environment["properties"]["spec"]["properties"][property])
        << property;
  }
}

TEST(TargetSettings, SchemaRejectsImageWithUrlsAndAddressesThatAreNotIps)
{
  auto c = testing::compile_files({{"p.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: p}
spec:
  services:
    api: {urls: ["http://a:1"], image: "api:1"}
)"},
                                   {"env.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata: {name: prod}
spec:
  dns: {addresses: [192.0.2.300, "fd00::1"], version: 0}
)"}});
  EXPECT_EQ(
      testing::messages(c),
      (std::vector<std::string>{
          "env.yaml:5:21: E0205: /spec/dns/addresses/0: \"192.0.2.300\" is not an IPv4 or IPv6 address",
          "env.yaml:5:55: E0205: /spec/dns/version: 0 is less than 1",
          "p.yaml:6:10: E0206: /spec/services/api: \"image\" runs the service as a container at `host`; it cannot "
          "be given with \"urls\""}));
}

} // namespace
} // namespace edgegen::validate
