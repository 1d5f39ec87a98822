#include "load/node.hpp"

#include <cstdio>

namespace edgegen::load {

const Node* Node::find(std::string_view key) const
{
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) {
      return &items[i];
    }
  }
  return nullptr;
}

diag::Location Node::key_location(size_t index, const std::string& pointer) const
{
  // The value's file: a merge patch (patch/) can add a key to a map of another file.
  const std::string* key_file = items[index].file ? items[index].file : file;
  return {diag::FileName::interned(key_file), items[index].key_line, items[index].key_column, pointer};
}

diag::Location Node::location(const std::string& pointer) const
{
  return {diag::FileName::interned(file), line, column, pointer};
}

bool Node::same_as(const Node& other) const
{
  // A NaN is not the same as itself: a list holding one is not shared, which
  // costs memory only.
  bool scalar = kind == Kind::integer    ? integer == other.integer
                : kind == Kind::floating ? floating == other.floating
                                         : true;
  if (kind != other.kind || !scalar || style != other.style || one_line != other.one_line || boolean != other.boolean ||
      line != other.line || column != other.column || key_line != other.key_line || key_column != other.key_column ||
      file != other.file || text != other.text || keys != other.keys || items.size() != other.items.size()) {
    return false;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].same_as(other.items[i])) {
      return false;
    }
  }
  return true;
}

Node Node::without_items() const
{
  Node out;
  out.kind = kind;
  out.style = style;
  out.one_line = one_line;
  out.boolean = boolean;
  out.line = line;
  out.column = column;
  out.key_line = key_line;
  out.key_column = key_column;
  out.file = file;
  if (kind == Kind::floating) {
    out.floating = floating;
  } else {
    out.integer = integer;
  }
  out.text = text;
  out.keys = keys;
  return out;
}

std::string Node::describe() const
{
  switch (kind) {
  case Kind::null:
    return "null";
  case Kind::boolean:
    return boolean ? "true" : "false";
  case Kind::integer:
  case Kind::floating:
    return text;
  case Kind::string:
    return "\"" + text + "\"";
  case Kind::list:
    return "a list";
  case Kind::map:
    return "a mapping";
  }
  return {};
}

const char* kind_name(Kind kind)
{
  switch (kind) {
  case Kind::edge:
    return "Edge";
  case Kind::environment:
    return "Environment";
  case Kind::issuer:
    return "Issuer";
  case Kind::middleware:
    return "Middleware";
  case Kind::project:
    return "Project";
  case Kind::route_test:
    return "RouteTest";
  }
  return "";
}

const std::vector<std::string>& kind_names()
{
  static const std::vector<std::string> names = {"Edge", "Environment", "Issuer", "Middleware", "Project", "RouteTest"};
  return names;
}

} // namespace edgegen::load
