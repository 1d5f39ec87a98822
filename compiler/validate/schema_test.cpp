#include "validate/schema_set.hpp"
#include "validate/validate.hpp"

#include "load/load.hpp"
#include "util/embedded.hpp"
#include "util/strings.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace edgegen::validate {
namespace {

using Json = nlohmann::json;

const std::vector<std::string> k_kinds = {"edge", "environment", "issuer", "middleware", "project", "routetest"};

Json embedded_json(const std::string& path)
{
  for (const auto& file : util::embedded_files()) {
    if (file.path == path) {
      return Json::parse(file.content.begin(), file.content.end());
    }
  }
  ADD_FAILURE() << path << " is not embedded";
  return Json::object();
}

// name -> content of templates/<name>.yaml
std::map<std::string, std::string> templates()
{
  std::map<std::string, std::string> out;
  for (const auto& file : util::embedded_files()) {
    if (util::starts_with(file.path, "templates/") && util::ends_with(file.path, ".yaml")) {
      std::string name(file.path.substr(10, file.path.size() - 15));
      out[name] = std::string(file.content);
    }
  }
  return out;
}

// Validates the documents of `text`; returns the formatted diagnostics.
std::vector<std::string> check(const std::string& text)
{
  source::SourceTree tree;
  tree.files.resize(1);
  tree.files[0].path = "t.yaml";
  tree.files[0].bytes = text;
  diag::Diagnostics diagnostics;
  auto documents = load::load(tree, diagnostics);
  validate(documents, diagnostics);
  std::vector<std::string> out;
  for (const auto& d : diagnostics.sorted()) {
    out.push_back(diag::format_location(d.location) + ": " + d.code + ": " + d.message);
  }
  return out;
}

std::string indent(const std::string& text, const std::string& by)
{
  std::string out;
  for (const auto& line : util::split(text, '\n')) {
    out += line.empty() ? "\n" : by + line + "\n";
  }
  return out;
}

TEST(Schema, EveryKindHasAnEmbeddedSchemaThatParses)
{
  EXPECT_EQ(schema_problems(), std::vector<std::string>{});
  for (const auto& kind : k_kinds) {
    Json schema = embedded_json("schemas/" + kind + ".json");
    EXPECT_EQ(schema.value("$schema", ""), "http://json-schema.org/draft-07/schema#") << kind;
    EXPECT_EQ(schema.value("$id", ""), "https://edgegen.dev/schemas/v1alpha1/" + kind + ".json") << kind;
    EXPECT_EQ(schema["properties"]["apiVersion"]["const"], "edgegen.dev/v1alpha1") << kind;
    EXPECT_EQ(util::to_lower(schema["properties"]["kind"]["const"].get<std::string>()), kind);
    EXPECT_EQ(schema["required"], Json({"apiVersion", "kind", "metadata", "spec"})) << kind;
    EXPECT_EQ(schema["additionalProperties"], false) << kind;
  }
}

// Each schema must parse alone (editors load one file), so shared
// definitions are copies: these tests keep the copies identical.
TEST(Schema, ProjectHoldsTheMiddlewareDefinitionsUnchanged)
{
  Json middleware = embedded_json("schemas/middleware.json")["definitions"];
  Json project = embedded_json("schemas/project.json")["definitions"];
  ASSERT_TRUE(middleware.contains("middlewareSpec"));
  for (const auto& [name, definition] : middleware.items()) {
    ASSERT_TRUE(project.contains(name)) << name;
    EXPECT_EQ(project[name], definition) << name << " differs between middleware.json and project.json";
  }
}

TEST(Schema, MetadataIsTheSameInEveryKind)
{
  Json first = embedded_json("schemas/edge.json")["definitions"]["metadata"];
  EXPECT_EQ(first["properties"]["name"]["pattern"], "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  EXPECT_EQ(first["properties"]["name"]["maxLength"], 63);
  for (const auto& kind : k_kinds) {
    EXPECT_EQ(embedded_json("schemas/" + kind + ".json")["definitions"]["metadata"], first) << kind;
  }
}

// Editors show "description" on hover: every property has one (or takes the
// one of the definition it refers to).
void expect_described(const Json& node, const std::string& where)
{
  if (node.is_object() && node.contains("properties") && node["properties"].is_object()) {
    for (const auto& [name, property] : node["properties"].items()) {
      EXPECT_TRUE(property.contains("description") || property.contains("$ref")) << where << "/" << name;
    }
  }
  if (node.is_structured()) {
    for (const auto& item : node.items()) {
      // Rules and the branches of a choice are not fields.
      if (!std::set<std::string>{"allOf", "anyOf", "oneOf", "not", "if", "then", "else"}.count(item.key())) {
        expect_described(item.value(), where + "/" + item.key());
      }
    }
  }
}

TEST(Schema, EveryPropertyIsDescribed)
{
  for (const auto& kind : k_kinds) {
    Json schema = embedded_json("schemas/" + kind + ".json");
    expect_described(schema["properties"]["spec"], kind + ".json#/properties/spec");
    expect_described(schema["definitions"], kind + ".json#/definitions");
  }
}

TEST(Schema, PresetsAreTheTemplates)
{
  Json preset = embedded_json("schemas/middleware.json")["definitions"]["middlewareSpec"]["properties"]["preset"];
  std::set<std::string> names;
  for (const auto& [name, content] : templates()) {
    names.insert(name);
  }
  EXPECT_EQ(names, (std::set<std::string>{"compress", "rate-limit", "redirect-to-https", "secure-headers"}));
  EXPECT_EQ(preset["enum"].get<std::set<std::string>>(), names);
}

TEST(Schema, EveryTemplateIsAValidMiddlewareSpec)
{
  for (const auto& [name, content] : templates()) {
    EXPECT_EQ(check(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: )" + name + R"(
spec:
)" + indent(content, "  ")),
              std::vector<std::string>{})
        << name;
    EXPECT_EQ(check(R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: p
spec:
  middlewares:
    )" + name + ":\n" +
                    indent(content, "      ")),
              std::vector<std::string>{})
        << name;
    // And as a preset with nothing on top.
    EXPECT_EQ(check(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: )" + name +
                    "\nspec: {preset: " + name + "}\n"),
              std::vector<std::string>{})
        << name;
  }
}

TEST(Schema, MiddlewareOptionsAreTraefiks)
{
  // A few options from Traefik v3's reference, and misspellings of them.
  EXPECT_EQ(check(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: auth}
spec:
  forwardAuth:
    address: http://authelia:9091/api/verify
    trustForwardHeader: true
    authResponseHeaders: [Remote-User]
    tls: {insecureSkipVerify: false}
)"),
            std::vector<std::string>{});
  EXPECT_EQ(check(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: auth}
spec:
  forwardAuth:
    adress: http://authelia:9091
    tls: {insecureSkipVerfy: true}
)"),
            (std::vector<std::string>{"t.yaml:6:5: E0203: unknown property \"adress\" in /spec/forwardAuth",
                                      "t.yaml:7:11: E0203: unknown property \"insecureSkipVerfy\" in "
                                      "/spec/forwardAuth/tls"}));
  EXPECT_EQ(check(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: ip}
spec:
  ipAllowList: {sourceRange: [10.0.0.0/8], ipStrategy: {depth: 1}}
)"),
            std::vector<std::string>{});
  EXPECT_EQ(check(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: ip}
spec:
  ipWhiteList: {sourceRange: [10.0.0.0/8]}
)"),
            (std::vector<std::string>{"t.yaml:5:3: E0203: unknown property \"ipWhiteList\" in /spec",
                                      "t.yaml:5:3: E0206: /spec: a middleware needs a type such as \"headers\" or "
                                      "\"rateLimit\", or a \"preset\""}));
}

} // namespace
} // namespace edgegen::validate
