#include "model/internal.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::model::detail {

std::string get_string(const Node& map, const std::string& key, const std::string& fallback)
{
  const Node* value = map.find(key);
  return value && !value->is_null() ? scalar_string(*value) : fallback;
}

bool get_bool(const Node& map, const std::string& key, bool fallback)
{
  const Node* value = map.find(key);
  return value && value->kind == Node::Kind::boolean ? value->boolean : fallback;
}

std::vector<std::string> get_strings(const Node& map, const std::string& key)
{
  std::vector<std::string> out;
  if (const Node* list = map.find(key); list && list->is_list()) {
    out.reserve(list->items.size()); // exact: the model keeps it, per environment
    for (const auto& item : list->items) {
      out.push_back(scalar_string(item));
    }
  }
  return out;
}

Ref get_ref(const Node& map, const std::string& key)
{
  const Node* value = map.find(key);
  if (!value || value->is_null()) {
    return {};
  }
  return {scalar_string(*value), value->location(), {}};
}

util::CompactVector<Ref> get_refs(const Node& map, const std::string& key)
{
  util::CompactVector<Ref> out;
  if (const Node* list = map.find(key); list && list->is_list()) {
    out.reserve(list->items.size()); // exact: the model keeps it, per environment
    for (const auto& item : list->items) {
      out.push_back({scalar_string(item), item.location(), {}});
    }
  }
  return out;
}

Location location_of(const Node& map, const std::string& key)
{
  const Node* value = map.find(key);
  return value ? value->location() : map.location();
}

std::string written_lines(std::string_view file, const Node& value)
{
  std::string_view line = value.one_line ? std::string_view() : util::line_of(file, value.line);
  size_t begin = line.data() ? static_cast<size_t>(line.data() - file.data()) + value.column - 1 : file.size() + 1;
  if (value.column < 1 || begin > file.size()) {
    return {};
  }
  // A key in a block mapping: its lines are those deeper than the key. In a
  // flow collection ({rule: ...}), deeper than the line holding it.
  size_t key_indent = 0;
  if (value.key_column > 0) {
    std::string_view key_line = util::line_of(file, value.key_line > 0 ? value.key_line : value.line);
    std::string_view before = key_line.substr(0, std::min(key_line.size(), static_cast<size_t>(value.key_column) - 1));
    bool block = before.find_first_not_of(" -") == std::string_view::npos;
    key_indent = block ? before.size() : before.find_first_not_of(' ');
  }
  size_t end = file.find('\n', begin);
  while (end != std::string_view::npos) {
    size_t next = end + 1;
    size_t text = file.find_first_not_of(' ', next);
    bool blank = text == std::string_view::npos || file[text] == '\n' || file[text] == '\r';
    if (!blank && text - next <= key_indent) {
      break;
    }
    end = file.find('\n', next);
  }
  return std::string(file.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
}

Location key_location_of(const Node& map, const std::string& key)
{
  for (size_t i = 0; i < map.keys.size(); ++i) {
    if (map.keys[i] == key) {
      return map.key_location(i);
    }
  }
  return map.location();
}

StringMap get_string_map(const Node& map, const std::string& key)
{
  StringMap out;
  if (const Node* value = map.find(key); value && value->is_map()) {
    for (size_t i = 0; i < value->keys.size(); ++i) {
      out[value->keys[i]] = scalar_string(value->items[i]);
    }
  }
  return out;
}

void read_metadata(const load::Document& document, StringMap& labels, StringMap& annotations)
{
  if (const Node* metadata = document.root.find("metadata"); metadata && metadata->is_map()) {
    labels = get_string_map(*metadata, "labels");
    annotations = get_string_map(*metadata, "annotations");
  }
  // edgegen.dev/ annotations (edgegen.dev/ignore) speak to edgegen only:
  // nothing rendered carries them.
  for (auto it = annotations.begin(); it != annotations.end();) {
    it = it->first.rfind("edgegen.dev/", 0) == 0 ? annotations.erase(it) : std::next(it);
  }
}

void read_metadata(const load::Document& document, util::Sparse<StringMap>& labels,
                   util::Sparse<StringMap>& annotations)
{
  StringMap read_labels, read_annotations;
  read_metadata(document, read_labels, read_annotations);
  labels = std::move(read_labels);
  annotations = std::move(read_annotations);
}

std::string scalar_string(const Node& node)
{
  switch (node.kind) {
  case Node::Kind::boolean:
    return node.boolean ? "true" : "false";
  case Node::Kind::null:
    return "";
  default:
    return node.text;
  }
}

util::Value to_value(const Node& node)
{
  switch (node.kind) {
  case Node::Kind::null:
    return {};
  case Node::Kind::boolean:
    return util::Value(node.boolean);
  case Node::Kind::integer:
    return util::Value(node.integer);
  case Node::Kind::floating:
    return util::Value(node.floating);
  case Node::Kind::string:
    return util::Value(node.text);
  case Node::Kind::list: {
    util::Value out = util::Value::list();
    for (const auto& item : node.items) {
      out.push_back(to_value(item));
    }
    return out;
  }
  case Node::Kind::map: {
    util::Value out = util::Value::map();
    for (size_t i = 0; i < node.keys.size(); ++i) {
      out[node.keys[i]] = to_value(node.items[i]);
    }
    return out;
  }
  }
  return {};
}

} // namespace edgegen::model::detail
