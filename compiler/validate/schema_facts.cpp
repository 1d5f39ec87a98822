#include "validate/schema_facts.hpp"

#include "validate/schema_walk.hpp"
#include "validate/wording.hpp"

#include <algorithm>

namespace edgegen::validate {

namespace {

using Value = util::Value;
using Nodes = SchemaNodes;

// Constraint keywords whose presence SchemaFacts::keywords records.
const char* const k_keywords[] = {"type",
                                  "enum",
                                  "const",
                                  "pattern",
                                  "format",
                                  "maxLength",
                                  "minLength",
                                  "maximum",
                                  "minimum",
                                  "exclusiveMaximum",
                                  "exclusiveMinimum",
                                  "multipleOf",
                                  "maxItems",
                                  "minItems",
                                  "uniqueItems",
                                  "additionalItems",
                                  "contains",
                                  "maxProperties",
                                  "minProperties",
                                  "required",
                                  "dependencies",
                                  "propertyNames",
                                  "not",
                                  "oneOf",
                                  "anyOf",
                                  "if"};
const char* const k_limits[] = {"maxLength",        "minLength",        "maximum",      "minimum",
                                "exclusiveMaximum", "exclusiveMinimum", "multipleOf",   "maxItems",
                                "minItems",         "maxProperties",    "minProperties"};

// A value of the schema as messages spell it: strings bare.
std::string spell(const Value& value)
{
  switch (value.kind()) {
  case Value::Kind::string:
    return value.as_string();
  case Value::Kind::integer:
    return std::to_string(value.as_int());
  case Value::Kind::floating:
    return show_number(value.as_double());
  case Value::Kind::boolean:
    return value.as_bool() ? "true" : "false";
  case Value::Kind::null:
    return "null";
  default:
    return "…";
  }
}

template <typename T> void add_unique(std::vector<T>& list, const T& item)
{
  if (std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(item);
  }
}

bool has_type(const load::Node& value, const std::string& type)
{
  using K = load::Node::Kind;
  return (type == "object" && value.is_map()) || (type == "array" && value.is_list()) ||
         (type == "string" && value.is_string()) || (type == "boolean" && value.kind == K::boolean) ||
         (type == "null" && value.is_null()) || (type == "integer" && value.kind == K::integer) ||
         (type == "number" && (value.kind == K::integer || value.kind == K::floating));
}

std::vector<std::string> type_names(const Value* type)
{
  std::vector<std::string> out;
  if (type && type->is_string()) {
    out.push_back(type->as_string());
  }
  for (const auto& name : list_of(type)) {
    out.push_back(text(&name));
  }
  return out;
}

// The types of a oneOf/anyOf whose branches are nothing but types (its
// failure is a type error), or nothing.
std::vector<std::string> type_only_alternatives(const Value* branches)
{
  std::vector<std::string> out;
  for (const auto& branch : list_of(branches)) {
    for (const auto& [key, item] : map_of(&branch)) {
      if (key != "type" && key != "description" && key != "default") {
        return {};
      }
    }
    std::vector<std::string> types = type_names(member(branch, "type"));
    if (types.empty()) {
      return {};
    }
    for (const auto& type : types) {
      add_unique(out, type);
    }
  }
  return out;
}

void gather(const Nodes& nodes, const load::Node& value, SchemaFacts& facts)
{
  for (const Value* node : nodes) {
    for (const char* keyword : k_keywords) {
      if (member(*node, keyword)) {
        add_unique(facts.keywords, std::string(keyword));
      }
    }
    for (const char* limit : k_limits) {
      const Value* number = member(*node, limit);
      if (number && !facts.limits.count(limit) &&
          (number->kind() == Value::Kind::integer || number->kind() == Value::Kind::floating)) {
        facts.limits[limit] = number->kind() == Value::Kind::integer ? number->as_int() : number->as_double();
      }
    }
    for (const auto& type : type_names(member(*node, "type"))) {
      add_unique(facts.types, type);
    }
    const Value* required = member(*node, "required");
    for (const auto& name : list_of(required)) {
      add_unique(facts.required, text(&name));
    }
    const Value* properties = member(*node, "properties");
    for (const auto& [name, schema] : map_of(properties)) {
      add_unique(facts.properties, name);
    }
    const Value* additional = member(*node, "additionalProperties");
    if (additional && additional->kind() == Value::Kind::boolean && !additional->as_bool() && value.is_map()) {
      for (const auto& key : value.keys) {
        if (!known_key(*node, key)) {
          add_unique(facts.rejected_keys, key.str());
        }
      }
    }
    if (const Value* names = member(*node, "propertyNames")) {
      facts.key_message = text(member(*names, "patternErrorMessage"));
      facts.key_message = facts.key_message.empty() ? "not an allowed name" : facts.key_message;
    }
    const Value* allowed = member(*node, "enum");
    for (const auto& item : list_of(allowed)) {
      add_unique(facts.allowed_values, spell(item));
    }
    if (const Value* constant = member(*node, "const")) {
      add_unique(facts.allowed_values, spell(*constant));
    }
    if (member(*node, "pattern") && facts.pattern.empty()) {
      facts.pattern = text(member(*node, "pattern"));
      facts.pattern_message = text(member(*node, "patternErrorMessage"));
    }
    for (const char* choice : {"oneOf", "anyOf"}) {
      for (const auto& type : type_only_alternatives(member(*node, choice))) {
        add_unique(facts.type_alternatives, type);
      }
    }
    const Value* rules = member(*node, "allOf");
    for (const auto& rule : list_of(rules)) {
      if (member(rule, "errorMessage") && !satisfies(rule, value)) {
        add_unique(facts.failed_rules, text(member(rule, "errorMessage")));
      }
    }
  }
  auto has = [&](const std::string& type) { return has_type(value, type); };
  facts.type_matches = facts.types.empty() || std::any_of(facts.types.begin(), facts.types.end(), has);
  if (std::any_of(facts.type_alternatives.begin(), facts.type_alternatives.end(), has)) {
    facts.type_alternatives.clear(); // the value has one of them: the failure is elsewhere
  }
  std::sort(facts.properties.begin(), facts.properties.end());
}

void find_bad_keys(const Value& document, const Nodes& nodes, const load::Node& value, std::vector<std::string>& path,
                   std::vector<RawError>& out)
{
  for (const Value* node : nodes) {
    const Value* names = member(*node, "propertyNames");
    for (size_t i = 0; names && value.is_map() && i < value.keys.size(); ++i) {
      if (!satisfies(*names, value.keys[i])) {
        out.push_back({path, "Invalid property name '" + value.keys[i] + "'."});
      }
    }
  }
  for (size_t i = 0; i < value.items.size(); ++i) {
    std::string token = value.is_map() && i < value.keys.size() ? value.keys[i].str() : std::to_string(i);
    path.push_back(token);
    find_bad_keys(document, descend(document, nodes, value, token), value.items[i], path, out);
    path.pop_back();
  }
}

} // namespace

SchemaFacts schema_facts(load::Kind kind, const load::Node& root, const std::vector<std::string>& path)
{
  SchemaFacts facts;
  const Value* document = schema_document(kind);
  if (!document) {
    return facts;
  }
  try {
    Nodes nodes = root_schemas(*document);
    const load::Node* value = &root;
    for (const auto& token : path) {
      size_t index = 0;
      const load::Node* next = nullptr;
      if (value->is_map()) {
        next = value->find(token);
      } else if (value->is_list() && parse_index(token, value->items.size(), index)) {
        next = &value->items[index];
      }
      if (!next) {
        return facts; // the path left the document: nothing reliable to say
      }
      nodes = descend(*document, nodes, *value, token);
      value = next;
    }
    gather(nodes, *value, facts);
  } catch (const std::exception&) {
    // Facts only improve messages; without them the report stays generic.
  }
  return facts;
}

std::vector<RawError> property_name_errors(load::Kind kind, const load::Node& root)
{
  std::vector<RawError> out;
  const Value* document = schema_document(kind);
  if (!document) {
    return out;
  }
  try {
    Nodes nodes = root_schemas(*document);
    std::vector<std::string> path;
    find_bad_keys(*document, nodes, root, path, out);
  } catch (const std::exception&) {
    // Without them the report falls back to a generic error.
  }
  return out;
}

} // namespace edgegen::validate
