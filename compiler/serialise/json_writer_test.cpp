#include "serialise/serialise.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace edgegen::serialise {
namespace {

using util::Value;

TEST(JsonWriter, NestedValuesWithSortedKeysAndTwoSpaceIndent)
{
  Value doc;
  doc["traefik/http/routers/a/rule"] = "Host(`a.example.com`)";
  doc["b"] = Value::List{1, 2.5, true, Value(), Value::List{"x"}};
  doc["a"]["z"] = false;
  doc["a"]["y"] = Value::map();
  doc["a"]["x"] = Value::list();
  EXPECT_EQ(to_json(doc), R"y({
  "a": {
    "x": [],
    "y": {},
    "z": false
  },
  "b": [
    1,
    2.5,
    true,
    null,
    [
      "x"
    ]
  ],
  "traefik/http/routers/a/rule": "Host(`a.example.com`)"
}
)y");
}

TEST(JsonWriter, AListWrittenItemByItemIsTheSameBytes)
{
  Value first;
  first["code"] = "W0601";
  first["patch"]["before"] = Value::List{Value::List{"a.yaml", 3}};
  first["patch"]["none"] = Value::map();
  Value second;
  second["line"] = 7;
  Value list = Value::List{first, second};
  std::string items = "[\n";
  items += "  " + to_json_nested(first, 2) + ",\n";
  items += "  " + to_json_nested(second, 2) + "\n]\n";
  EXPECT_EQ(items, to_json(list));
  EXPECT_EQ(to_json_nested(second, 2), "{\n    \"line\": 7\n  }"); // no newline after it
  std::ostringstream unused;
  std::string chunk;
  append_json_list(chunk, unused, 2, 0, [&](size_t i) { return i == 0 ? first : second; });
  EXPECT_EQ(chunk + "\n", to_json(list));
  chunk.clear();
  append_json_list(chunk, unused, 0, 4, [&](size_t) { return first; });
  EXPECT_EQ(chunk, "[]");
  EXPECT_EQ(unused.str(), "");
}

TEST(JsonWriter, Scalars)
{
  EXPECT_EQ(to_json(Value()), "null\n");
  EXPECT_EQ(to_json(Value::map()), "{}\n");
  EXPECT_EQ(to_json(Value::list()), "[]\n");
  EXPECT_EQ(to_json(-7), "-7\n");
  EXPECT_EQ(to_json(1.0), "1.0\n");
  EXPECT_EQ(to_json(1e21), "1.0e+21\n");
  EXPECT_EQ(to_json(0.1), "0.1\n");
  EXPECT_EQ(to_json(std::nan("")), "null\n");
  EXPECT_EQ(to_json("8000"), "\"8000\"\n");
}

TEST(JsonWriter, StringsAreEscapedAndUtf8PassesThrough)
{
  EXPECT_EQ(to_json("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"\n");
  EXPECT_EQ(to_json("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"\n");
  EXPECT_EQ(to_json(std::string("\x01\x1f\0", 3)), "\"\\u0001\\u001f\\u0000\"\n");
  EXPECT_EQ(to_json("\x7f"), "\"\x7f\"\n");
  EXPECT_EQ(to_json("café 日本 \u2028"), "\"café 日本 \u2028\"\n");
  EXPECT_EQ(to_json(Value::Map{{"k\"", 1}}), R"({
  "k\"": 1
}
)");
}

TEST(JsonWriter, InvalidUtf8IsABug)
{
  EXPECT_THROW(to_json("a\xff"), std::logic_error);
}

} // namespace
} // namespace edgegen::serialise
