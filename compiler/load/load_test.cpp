#include "load/load.hpp"

#include <gtest/gtest.h>

namespace edgegen::load {
namespace {

std::vector<Document> load_text(const std::string& text, diag::Diagnostics& d)
{
  static source::SourceTree tree;
  tree.files = {{"in.yaml", text}};
  return load(tree, d);
}

std::string first_error(const diag::Diagnostics& d)
{
  auto all = d.sorted();
  if (all.empty()) {
    return "";
  }
  return diag::format_location(all[0].location) + ": " + all[0].code + ": " + all[0].message;
}

TEST(Load, ReadsDocumentsWithLocations)
{
  diag::Diagnostics d;
  auto docs = load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team-a
spec:
  services:
    api: {port: 8000}
)",
                        d);
  ASSERT_FALSE(d.has_errors()) << first_error(d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].kind, Kind::project);
  EXPECT_EQ(docs[0].name, "team-a");
  const Node* port = docs[0].root.find("spec")->find("services")->find("api")->find("port");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->kind, Node::Kind::integer);
  EXPECT_EQ(port->integer, 8000);
  EXPECT_EQ(port->line, 7);
  EXPECT_EQ(port->column, 17);
}

TEST(Load, ANodeWithoutItsItemsIsTheNodeOnceTheyAreBack)
{
  diag::Diagnostics d;
  auto docs = load_text("{apiVersion: edgegen.dev/v1alpha1, kind: Middleware, metadata: {name: m},\n"
                        " spec: {weights: [1.5, 'two', 3], services: {api: {port: 8000}}}}\n",
                        d);
  ASSERT_FALSE(d.has_errors()) << first_error(d);
  ASSERT_EQ(docs.size(), 1u);
  const Node& spec = *docs[0].root.find("spec");
  Node copy = spec.without_items();
  EXPECT_TRUE(copy.items.empty());
  EXPECT_EQ(copy.keys, (std::vector<std::string>{"weights", "services"}));
  EXPECT_FALSE(copy.same_as(spec));
  copy.items = spec.items;
  EXPECT_TRUE(copy.same_as(spec));
  const Node& weights = *spec.find("weights");
  for (const Node& item : weights.items) {
    EXPECT_TRUE(item.without_items().same_as(item)) << item.describe();
  }
  EXPECT_EQ(weights.items[0].without_items().floating, 1.5);
  EXPECT_EQ(weights.items[1].without_items().style, '\'');
}

TEST(Load, ANodeStaysSmall)
{
  // A large edge holds millions of nodes: each list is one pointer, and the
  // node no more than its scalar's string, its positions and its two lists.
  static_assert(sizeof(Node::List) == sizeof(void*));
  EXPECT_LE(sizeof(Node), sizeof(std::string) + 7 * sizeof(void*));
}

TEST(Load, DuplicateKeyIsAnErrorAtTheSecondKey)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
kind: Edge
)",
            d);
  EXPECT_EQ(first_error(d), "in.yaml:3:1: E0102: duplicate key \"kind\"");
}

TEST(Load, InvalidUtf8IsAnErrorWithItsPosition)
{
  diag::Diagnostics d;
  load_text("apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata: {name: \"a\xff\"}\n", d);
  EXPECT_EQ(first_error(d), "in.yaml:3:20: E0103: file is not valid UTF-8");
}

TEST(Load, UnknownKindSuggestsTheClosest)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Projet
)",
            d);
  EXPECT_EQ(first_error(d), "in.yaml:2:7: E0105: unknown kind \"Projet\"");
  EXPECT_EQ(d.sorted()[0].hint, "did you mean \"Project\"?");
}

TEST(Load, UnknownApiVersion)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: traefik.io/v1alpha1
kind: Edge
)",
            d);
  EXPECT_EQ(first_error(d), "in.yaml:1:13: E0104: unknown apiVersion \"traefik.io/v1alpha1\"");
}

TEST(Load, Yaml12CoreScalars)
{
  diag::Diagnostics d;
  auto docs = load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec: {a: no, b: 0777, c: '1', d: 0x1F, e: 1.5, f: ~, g: True}
)",
                        d);
  ASSERT_FALSE(d.has_errors()) << first_error(d);
  const Node& spec = *docs[0].root.find("spec");
  EXPECT_EQ(spec.find("a")->kind, Node::Kind::string);
  EXPECT_EQ(spec.find("b")->integer, 777);
  EXPECT_EQ(spec.find("c")->kind, Node::Kind::string);
  EXPECT_EQ(spec.find("d")->integer, 31);
  EXPECT_EQ(spec.find("e")->kind, Node::Kind::floating);
  EXPECT_EQ(spec.find("f")->kind, Node::Kind::null);
  EXPECT_TRUE(spec.find("g")->boolean);
}

TEST(Load, PlainScalarsThatStartLikeNumbers)
{
  auto resolved = [](const std::string& text) {
    Node node;
    resolve_plain_scalar(text, node);
    return node;
  };
  EXPECT_EQ(resolved("-5").integer, -5);
  EXPECT_EQ(resolved("+7").integer, 7);
  EXPECT_EQ(resolved("-0").kind, Node::Kind::integer);
  EXPECT_EQ(resolved("0o17").integer, 15);
  for (const char* text : {"-", "+", "12a", "1_000", "+-1", "10.0.0.1", "-.x"}) {
    EXPECT_EQ(resolved(text).kind, Node::Kind::string) << text;
  }
  // Too large for an integer: a float, as JSON reads it.
  EXPECT_EQ(resolved("99999999999999999999").kind, Node::Kind::floating);
  EXPECT_EQ(resolved("-1.5e3").floating, -1500.0);
}

TEST(Load, SelfReferencingAliasIsRefused)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec: &a [*a]
)",
            d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.sorted()[0].code, "E0107");
}

TEST(Load, AliasBombIsRefused)
{
  std::string text = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec:
  a0: &a0 [x, x, x, x, x, x, x, x, x, x]
)";
  for (int i = 1; i < 9; ++i) {
    text += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) {
      text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    }
    text += "]\n";
  }
  diag::Diagnostics d;
  load_text(text, d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.sorted()[0].code, "E0107");
}

TEST(Load, TheValueOfADuplicateKeyIsLeftUnread)
{
  // Only the duplicate is reported: its value (here a mapping with a null
  // key, an error of its own) is never read, and the first value stands.
  diag::Diagnostics d;
  auto documents = load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec: {a: 1}
spec:
  : x
  y: [1]
)",
                             d);
  EXPECT_EQ(first_error(d), "in.yaml:4:1: E0102: duplicate key \"spec\"");
  EXPECT_EQ(d.error_count(), 1u);
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].root.find("spec")->find("a")->integer, 1);
}

TEST(Load, AliasesCopyTheirValueWithItsOwnLocation)
{
  diag::Diagnostics d;
  auto documents = load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec:
  a: &x {b: [1, two]}
  c: *x
)",
                             d);
  ASSERT_EQ(documents.size(), 1u) << first_error(d);
  const load::Node* c = documents[0].root.find("spec")->find("c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->find("b")->items[1].text, "two");
  EXPECT_EQ(c->line, 4);
  EXPECT_EQ(c->column, 6);
  // A mapping used as a key is not a plain string.
  diag::Diagnostics bad;
  EXPECT_TRUE(load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec:
  a: &x {b: 1}
  *x : 3
)",
                        bad)
                  .empty());
  EXPECT_EQ(first_error(bad), "in.yaml:4:6: E0101: mapping keys must be plain strings");
}

TEST(Load, SyntaxErrorHasALocation)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec: [a, b
)",
            d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.sorted()[0].code, "E0101");
  EXPECT_GT(d.sorted()[0].location.line, 0);
}

TEST(Load, DeepFlowNestingIsRefusedWhereItGoesTooDeep)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec: )" + std::string(100000, '[') +
                std::string(100000, ']') + "\n",
            d);
  EXPECT_EQ(first_error(d), "in.yaml:3:134: E0106: values are nested more than 64 levels deep");
}

TEST(Load, WhatFollowsADocumentMarkerIsScannedToo)
{
  diag::Diagnostics d;
  load_text("--- " + std::string(100, '[') + std::string(100, ']') + "\n", d);
  EXPECT_EQ(first_error(d), "in.yaml:1:70: E0106: values are nested more than 64 levels deep");
}

TEST(Load, DeepBlockNestingIsRefused)
{
  std::string text = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec:
)";
  for (int i = 0; i < 2000; ++i) {
    text += std::string(2 * (i + 1), ' ') + "a" + std::to_string(i) + ":\n";
  }
  diag::Diagnostics d;
  load_text(text, d);
  EXPECT_EQ(first_error(d), "in.yaml:131:257: E0106: values are nested more than 64 levels deep");
}

TEST(Load, NestingJustOverTheLimitIsReportedAtTheValue)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec: )" + std::string(70, '[') +
                std::string(70, ']') + "\n",
            d);
  EXPECT_EQ(first_error(d), "in.yaml:3:71: E0106: values are nested more than 64 levels deep");
}

TEST(Load, BlockScalarsAndQuotedBracketsAreNotNesting)
{
  std::string text = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
spec:
  text: |
)";
  for (int i = 0; i < 200; ++i) {
    text += std::string(4 + i, ' ') + "line\n";
  }
  diag::Diagnostics d;
  auto docs = load_text(text, d);
  EXPECT_EQ(first_error(d), "");
  EXPECT_EQ(docs.size(), 1u);
}

TEST(Load, GoTemplateSyntaxIsRefused)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec:
  host: '{{ env "HOME" }}'
)",
            d);
  EXPECT_EQ(first_error(d), "in.yaml:4:9: E0116: value contains Go template syntax ({{ or }})");
}

TEST(Load, GoTemplateSyntaxIsRefusedInKeysAndByItsClosingBraces)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
spec:
  labels:
    "a{{b": x
  host: 'end }}'
  other: '{ x } { y }'
)",
            d);
  std::vector<std::string> errors;
  for (const auto& diagnostic : d.sorted()) {
    errors.push_back(diag::format_location(diagnostic.location) + ": " + diagnostic.code);
  }
  EXPECT_EQ(errors, (std::vector<std::string>{"in.yaml:5:5: E0116", "in.yaml:6:9: E0116"}));
}

TEST(Load, InlinePrivateKeyIsRefusedWithoutRepeatingIt)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
spec:
  key: |
    -----BEGIN EC PRIVATE KEY-----
    c2VjcmV0
    -----END EC PRIVATE KEY-----
)",
            d);
  EXPECT_EQ(first_error(d), "in.yaml:4:8: E0117: a private key is written inline");
  EXPECT_EQ(d.sorted()[0].hint.find("c2VjcmV0"), std::string::npos);
}

TEST(Load, ACommaWhereNoValueMayStartIsAnErrorAtTheComma)
{
  // yaml-cpp 0.7 loops forever on each of these unless stopped: it starts
  // the same empty document again and again.
  struct Case
  {
    const char* text;
    const char* at;
  };
  for (Case c : std::vector<Case>{{",atru", "1:1"},
                                  {"# c\n,", "2:1"},
                                  {R"(%YAML 1.2
---
,)",
                                   "3:1"},
                                  {"&a ,", "1:4"},
                                  {" , a", "1:2"},
                                  {"!,", "1:2"},
                                  {"&x,y", "1:3"},
                                  {"\"$\",", "1:4"},
                                  {"'a',", "1:4"},
                                  {"[a],", "1:4"},
                                  {"{a: b},", "1:7"},
                                  {R"("h
    a: true
    b$",)",
                                   "3:8"},
                                  {"'x\n y' ,", "2:5"},
                                  {R"(a: 1
, b: 2
)",
                                   "2:1"},
                                  {"a: \"x\", b\n", "1:7"}}) {
    diag::Diagnostics d;
    load_text(c.text, d);
    EXPECT_EQ(first_error(d),
              std::string("in.yaml:") + c.at + ": E0101: invalid YAML: ',' outside a list or mapping in [ ] or { }")
        << c.text;
  }
}

TEST(Load, ATabInTheIndentationOfTheFailingLineIsNamedInTheHint)
{
  struct Case
  {
    std::string text;
    std::string error; // location: code: message
    std::string hint;
  };
  const std::string head = "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata: {name: a}\nspec:\n";
  const std::string tab_at = "YAML indents with spaces only, and this line's indentation has a tab at column ";
  for (const Case& c :
       {Case{head + "  services: {}\n\troutes: []\n", "in.yaml:6:2: E0101: invalid YAML: end of map not found",
             tab_at + "1"},
        Case{head + "  services:\n  \tweb: {port: 80}\n", "in.yaml:6:7: E0101: invalid YAML: illegal map value",
             tab_at + "3"},
        Case{head + "  routes:\n\t- host: x\n", "in.yaml:6:2: E0101: invalid YAML: illegal block entry", tab_at + "1"},
        // A byte order mark and CRLF line ends move no line.
        Case{"\xEF\xBB\xBF" + head + "  services: {}\r\n\troutes: []\r\n",
             "in.yaml:6:2: E0101: invalid YAML: end of map not found", tab_at + "1"},
        // No tab: yaml-cpp's words alone.
        Case{head + "  services: {a: 1\n  routes: []\n", "in.yaml:6:9: E0101: invalid YAML: end of map flow not found",
             ""}}) {
    diag::Diagnostics d;
    load_text(c.text, d);
    ASSERT_EQ(first_error(d), c.error) << c.text;
    EXPECT_EQ(d.sorted()[0].hint, c.hint) << c.text;
  }
}

TEST(Load, CommasThatYAMLAllowsOutsideBracketsAreValues)
{
  diag::Diagnostics d;
  load_text(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: a}
spec:
  x: a, b
  y: [a, "b", c]
  z: |
    , text
  k: a"b",x
  w: first
    , continued
)",
            d);
  EXPECT_EQ(first_error(d), "");
}

} // namespace
} // namespace edgegen::load
