#include "validate/schema_walk.hpp"

#include "util/empty.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <charconv>
#include <regex>
#include <unordered_map>

namespace edgegen::validate {

using Value = util::Value;

namespace {

constexpr int k_max_schema_depth = 32; // bounds $ref/allOf chains; ours are a few deep

bool matches(const std::string& pattern, const std::string& key)
{
  thread_local std::unordered_map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    it = cache.emplace(pattern, std::regex(pattern)).first;
  }
  return std::regex_search(key, it->second);
}

// The node a local "$ref" ("#/definitions/x") points at, or nullptr.
const Value* resolve_ref(const Value& document, const std::string& ref)
{
  if (!util::starts_with(ref, "#")) {
    return nullptr; // our schemas refer only inside themselves
  }
  const Value* node = &document;
  for (const auto& raw : util::split(ref.substr(1), '/')) {
    if (raw.empty()) {
      continue;
    }
    std::string token;
    for (size_t i = 0; i < raw.size(); ++i) {
      bool escape = raw[i] == '~' && i + 1 < raw.size();
      token += escape ? (raw[++i] == '1' ? '/' : '~') : raw[i];
    }
    size_t index = 0;
    node = node->is_list() && parse_index(token, node->as_list().size(), index) ? &node->as_list()[index]
                                                                                : member(*node, token);
    if (!node) {
      return nullptr;
    }
  }
  return node;
}

// Adds `node` and every subschema that applies wherever it does: the target
// of its $ref and its plain allOf entries.
void expand(const Value& document, const Value& node, SchemaNodes& out, int depth = 0)
{
  if (depth > k_max_schema_depth || !node.is_map() || std::find(out.begin(), out.end(), &node) != out.end()) {
    return;
  }
  out.push_back(&node);
  if (const Value* target = resolve_ref(document, text(member(node, "$ref")))) {
    expand(document, *target, out, depth + 1);
  }
  for (const auto& entry : list_of(member(node, "allOf"))) {
    if (!member(entry, "errorMessage")) {
      expand(document, entry, out, depth + 1);
    }
  }
}

} // namespace

SchemaNodes root_schemas(const Value& document)
{
  SchemaNodes out;
  expand(document, document, out);
  return out;
}

SchemaNodes descend(const Value& document, const SchemaNodes& nodes, const load::Node& value, const std::string& key)
{
  SchemaNodes out;
  for (const Value* node : nodes) {
    if (value.is_list()) {
      if (const Value* items = member(*node, "items")) {
        expand(document, *items, out);
      }
      continue;
    }
    bool matched = false;
    if (const Value* property = member(*node, "properties") ? member(*member(*node, "properties"), key) : nullptr) {
      expand(document, *property, out);
      matched = true;
    }
    for (const auto& [pattern, schema] : map_of(member(*node, "patternProperties"))) {
      if (matches(pattern, key)) {
        expand(document, schema, out);
        matched = true;
      }
    }
    if (const Value* additional = matched ? nullptr : member(*node, "additionalProperties")) {
      expand(document, *additional, out);
    }
  }
  return out;
}

bool known_key(const Value& node, const std::string& key)
{
  const Value* properties = member(node, "properties");
  if (properties && member(*properties, key)) {
    return true;
  }
  for (const auto& [pattern, schema] : map_of(member(node, "patternProperties"))) {
    if (matches(pattern, key)) {
      return true;
    }
  }
  return false;
}

const Value* member(const Value& node, const std::string& key)
{
  if (!node.is_map()) {
    return nullptr;
  }
  auto it = node.as_map().find(key);
  return it == node.as_map().end() ? nullptr : &it->second;
}

// (A `cond ? list : List()` would copy, and callers keep pointers into the schema.)
const Value::List& list_of(const Value* value)
{
  return value && value->is_list() ? value->as_list() : util::empty<Value::List>();
}

const Value::Map& map_of(const Value* value)
{
  return value && value->is_map() ? value->as_map() : util::empty<Value::Map>();
}

std::string text(const Value* value)
{
  return value && value->is_string() ? value->as_string() : std::string();
}

bool parse_index(const std::string& token, size_t size, size_t& index)
{
  auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  return error == std::errc() && end == token.data() + token.size() && index < size;
}

} // namespace edgegen::validate
