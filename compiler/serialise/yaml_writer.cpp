#include "serialise/numbers.hpp"
#include "serialise/serialise.hpp"
#include "serialise/yaml_scalar.hpp"

#include <cmath>

namespace edgegen::serialise {
namespace {

using util::Value;

// Kubernetes convention: a document opens with these, in this order. Only at
// the root; everywhere else keys keep the sorted order of util::Value.
const char* const k_root_keys[] = {"apiVersion", "kind", "metadata", "spec"};

bool is_root_key(const std::string& key)
{
  for (const char* root_key : k_root_keys) {
    if (key == root_key) {
      return true;
    }
  }
  return false;
}

bool is_block(const Value& v)
{
  return (v.is_map() && !v.as_map().empty()) || (v.is_list() && !v.as_list().empty());
}

// A plain appending block emitter: yaml-cpp's Emitter measured 12x slower for
// the same bytes.
class YamlWriter
{
public:
  explicit YamlWriter(std::string& out) : m_out(out) {}

  void document(const Value& root)
  {
    if (root.is_map() && !root.as_map().empty()) {
      root_map(root.as_map());
    } else if (root.is_list() && !root.as_list().empty()) {
      list(root.as_list(), 0, false);
    } else {
      scalar(root);
      m_out += '\n';
    }
  }

private:
  std::string& m_out;

  void root_map(const Value::Map& map)
  {
    bool first = true;
    for (const char* key : k_root_keys) {
      auto it = map.find(key);
      if (it != map.end()) {
        entry(it->first, it->second, 0, first);
        first = false;
      }
    }
    for (const auto& [key, value] : map) {
      if (!is_root_key(key)) {
        entry(key, value, 0, first);
        first = false;
      }
    }
  }

  // `inline_first`: the first key continues a "- " line that is already
  // written, so it gets no indentation of its own.
  void map(const Value::Map& map, size_t indent, bool inline_first)
  {
    bool first = true;
    for (const auto& [key, value] : map) {
      entry(key, value, indent, first && inline_first);
      first = false;
    }
  }

  void entry(const std::string& key, const Value& value, size_t indent, bool inline_key)
  {
    if (!inline_key) {
      m_out.append(indent, ' ');
    }
    append_yaml_string(m_out, key);
    m_out += ':';
    if (value.is_map() && !value.as_map().empty()) {
      m_out += '\n';
      map(value.as_map(), indent + 2, false);
    } else if (value.is_list() && !value.as_list().empty()) {
      m_out += '\n';
      list(value.as_list(), indent + 2, false);
    } else {
      m_out += ' ';
      scalar(value);
      m_out += '\n';
    }
  }

  void list(const Value::List& items, size_t indent, bool inline_first)
  {
    bool first = true;
    for (const Value& item : items) {
      if (!(first && inline_first)) {
        m_out.append(indent, ' ');
      }
      first = false;
      m_out += "- ";
      if (item.is_map() && is_block(item)) {
        map(item.as_map(), indent + 2, true);
      } else if (item.is_list() && is_block(item)) {
        list(item.as_list(), indent + 2, true);
      } else {
        scalar(item);
        m_out += '\n';
      }
    }
  }

  // Scalars and the flow forms of empty collections.
  void scalar(const Value& v)
  {
    switch (v.kind()) {
    case Value::Kind::null:
      m_out += "null";
      break;
    case Value::Kind::boolean:
      m_out += v.as_bool() ? "true" : "false";
      break;
    case Value::Kind::integer:
      append_integer(m_out, v.as_int());
      break;
    case Value::Kind::floating:
      floating(v.as_double());
      break;
    case Value::Kind::string:
      append_yaml_string(m_out, v.as_string());
      break;
    case Value::Kind::list:
      m_out += "[]";
      break;
    case Value::Kind::map:
      m_out += "{}";
      break;
    }
  }

  void floating(double d)
  {
    if (std::isnan(d)) {
      m_out += ".nan";
    } else if (std::isinf(d)) {
      m_out += d < 0 ? "-.inf" : ".inf";
    } else {
      append_finite_double(m_out, d);
    }
  }
};

} // namespace

std::string to_yaml(const std::vector<util::Value>& documents)
{
  std::string out;
  YamlWriter writer(out);
  for (size_t i = 0; i < documents.size(); ++i) {
    if (i > 0) {
      out += "---\n";
    }
    writer.document(documents[i]);
  }
  return out;
}

} // namespace edgegen::serialise
