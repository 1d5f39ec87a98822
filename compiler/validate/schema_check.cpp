#include "validate/schema_check.hpp"

#include "util/embedded.hpp"
#include "util/strings.hpp"

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <regex>
#include <unordered_map>

namespace edgegen::validate {

namespace {

using Json = nlohmann::json;
using valijson::adapters::NlohmannJsonAdapter;

constexpr size_t k_kind_count = 5;
constexpr int k_max_schema_depth = 32; // bounds $ref/allOf chains; ours are a few deep

// Constraint keywords whose presence SchemaFacts::keywords records.
const char* const k_keywords[] = {
  "type", "enum", "const", "pattern", "format", "maxLength", "minLength", "maximum", "minimum",
  "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "maxItems", "minItems", "uniqueItems",
  "additionalItems", "contains", "maxProperties", "minProperties", "required", "dependencies",
  "propertyNames", "not", "oneOf", "anyOf", "if"};
const char* const k_limits[] = {"maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum",
                                "exclusiveMinimum", "multipleOf", "maxItems", "minItems",
                                "maxProperties", "minProperties"};

void parse_schema(const Json& node, valijson::Schema& schema)
{
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(NlohmannJsonAdapter(node), schema);
}

struct KindSchema
{
  Json document;
  valijson::Schema schema;
  bool usable = false;
};

// The embedded schemas, each parsed once, and the subschemas we evaluate on
// our own: rules ("allOf" entries with an "errorMessage"), so that facts()
// can tell which rule a value breaks, and "propertyNames", whose failures
// valijson does not report. Read-only once built, so threads may share it.
class Store
{
public:
  Store()
  {
    for (size_t i = 0; i < k_kind_count; ++i) {
      std::string path = "schemas/" + util::to_lower(load::kind_name(static_cast<load::Kind>(i))) + ".json";
      const util::EmbeddedFile* file = nullptr;
      for (const auto& candidate : util::embedded_files()) {
        if (candidate.path == path) {
          file = &candidate;
        }
      }
      if (!file) {
        m_problems.push_back(path + ": not embedded in the binary");
        continue;
      }
      KindSchema& kind = m_kinds[i];
      try {
        kind.document = Json::parse(file->content.begin(), file->content.end());
        parse_schema(kind.document, kind.schema);
        kind.usable = true;
        collect_rules(kind.document, path);
      } catch (const std::exception& e) {
        m_problems.push_back(path + ": " + e.what());
      }
    }
  }

  const KindSchema& kind(load::Kind kind) const { return m_kinds[static_cast<size_t>(kind)]; }

  // The subschema `node` parsed on its own, if it is a rule or propertyNames.
  const valijson::Schema* standalone(const Json& node) const
  {
    auto it = m_standalone.find(&node);
    return it == m_standalone.end() ? nullptr : it->second.get();
  }

  const std::vector<std::string>& problems() const { return m_problems; }

private:
  void collect_rules(const Json& node, const std::string& path)
  {
    if (node.is_object()) {
      auto all_of = node.find("allOf");
      if (all_of != node.end() && all_of->is_array()) {
        for (const Json& entry : *all_of) {
          if (entry.is_object() && entry.contains("errorMessage")) {
            parse_standalone(entry, path);
          }
        }
      }
      auto names = node.find("propertyNames");
      if (names != node.end() && names->is_object()) {
        parse_standalone(*names, path);
      }
    }
    if (node.is_structured()) {
      for (const Json& child : node) {
        collect_rules(child, path);
      }
    }
  }

  void parse_standalone(const Json& node, const std::string& path)
  {
    auto schema = std::make_unique<valijson::Schema>();
    try {
      parse_schema(node, *schema); // so it must not use $ref
      m_standalone.emplace(&node, std::move(schema));
    } catch (const std::exception& e) {
      m_problems.push_back(path + ": " + node.dump() + ": " + e.what());
    }
  }

  std::array<KindSchema, k_kind_count> m_kinds;
  std::map<const Json*, std::unique_ptr<valijson::Schema>> m_standalone;
  std::vector<std::string> m_problems;
};

const Store& store()
{
  static const Store instance;
  return instance;
}

// valijson's Validator caches compiled patterns but is not thread-safe.
valijson::Validator& validator()
{
  thread_local valijson::Validator instance;
  return instance;
}

bool matches_key_pattern(const std::string& pattern, const std::string& key)
{
  thread_local std::unordered_map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    it = cache.emplace(pattern, std::regex(pattern)).first;
  }
  return std::regex_search(key, it->second);
}

Json to_json(const load::Node& node)
{
  switch (node.kind) {
  case load::Node::Kind::null: return nullptr;
  case load::Node::Kind::boolean: return node.boolean;
  case load::Node::Kind::integer: return node.integer;
  case load::Node::Kind::floating: return node.floating;
  case load::Node::Kind::string: return node.text;
  case load::Node::Kind::list: {
    Json out = Json::array();
    for (const auto& item : node.items) {
      out.push_back(to_json(item));
    }
    return out;
  }
  case load::Node::Kind::map: {
    Json out = Json::object();
    for (size_t i = 0; i < node.keys.size() && i < node.items.size(); ++i) {
      out[node.keys[i]] = to_json(node.items[i]);
    }
    return out;
  }
  }
  return nullptr;
}

bool has_type(const Json& value, const std::string& type)
{
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  return false;
}

std::vector<std::string> type_names(const Json& type)
{
  std::vector<std::string> out;
  if (type.is_string()) {
    out.push_back(type.get<std::string>());
  } else if (type.is_array()) {
    for (const Json& t : type) {
      if (t.is_string()) {
        out.push_back(t.get<std::string>());
      }
    }
  }
  return out;
}

template <typename T> void add_unique(std::vector<T>& list, const T& item)
{
  if (std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(item);
  }
}

// Adds `node` and every subschema that applies wherever it does: the target
// of its $ref and its plain allOf entries (rules with an errorMessage are
// checked whole instead, see gather()).
void expand(const Json& document, const Json& node, std::vector<const Json*>& out, int depth)
{
  if (depth > k_max_schema_depth || !node.is_object() ||
      std::find(out.begin(), out.end(), &node) != out.end()) {
    return;
  }
  out.push_back(&node);
  auto ref = node.find("$ref");
  if (ref != node.end() && ref->is_string() && util::starts_with(ref->get<std::string>(), "#")) {
    Json::json_pointer pointer(ref->get<std::string>().substr(1));
    if (document.contains(pointer)) {
      expand(document, document.at(pointer), out, depth + 1);
    }
  }
  auto all_of = node.find("allOf");
  if (all_of != node.end() && all_of->is_array()) {
    for (const Json& entry : *all_of) {
      if (entry.is_object() && !entry.contains("errorMessage")) {
        expand(document, entry, out, depth + 1);
      }
    }
  }
}

// The subschemas that apply to member `key` of an object that `node` describes.
void descend(const Json& document, const Json& node, const std::string& key, std::vector<const Json*>& out)
{
  bool matched = false;
  auto properties = node.find("properties");
  if (properties != node.end() && properties->is_object() && properties->contains(key)) {
    expand(document, properties->at(key), out, 0);
    matched = true;
  }
  auto patterns = node.find("patternProperties");
  if (patterns != node.end() && patterns->is_object()) {
    for (const auto& [pattern, schema] : patterns->items()) {
      if (matches_key_pattern(pattern, key)) {
        expand(document, schema, out, 0);
        matched = true;
      }
    }
  }
  auto additional = node.find("additionalProperties");
  if (!matched && additional != node.end()) {
    expand(document, *additional, out, 0);
  }
}

// Whether a closed object schema accepts `key` by name or by pattern.
bool accepts_key(const Json& node, const std::string& key)
{
  auto properties = node.find("properties");
  if (properties != node.end() && properties->is_object() && properties->contains(key)) {
    return true;
  }
  auto patterns = node.find("patternProperties");
  if (patterns != node.end() && patterns->is_object()) {
    for (const auto& item : patterns->items()) {
      if (matches_key_pattern(item.key(), key)) {
        return true;
      }
    }
  }
  return false;
}

std::string spell(const Json& value)
{
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// A oneOf/anyOf whose branches are nothing but types: its failure is a type error.
std::vector<std::string> type_only_alternatives(const Json& branches)
{
  std::vector<std::string> out;
  if (!branches.is_array()) {
    return {};
  }
  for (const Json& branch : branches) {
    if (!branch.is_object() || !branch.contains("type")) {
      return {};
    }
    for (const auto& item : branch.items()) {
      if (item.key() != "type" && item.key() != "description" && item.key() != "default") {
        return {};
      }
    }
    for (const auto& name : type_names(branch["type"])) {
      add_unique(out, name);
    }
  }
  return out;
}

void gather(const std::vector<const Json*>& nodes, const Json& value, SchemaFacts& facts)
{
  for (const Json* node_pointer : nodes) {
    const Json& node = *node_pointer;
    for (const char* keyword : k_keywords) {
      if (node.contains(keyword)) {
        add_unique(facts.keywords, std::string(keyword));
      }
    }
    for (const char* limit : k_limits) {
      auto it = node.find(limit);
      if (it != node.end() && it->is_number() && !facts.limits.count(limit)) {
        facts.limits[limit] = it->get<double>();
      }
    }
    if (node.contains("type")) {
      for (const auto& name : type_names(node["type"])) {
        add_unique(facts.types, name);
      }
    }
    if (node.contains("required") && node["required"].is_array()) {
      for (const Json& name : node["required"]) {
        add_unique(facts.required, spell(name));
      }
    }
    if (node.contains("properties") && node["properties"].is_object()) {
      for (const auto& item : node["properties"].items()) {
        add_unique(facts.properties, item.key());
      }
    }
    if (node.value("additionalProperties", Json(true)) == Json(false) && value.is_object()) {
      for (const auto& item : value.items()) {
        if (!accepts_key(node, item.key())) {
          add_unique(facts.rejected_keys, item.key());
        }
      }
    }
    if (node.contains("propertyNames") && node["propertyNames"].is_object()) {
      facts.key_message = node["propertyNames"].value("patternErrorMessage", std::string("not an allowed name"));
    }
    if (node.contains("enum") && node["enum"].is_array()) {
      for (const Json& allowed : node["enum"]) {
        add_unique(facts.allowed_values, spell(allowed));
      }
    }
    if (node.contains("const")) {
      add_unique(facts.allowed_values, spell(node["const"]));
    }
    if (node.contains("pattern") && facts.pattern.empty()) {
      facts.pattern = spell(node["pattern"]);
      facts.pattern_message = node.value("patternErrorMessage", std::string());
    }
    for (const char* choice : {"oneOf", "anyOf"}) {
      if (node.contains(choice)) {
        for (const auto& name : type_only_alternatives(node[choice])) {
          add_unique(facts.type_alternatives, name);
        }
      }
    }
    if (node.contains("allOf") && node["allOf"].is_array()) {
      for (const Json& entry : node["allOf"]) {
        const valijson::Schema* rule = store().standalone(entry);
        if (rule && !validator().validate(*rule, NlohmannJsonAdapter(value), nullptr)) {
          add_unique(facts.failed_rules, spell(entry["errorMessage"]));
        }
      }
    }
  }
  facts.type_matches = facts.types.empty() ||
                       std::any_of(facts.types.begin(), facts.types.end(),
                                   [&](const std::string& type) { return has_type(value, type); });
  if (std::any_of(facts.type_alternatives.begin(), facts.type_alternatives.end(),
                  [&](const std::string& type) { return has_type(value, type); })) {
    facts.type_alternatives.clear(); // the value has one of them: the failure is elsewhere
  }
  std::sort(facts.properties.begin(), facts.properties.end());
}

// valijson 1.0 fails a "propertyNames" without saying which key broke it, so
// the keys are checked here, each becoming an error of its own.
void check_keys(const Json& document, const std::vector<const Json*>& nodes, const Json& value,
                std::vector<std::string>& path, std::vector<RawError>& out)
{
  if (value.is_object()) {
    for (const Json* node : nodes) {
      auto names = node->find("propertyNames");
      const valijson::Schema* rule = names == node->end() ? nullptr : store().standalone(*names);
      for (const auto& item : value.items()) {
        Json key = item.key();
        if (rule && !validator().validate(*rule, NlohmannJsonAdapter(key), nullptr)) {
          out.push_back({path, "Invalid property name '" + item.key() + "'."});
        }
      }
    }
    for (const auto& item : value.items()) {
      std::vector<const Json*> next;
      for (const Json* node : nodes) {
        descend(document, *node, item.key(), next);
      }
      path.push_back(item.key());
      check_keys(document, next, item.value(), path, out);
      path.pop_back();
    }
  } else if (value.is_array()) {
    std::vector<const Json*> next;
    for (const Json* node : nodes) {
      if (node->contains("items")) {
        expand(document, node->at("items"), next, 0);
      }
    }
    for (size_t i = 0; i < value.size(); ++i) {
      path.push_back(std::to_string(i));
      check_keys(document, next, value[i], path, out);
      path.pop_back();
    }
  }
}

bool parse_index(const std::string& token, size_t size, size_t& index)
{
  auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  return error == std::errc() && end == token.data() + token.size() && index < size;
}

} // namespace

struct SchemaCheck::Impl
{
  const KindSchema* schema = nullptr;
  Json instance;
  bool valid = false;
  std::string failure;
  std::vector<RawError> errors;
};

SchemaCheck::SchemaCheck(load::Kind kind, const load::Node& root) : m_impl(std::make_unique<Impl>())
{
  try {
    const KindSchema& schema = store().kind(kind);
    if (!schema.usable) {
      m_impl->failure = std::string("the embedded schema of ") + load::kind_name(kind) + " is not usable";
      return;
    }
    m_impl->schema = &schema;
    m_impl->instance = to_json(root);
    valijson::ValidationResults results;
    m_impl->valid = validator().validate(schema.schema, NlohmannJsonAdapter(m_impl->instance), &results);
    for (const auto& error : results) {
      RawError raw;
      for (const auto& entry : error.context) {
        // "<root>", then "[name]" for a member and "[0]" for an item.
        if (entry.size() >= 2 && entry.front() == '[' && entry.back() == ']') {
          raw.path.push_back(entry.substr(1, entry.size() - 2));
        }
      }
      raw.description = error.description;
      m_impl->errors.push_back(std::move(raw));
    }
    if (!m_impl->valid) {
      std::vector<const Json*> nodes;
      expand(schema.document, schema.document, nodes, 0);
      std::vector<std::string> path;
      check_keys(schema.document, nodes, m_impl->instance, path, m_impl->errors);
    }
  } catch (const std::exception& e) {
    m_impl->valid = false;
    m_impl->failure = e.what();
  }
}

SchemaCheck::~SchemaCheck() = default;

bool SchemaCheck::valid() const { return m_impl->valid; }
const std::string& SchemaCheck::failure() const { return m_impl->failure; }
const std::vector<RawError>& SchemaCheck::errors() const { return m_impl->errors; }

SchemaFacts SchemaCheck::facts(const std::vector<std::string>& path) const
{
  SchemaFacts facts;
  if (!m_impl->schema) {
    return facts;
  }
  try {
    const Json& document = m_impl->schema->document;
    std::vector<const Json*> nodes;
    expand(document, document, nodes, 0);
    const Json* value = &m_impl->instance;
    for (const auto& token : path) {
      std::vector<const Json*> next;
      size_t index = 0;
      if (value->is_object() && value->contains(token)) {
        for (const Json* node : nodes) {
          descend(document, *node, token, next);
        }
        value = &value->at(token);
      } else if (value->is_array() && parse_index(token, value->size(), index)) {
        for (const Json* node : nodes) {
          if (node->contains("items")) {
            expand(document, node->at("items"), next, 0);
          }
        }
        value = &value->at(index);
      } else {
        return facts; // the path left the document: nothing reliable to say
      }
      nodes = std::move(next);
    }
    gather(nodes, *value, facts);
  } catch (const std::exception&) {
    // Facts only improve messages; without them the report stays generic.
  }
  return facts;
}

std::vector<std::string> schema_problems()
{
  return store().problems();
}

} // namespace edgegen::validate
