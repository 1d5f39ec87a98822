#include "serialise/serialise.hpp"
#include "serialise/yaml_scalar.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace edgegen::serialise {
namespace {

using util::Value;

std::string yaml(const Value& v)
{
  return to_yaml({v});
}

// The text of `s` as the value of a one-key map, without "k: " and "\n".
std::string scalar(const Value& v)
{
  Value doc;
  doc["k"] = v;
  std::string text = yaml(doc);
  return text.substr(3, text.size() - 4);
}

TEST(YamlWriter, NestedMapsAndListsUnderKeysAreIndentedByTwo)
{
  Value doc;
  doc["b"]["c"]["d"] = 1;
  doc["a"] = Value::List{"x", "z"};
  // Value(...): a braced list of one List would copy that List.
  doc["b"]["e"] = Value::List{Value(Value::List{1, 2})};
  EXPECT_EQ(yaml(doc), R"(a:
  - x
  - z
b:
  c:
    d: 1
  e:
    - - 1
      - 2
)");
}

TEST(YamlWriter, MapsInListsStartOnTheDashLine)
{
  Value route;
  route["match"] = "Host(`a.example.com`)";
  route["middlewares"] = Value::List{"auth", "headers"};
  route["services"] = Value::List{Value::Map{{"name", "api"}, {"port", 8000}}};
  Value doc;
  doc["routes"] = Value::List{route, Value::Map{{"x", 1}}};
  EXPECT_EQ(yaml(doc), R"(routes:
  - match: Host(`a.example.com`)
    middlewares:
      - auth
      - headers
    services:
      - name: api
        port: 8000
  - x: 1
)");
}

TEST(YamlWriter, ListsOfListsAndRootLists)
{
  Value doc = Value::List{Value::List{"a", "b"}, Value::List{Value(Value::List{"c"})}, Value::List{}, "d"};
  EXPECT_EQ(yaml(doc), R"(- - a
  - b
- - - c
- []
- d
)");
}

TEST(YamlWriter, EmptyCollectionsAreFlow)
{
  Value doc;
  doc["a"] = Value::map();
  doc["b"] = Value::list();
  doc["c"] = Value::List{Value::map(), Value::list()};
  EXPECT_EQ(yaml(doc), R"(a: {}
b: []
c:
  - {}
  - []
)");
  EXPECT_EQ(yaml(Value::map()), "{}\n");
  EXPECT_EQ(yaml(Value::list()), "[]\n");
}

TEST(YamlWriter, RootOpensWithKubernetesKeysOnlyAtTheRoot)
{
  Value doc;
  doc["spec"]["kind"] = "inner";
  doc["spec"]["apiVersion"] = "inner";
  doc["data"] = 1;
  doc["metadata"]["name"] = "cm";
  doc["kind"] = "ConfigMap";
  doc["apiVersion"] = "v1";
  doc["aaa"] = 2;
  doc["zzz"] = 3;
  EXPECT_EQ(yaml(doc), R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
spec:
  apiVersion: inner
  kind: inner
aaa: 2
data: 1
zzz: 3
)");
  // Inside a list, even at the top, keys stay sorted.
  EXPECT_EQ(yaml(Value::List{Value::Map{{"kind", 1}, {"apiVersion", 2}}}), R"(- apiVersion: 2
  kind: 1
)");
}

TEST(YamlWriter, MultipleDocumentsAreSeparated)
{
  EXPECT_EQ(to_yaml({Value::Map{{"a", 1}}, Value::Map{{"b", 2}}, Value::List{"c"}}), R"(a: 1
---
b: 2
---
- c
)");
  EXPECT_EQ(to_yaml({}), "");
}

TEST(YamlWriter, Numbers)
{
  EXPECT_EQ(scalar(0), "0");
  EXPECT_EQ(scalar(-42), "-42");
  EXPECT_EQ(scalar(int64_t{9007199254740993}), "9007199254740993");
  EXPECT_EQ(scalar(1.0), "1.0");
  EXPECT_EQ(scalar(-0.0), "-0.0");
  EXPECT_EQ(scalar(0.5), "0.5");
  EXPECT_EQ(scalar(0.1), "0.1");
  EXPECT_EQ(scalar(123456.789), "123456.789");
  EXPECT_EQ(scalar(1e20), "1.0e+20");
  EXPECT_EQ(scalar(1.5e-7), "1.5e-07");
  EXPECT_EQ(scalar(std::numeric_limits<double>::infinity()), ".inf");
  EXPECT_EQ(scalar(-std::numeric_limits<double>::infinity()), "-.inf");
  EXPECT_EQ(scalar(std::nan("")), ".nan");
}

TEST(YamlWriter, BoolsAndNull)
{
  EXPECT_EQ(scalar(true), "true");
  EXPECT_EQ(scalar(false), "false");
  EXPECT_EQ(scalar(Value()), "null");
}

TEST(YamlWriter, PlainStringsStayPlain)
{
  for (const char* s : {"Host(`a.example.com`) && PathPrefix(`/api`)",
                        "/etc/traefik/dynamic",
                        "http://team-a-api:8000",
                        "web",
                        "VersionTLS12",
                        "a.example.com",
                        "10.0.0.0/8",
                        "100ms",
                        "1h30m",
                        "team-a@kubernetescrd",
                        "a,b",
                        "a[0]",
                        "key=value",
                        "a#b",
                        "a:b",
                        "café",
                        "日本語",
                        "secure-headers",
                        "edgegen.dev/v1alpha1",
                        "nullable",
                        "yesterday",
                        "Off-peak",
                        ".well-known",
                        "a b",
                        "deadbeef",
                        "~x",
                        "x!",
                        "50%",
                        "traefik.http.routers.a.rule"}) {
    EXPECT_EQ(scalar(s), s);
  }
}

TEST(YamlWriter, StringsThatReadAsSomethingElseAreQuoted)
{
  for (const char* s : {"",
                        "8000",
                        "-1",
                        "+1",
                        "1.2",
                        "1.",
                        ".5",
                        "1e3",
                        "1_000",
                        "0777",
                        "0x1F",
                        "0o17",
                        "0b101",
                        "1:20",
                        "190:20:30",
                        "2001-12-14",
                        "2001-12-14t21:59:43.10-05:00",
                        "2001-12-14 21:59:43.10 -5",
                        ".inf",
                        "-.Inf",
                        ".NaN",
                        "10.0.0.1",
                        "yes",
                        "Yes",
                        "YES",
                        "no",
                        "NO",
                        "on",
                        "On",
                        "off",
                        "OFF",
                        "y",
                        "Y",
                        "n",
                        "N",
                        "true",
                        "False",
                        "TRUE",
                        "null",
                        "Null",
                        "NULL",
                        "~",
                        "<<",
                        "="}) {
    EXPECT_EQ(scalar(s), std::string("\"") + s + "\"") << s;
  }
}

TEST(YamlWriter, StringsThatWouldChangeTheStructureAreQuoted)
{
  for (const char* s : {":80",    "*.example.com",
                        "@x",     "- a",
                        "-a",     "a: b",
                        "a #b",   " lead",
                        "trail ", "a:",
                        "?x",     ",x",
                        "[x",     "]x",
                        "{x",     "}x",
                        "#x",     "&x",
                        "!x",     "|x",
                        ">x",     "%x",
                        "`x",     "---",
                        "...",    "...x"}) {
    EXPECT_EQ(scalar(s), std::string("\"") + s + "\"") << s;
  }
  EXPECT_EQ(scalar("'x'"), "\"'x'\"");
}

TEST(YamlWriter, QuotedStringsAreEscaped)
{
  EXPECT_EQ(scalar("\"x\""), R"("\"x\"")");
  EXPECT_EQ(scalar("a\nb"), R"("a\nb")");
  EXPECT_EQ(scalar("a\tb"), R"("a\tb")");
  EXPECT_EQ(scalar("a\\b: c"), R"("a\\b: c")");
  EXPECT_EQ(scalar(std::string("a\0b", 3)), R"("a\x00b")");
  EXPECT_EQ(scalar("a\rb\x1b\x7f"), R"("a\x0db\x1b\x7f")");
  EXPECT_EQ(scalar("a\u0085b"), R"("a\x85b")");
  EXPECT_EQ(scalar("a\u2028b\u2029"), R"("a\u2028b\u2029")");
  EXPECT_EQ(scalar("\ufeffx"), R"("\ufeffx")");
  EXPECT_EQ(scalar("- é"), "\"- é\"");
  EXPECT_EQ(scalar("\\"), "\\"); // a lone backslash is plain text in YAML
}

TEST(YamlWriter, KeysAreQuotedLikeValues)
{
  Value doc;
  doc["8000"] = "a";
  doc["yes"] = "b";
  doc["*.example.com"] = "c";
  doc[""] = "d";
  doc["plain"] = "e";
  EXPECT_EQ(yaml(doc), R"("": d
"*.example.com": c
"8000": a
plain: e
"yes": b
)");
}

TEST(YamlWriter, InvalidUtf8IsABug)
{
  EXPECT_TRUE(yaml_needs_quotes("a\xff"));
  EXPECT_THROW(yaml(Value::Map{{"k", "a\xff"}}), std::logic_error);
  EXPECT_THROW(yaml(Value::Map{{"k", "\xc0\xaf"}}), std::logic_error); // overlong "/"
}

} // namespace
} // namespace edgegen::serialise
