#include "validate/schema_set.hpp"
#include "validate/validate.hpp"

#include "util/embedded.hpp"
#include "util/strings.hpp"

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <type_traits>

namespace edgegen::validate {

namespace {

using Json = nlohmann::json;
using valijson::adapters::NlohmannJsonAdapter;

constexpr size_t k_kind_count = 6;

Json to_json(const load::Node& node)
{
  switch (node.kind) {
  case load::Node::Kind::null:
    return nullptr;
  case load::Node::Kind::boolean:
    return node.boolean;
  case load::Node::Kind::integer:
    return node.integer;
  case load::Node::Kind::floating:
    return node.floating;
  case load::Node::Kind::string:
    return node.text;
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

// valijson reads a document's tree in place through this adapter, as its
// nlohmann adapter reads a JSON copy of it: the same types (an integer is an
// integer, a floating number a double, strictly), the same members.
namespace node_adapter {

using load::Node;
using namespace valijson::adapters;

class Adapter;
using Member = std::pair<std::string, Adapter>;

const Node& empty_of(Node::Kind kind)
{
  static const Node list = [] {
    Node out;
    out.kind = Node::Kind::list;
    return out;
  }();
  static const Node map = [] {
    Node out;
    out.kind = Node::Kind::map;
    return out;
  }();
  return kind == Node::Kind::list ? list : map;
}

// A map's members are its keys that have an item (the lists are parallel).
size_t members(const Node& node)
{
  return std::min(node.keys.size(), node.items.size());
}

// An item of a list (Value = Adapter) or a member of a map (Value = Member),
// by its index.
template <typename Value> class Iterator
{
public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = Value;
  using difference_type = Value;
  using pointer = Value*;
  using reference = Value&;

  Iterator(const Node* node, size_t index) : m_node(node), m_index(index) {}
  Value operator*() const;
  DerefProxy<Value> operator->() const { return DerefProxy<Value>(**this); }
  bool operator==(const Iterator& other) const { return m_index == other.m_index; }
  bool operator!=(const Iterator& other) const { return m_index != other.m_index; }
  const Iterator& operator++()
  {
    ++m_index;
    return *this;
  }
  Iterator operator++(int)
  {
    Iterator before = *this;
    ++m_index;
    return before;
  }
  const Iterator& operator--()
  {
    --m_index;
    return *this;
  }
  void advance(std::ptrdiff_t n) { m_index += n; }

private:
  const Node* m_node;
  size_t m_index;
};

// A list's items (Value = Adapter) or a map's members (Value = Member).
template <typename Value> class Items
{
public:
  static constexpr bool k_map = std::is_same_v<Value, Member>;
  using const_iterator = Iterator<Value>;
  using iterator = Iterator<Value>;

  explicit Items(const Node& node = empty_of(k_map ? Node::Kind::map : Node::Kind::list)) : m_node(&node) {}
  iterator begin() const { return {m_node, 0}; }
  iterator end() const { return {m_node, size()}; }
  size_t size() const { return k_map ? members(*m_node) : m_node->items.size(); }
  iterator find(const std::string& name) const // a map's
  {
    for (size_t i = 0; i < size(); ++i) {
      if (m_node->keys[i] == name) {
        return {m_node, i};
      }
    }
    return end();
  }

private:
  const Node* m_node;
};
using Array = Items<Adapter>;
using Object = Items<Member>;

class Value
{
public:
  // Default-constructed: an empty object, as nlohmann's adapter's is.
  explicit Value(const Node& node = empty_of(Node::Kind::map)) : m_node(&node) {}

  FrozenValue* freeze() const { return new NlohmannJsonFrozenValue(to_json(*m_node)); }
  opt::optional<Array> getArrayOptional() const
  {
    return isArray() ? opt::make_optional(Array(*m_node)) : opt::optional<Array>();
  }
  opt::optional<Object> getObjectOptional() const
  {
    return isObject() ? opt::make_optional(Object(*m_node)) : opt::optional<Object>();
  }
  bool getArraySize(size_t& result) const { return get(isArray(), m_node->items.size(), result); }
  bool getObjectSize(size_t& result) const { return get(isObject(), members(*m_node), result); }
  bool getBool(bool& result) const { return get(isBool(), m_node->boolean, result); }
  bool getDouble(double& result) const { return get(isDouble(), m_node->floating, result); }
  bool getInteger(int64_t& result) const { return get(isInteger(), m_node->integer, result); }
  bool getString(std::string& result) const { return get(isString(), m_node->text, result); }
  static bool hasStrictTypes() { return true; }
  bool isArray() const { return m_node->kind == Node::Kind::list; }
  bool isBool() const { return m_node->kind == Node::Kind::boolean; }
  bool isDouble() const { return m_node->kind == Node::Kind::floating; }
  bool isInteger() const { return m_node->kind == Node::Kind::integer; }
  bool isNull() const { return m_node->kind == Node::Kind::null; }
  bool isNumber() const { return isInteger() || isDouble(); }
  bool isObject() const { return m_node->kind == Node::Kind::map; }
  bool isString() const { return m_node->kind == Node::Kind::string; }

private:
  template <typename T> static bool get(bool is, const T& value, T& result)
  {
    if (is) {
      result = value;
    }
    return is;
  }
  const Node* m_node;
};

class Adapter : public BasicAdapter<Adapter, Array, Member, Object, Value>
{
public:
  Adapter() = default;
  explicit Adapter(const Node& node) : BasicAdapter(Value(node)) {}
};

template <> Adapter Iterator<Adapter>::operator*() const
{
  return Adapter(m_node->items[m_index]);
}

template <> Member Iterator<Member>::operator*() const
{
  return {m_node->keys[m_index], Adapter(m_node->items[m_index])};
}

} // namespace node_adapter

using NodeAdapter = node_adapter::Adapter;

util::Value to_value(const Json& json)
{
  switch (json.type()) {
  case Json::value_t::boolean:
    return json.get<bool>();
  case Json::value_t::number_integer:
  case Json::value_t::number_unsigned:
    return json.get<int64_t>();
  case Json::value_t::number_float:
    return json.get<double>();
  case Json::value_t::string:
    return json.get<std::string>();
  case Json::value_t::array: {
    util::Value out = util::Value::list();
    for (const Json& item : json) {
      out.push_back(to_value(item));
    }
    return out;
  }
  case Json::value_t::object: {
    util::Value out = util::Value::map();
    for (const auto& item : json.items()) {
      out[item.key()] = to_value(item.value());
    }
    return out;
  }
  default:
    return {};
  }
}

// A schema and the JSON it was parsed from (kept: valijson's schema may refer to it).
struct Parsed
{
  Json source;
  valijson::Schema schema;
};

void parse(Parsed& parsed)
{
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(NlohmannJsonAdapter(parsed.source), parsed.schema);
}

// Each kind's schema is parsed when a document of that kind is first
// validated, and its tree (with the rules parsed alone) when one of them
// first fails: a run that reads three kinds and finds nothing wrong parses
// three schemas and builds no tree. Once built, a part is read-only, so
// threads may share it; std::call_once builds each part exactly once.
class Store
{
public:
  const Parsed* kind(load::Kind kind)
  {
    size_t i = static_cast<size_t>(kind);
    if (i >= k_kind_count) {
      return nullptr;
    }
    std::call_once(m_parts[i].parsed_once, [&] { parse_kind(i); });
    return m_parts[i].usable ? &m_parts[i].parsed : nullptr;
  }
  const util::Value* document(load::Kind kind)
  {
    size_t i = static_cast<size_t>(kind);
    if (!this->kind(kind)) {
      return nullptr;
    }
    Part& part = m_parts[i];
    std::call_once(part.document_once, [&] {
      part.document = to_value(part.parsed.source);
      collect_standalone(part, part.document);
      part.document_ready.store(true, std::memory_order_release);
    });
    return &part.document;
  }
  // Only a node of a document() already built can be asked about, so the
  // parts not ready yet need not be looked at (and must not: another thread
  // may be building them).
  const Parsed* standalone(const util::Value& node) const
  {
    for (const Part& part : m_parts) {
      if (part.document_ready.load(std::memory_order_acquire)) {
        auto it = part.standalone.find(&node);
        if (it != part.standalone.end()) {
          return it->second.get();
        }
      }
    }
    return nullptr;
  }
  std::vector<std::string> problems()
  {
    std::vector<std::string> out;
    for (size_t i = 0; i < k_kind_count; ++i) {
      document(static_cast<load::Kind>(i));
      out.insert(out.end(), m_parts[i].problems.begin(), m_parts[i].problems.end());
    }
    return out;
  }

private:
  struct Part
  {
    std::once_flag parsed_once;
    Parsed parsed;
    bool usable = false;
    std::once_flag document_once;
    util::Value document;
    std::map<const util::Value*, std::unique_ptr<Parsed>> standalone;
    std::atomic<bool> document_ready{false};
    std::vector<std::string> problems;
    std::string path;
  };

  void parse_kind(size_t i)
  {
    Part& part = m_parts[i];
    part.path = "schemas/" + util::to_lower(load::kind_name(static_cast<load::Kind>(i))) + ".json";
    std::string_view content;
    for (const auto& file : util::embedded_files()) {
      content = file.path == part.path ? file.content : content;
    }
    if (content.empty()) {
      part.problems.push_back(part.path + ": not embedded in the binary");
      return;
    }
    try {
      part.parsed.source = Json::parse(content.begin(), content.end());
      parse(part.parsed);
      part.usable = true;
    } catch (const std::exception& e) {
      part.problems.push_back(part.path + ": " + e.what());
    }
  }

  // Rules and propertyNames are also parsed alone, so they must not use $ref.
  void collect_standalone(Part& part, const util::Value& node)
  {
    if (node.is_map()) {
      const auto& members = node.as_map();
      auto all_of = members.find("allOf");
      if (all_of != members.end() && all_of->second.is_list()) {
        for (const auto& entry : all_of->second.as_list()) {
          if (entry.is_map() && entry.as_map().count("errorMessage")) {
            add_standalone(part, entry);
          }
        }
      }
      auto names = members.find("propertyNames");
      if (names != members.end() && names->second.is_map()) {
        add_standalone(part, names->second);
      }
      for (const auto& [key, child] : members) {
        collect_standalone(part, child);
      }
    } else if (node.is_list()) {
      for (const auto& child : node.as_list()) {
        collect_standalone(part, child);
      }
    }
  }

  void add_standalone(Part& part, const util::Value& node);

  std::array<Part, k_kind_count> m_parts;
};

Json to_json(const util::Value& value)
{
  switch (value.kind()) {
  case util::Value::Kind::null:
    return nullptr;
  case util::Value::Kind::boolean:
    return value.as_bool();
  case util::Value::Kind::integer:
    return value.as_int();
  case util::Value::Kind::floating:
    return value.as_double();
  case util::Value::Kind::string:
    return value.as_string();
  case util::Value::Kind::list: {
    Json out = Json::array();
    for (const auto& item : value.as_list()) {
      out.push_back(to_json(item));
    }
    return out;
  }
  case util::Value::Kind::map: {
    Json out = Json::object();
    for (const auto& [key, item] : value.as_map()) {
      out[key] = to_json(item);
    }
    return out;
  }
  }
  return nullptr;
}

void Store::add_standalone(Part& part, const util::Value& node)
{
  auto parsed = std::make_unique<Parsed>();
  parsed->source = to_json(node);
  try {
    parse(*parsed);
    part.standalone.emplace(&node, std::move(parsed));
  } catch (const std::exception& e) {
    part.problems.push_back(part.path + ": " + to_json(node).dump() + ": " + e.what());
  }
}

// Parsed on first use and kept until release_schemas().
std::mutex g_store_mutex;
std::unique_ptr<Store> g_store;

Store& store()
{
  std::lock_guard<std::mutex> lock(g_store_mutex);
  if (!g_store) {
    g_store = std::make_unique<Store>();
  }
  return *g_store;
}

// valijson's Validator caches compiled patterns but is not thread-safe.
valijson::Validator& validator()
{
  thread_local valijson::Validator instance;
  return instance;
}

// Only messages depend on the answer (the document has failed already), so
// a failure of the validator itself counts as "satisfied".
bool satisfies_json(const util::Value& subschema, const Json& value)
{
  const Parsed* parsed = store().standalone(subschema);
  return !parsed || validator().validate(parsed->schema, NlohmannJsonAdapter(value), nullptr);
}

} // namespace

ValidatorRun run_validator(load::Kind kind, const load::Node& root)
{
  ValidatorRun run;
  try {
    const Parsed* parsed = store().kind(kind);
    if (!parsed) {
      run.failure = std::string("the embedded schema of ") + load::kind_name(kind) + " is not usable";
      return run;
    }
    // Most documents are valid: asked for no results, valijson keeps no
    // errors of the branches anyOf, oneOf and if try (nearly a tenth of its
    // allocations) and stops at the first failure; it reads the tree in
    // place. Only a document that fails is validated again, for every error,
    // on a JSON copy: the errors then come in the order report.cpp was
    // written against (members by name, not as written).
    run.valid = validator().validate(parsed->schema, NodeAdapter(root), nullptr);
    if (run.valid) {
      return run;
    }
    Json instance = to_json(root);
    valijson::ValidationResults results;
    run.valid = validator().validate(parsed->schema, NlohmannJsonAdapter(instance), &results);
    for (const auto& error : results) {
      RawError raw;
      for (const auto& entry : error.context) {
        // "<root>", then "[name]" for a member and "[0]" for an item.
        if (entry.size() >= 2 && entry.front() == '[' && entry.back() == ']') {
          raw.path.push_back(entry.substr(1, entry.size() - 2));
        }
      }
      raw.description = error.description;
      run.errors.push_back(std::move(raw));
    }
  } catch (const std::exception& e) {
    run.valid = false;
    run.failure = e.what();
  }
  return run;
}

const util::Value* schema_document(load::Kind kind)
{
  return store().document(kind);
}

bool satisfies(const util::Value& subschema, const load::Node& value)
{
  try {
    return satisfies_json(subschema, to_json(value));
  } catch (const std::exception&) {
    return true;
  }
}

bool satisfies(const util::Value& subschema, const std::string& value)
{
  try {
    return satisfies_json(subschema, Json(value));
  } catch (const std::exception&) {
    return true;
  }
}

std::vector<std::string> schema_problems()
{
  return store().problems();
}

bool detail::valid_in_place(load::Kind kind, const load::Node& root)
{
  const Parsed* parsed = store().kind(kind);
  return parsed && validator().validate(parsed->schema, NodeAdapter(root), nullptr);
}

bool detail::valid_as_json(load::Kind kind, const load::Node& root)
{
  const Parsed* parsed = store().kind(kind);
  return parsed && validator().validate(parsed->schema, NlohmannJsonAdapter(to_json(root)), nullptr);
}

void release_schemas()
{
  validator() = valijson::Validator();
  std::lock_guard<std::mutex> lock(g_store_mutex);
  g_store.reset();
}

} // namespace edgegen::validate
