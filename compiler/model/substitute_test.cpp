// The model's own helpers (model/internal.hpp): variables, environment
// selection and middleware presets, on YAML loaded as the pipeline loads it.
#include "model/internal.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::model::detail {
namespace {

using testing::messages;
using testing::yaml;

const Vars k_vars{{"domain", "example.com"}, {"port", "8080"}, {"team.name", "shop"}};

TEST(ModelSubstitute, ReplacesVariablesInEveryStringAndLeavesOtherScalars)
{
  diag::Diagnostics d;
  load::Node node = substitute(yaml(R"(host: api.${domain}
port: 80
list: ["${team.name}-${port}", plain, "$${literal}"]
nested: {deep: "${domain}${domain}"}
)"),
                               k_vars, "prod", d);
  EXPECT_EQ(messages(d, true), std::vector<std::string>{});
  EXPECT_EQ(node.find("host")->text, "api.example.com");
  EXPECT_EQ(node.find("port")->integer, 80);
  const load::Node* list = node.find("list");
  ASSERT_EQ(list->items.size(), 3u);
  EXPECT_EQ(list->items[0].text, "shop-8080");
  EXPECT_EQ(list->items[1].text, "plain");
  EXPECT_EQ(list->items[2].text, "${literal}");
  EXPECT_EQ(node.find("nested")->find("deep")->text, "example.comexample.com");
  // Locations stay where the values were written.
  EXPECT_EQ(diag::format_location(node.find("host")->location()), "in.yaml:1:7");
}

TEST(ModelSubstitute, ReportsUndefinedAndMalformedReferencesWhereTheyAreWritten)
{
  diag::Diagnostics d;
  load::Node node = substitute(yaml(R"(a: ${domaim}
b: ${qqqqqq}
c: x${bad name}
d: ${unclosed
)"),
                               k_vars, "prod", d);
  EXPECT_EQ(messages(d), (std::vector<std::string>{
                             "in.yaml:1:4: E0301: undefined variable \"domaim\" in environment \"prod\"",
                             "in.yaml:2:4: E0301: undefined variable \"qqqqqq\" in environment \"prod\"",
                             "in.yaml:3:4: E0302: malformed variable reference in \"x${bad name}\"",
                             "in.yaml:4:4: E0302: malformed variable reference in \"${unclosed\"",
                         }));
  std::vector<diag::Diagnostic> sorted = d.sorted();
  EXPECT_EQ(sorted.at(0).hint, "did you mean \"domain\"?");
  EXPECT_EQ(sorted.at(1).hint, "define it in the Environment's spec.vars or in Edge.spec.vars");
  // What cannot be substituted stays as written.
  EXPECT_EQ(node.find("a")->text, "${domaim}");
  EXPECT_EQ(node.find("c")->text, "x${bad name}");
}

TEST(ModelSubstitute, WithoutAnEnvironmentTheMessageNamesNone)
{
  diag::Diagnostics d;
  substitute(yaml("a: ${nope}\n"), k_vars, "", d);
  EXPECT_EQ(messages(d), std::vector<std::string>{"in.yaml:1:4: E0301: undefined variable \"nope\""});
}

TEST(ModelSubstitute, AVariablesValueIsUsedAsWrittenNeverExpanded)
{
  load::Node vars = yaml(R"(plain: example.com
number: 8080
literal: "$${x}"
reference: "${domain}"
malformed: "${"
)");
  diag::Diagnostics d;
  EXPECT_EQ(variable_value("plain", *vars.find("plain"), d), "example.com");
  EXPECT_EQ(variable_value("number", *vars.find("number"), d), "8080");
  EXPECT_EQ(variable_value("literal", *vars.find("literal"), d), "${x}");
  EXPECT_EQ(messages(d), std::vector<std::string>{});
  EXPECT_EQ(variable_value("reference", *vars.find("reference"), d), "${reference}");
  EXPECT_EQ(variable_value("malformed", *vars.find("malformed"), d), "${malformed}");
  EXPECT_EQ(messages(d), std::vector<std::string>{
                             "in.yaml:4:12: E0425: variable \"reference\" refers to a variable: \"${domain}\""});
}

TEST(ModelSelect, AnEnvironmentsListSelectsByName)
{
  load::Node node = yaml(R"(everywhere: {}
some: {environments: [prod, staging]}
numbers: {environments: [1]}
notalist: {environments: prod}
)");
  EXPECT_TRUE(selected(*node.find("everywhere"), "dev"));
  EXPECT_TRUE(selected(*node.find("some"), "prod"));
  EXPECT_TRUE(selected(*node.find("some"), "staging"));
  EXPECT_FALSE(selected(*node.find("some"), "dev"));
  EXPECT_TRUE(selected(*node.find("numbers"), "1"));
  EXPECT_TRUE(selected(*node.find("notalist"), "dev")); // the schema refuses it; selection ignores it
}

TEST(ModelSelect, SelectedSpecLeavesOutRoutesAndMiddlewaresOfOtherEnvironments)
{
  load::Node spec = yaml(R"(routes:
  - {host: a.example.com, service: web}
  - {host: b.example.com, service: web, environments: [prod]}
middlewares:
  kept: {headers: {}}
  gone: {headers: {}, environments: [prod]}
)");
  load::Node storage;
  std::map<std::string, Location> absent;
  const load::Node& prod = selected_spec(spec, "prod", storage, absent);
  EXPECT_EQ(&prod, &spec); // nothing left out: the spec itself
  EXPECT_TRUE(absent.empty());

  const load::Node& dev = selected_spec(spec, "dev", storage, absent);
  EXPECT_EQ(&dev, &storage);
  ASSERT_EQ(dev.find("routes")->items.size(), 1u);
  EXPECT_EQ(dev.find("routes")->items[0].find("host")->text, "a.example.com");
  EXPECT_EQ(dev.find("middlewares")->keys, std::vector<std::string>{"kept"});
  ASSERT_EQ(absent.count("gone"), 1u);
  EXPECT_EQ(diag::format_location(absent.at("gone")), "in.yaml:6:37");
}

TEST(ModelPresets, EveryTemplateIsAPresetByItsFileName)
{
  EXPECT_EQ(preset_names(),
            (std::vector<std::string>{"compress", "rate-limit", "redirect-to-https", "secure-headers"}));
  util::Value headers = preset("secure-headers");
  ASSERT_TRUE(headers.is_map());
  EXPECT_TRUE(headers.as_map().at("headers").as_map().at("frameDeny").as_bool());
  EXPECT_EQ(headers.as_map().at("headers").as_map().at("stsSeconds").as_int(), 31536000);
  EXPECT_TRUE(preset("no-such-preset").is_null());
}

TEST(ModelPresets, AMiddlewaresOwnOptionsGoOverItsPreset)
{
  Middleware m = convert_middleware("h", yaml(R"(preset: secure-headers
headers: {stsSeconds: 60, frameDeny: false}
)"));
  EXPECT_EQ(m.type, "headers");
  const util::Value::Map& headers = m.config.as_map().at("headers").as_map();
  EXPECT_EQ(headers.at("stsSeconds").as_int(), 60);
  EXPECT_FALSE(headers.at("frameDeny").as_bool());
  EXPECT_TRUE(headers.at("contentTypeNosniff").as_bool());
  EXPECT_EQ(m.config.as_map().count("preset"), 0u);
}

} // namespace
} // namespace edgegen::model::detail
