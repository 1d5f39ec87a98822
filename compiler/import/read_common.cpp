#include "import/read_common.hpp"

#include "import/traefik_config.hpp"
#include "load/load.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::import {

std::string text_of(const load::Node* node)
{
  if (!node || node->is_list() || node->is_map() || node->is_null()) {
    return {};
  }
  return node->text;
}

const load::Node* find_path(const load::Node& node, std::initializer_list<const char*> keys)
{
  const load::Node* at = &node;
  for (const char* key : keys) {
    at = at->is_map() ? at->find(key) : nullptr;
    if (!at) {
      return nullptr;
    }
  }
  return at;
}

void not_carried(const load::Node& map, size_t index, const std::string& path, diag::Diagnostics& diagnostics)
{
  std::string name = path.empty() ? map.keys[index].str() : path + "." + map.keys[index];
  diagnostics.warning("W0615", map.key_location(index),
                      name + " is not carried over: edgegen's desired state has no such setting",
                      "set it where edgegen's output is deployed, or leave it out if the default serves");
}

load::Node& child(load::Node& node, const std::string& key, const load::Node& at)
{
  if (node.kind != load::Node::Kind::map) {
    node.kind = load::Node::Kind::map;
    node.file = at.file;
    node.line = at.line;
    node.column = at.column;
  }
  for (size_t i = 0; i < node.keys.size(); ++i) {
    if (node.keys[i] == key) {
      return node.items[i];
    }
  }
  node.keys.push_back(key);
  node.items.emplace_back();
  load::Node& added = node.items.back();
  added.file = at.file;
  added.line = added.key_line = at.line;
  added.column = added.key_column = at.column;
  return added;
}

void set_scalar(load::Node& node, const std::string& text)
{
  load::resolve_plain_scalar(text, node);
  bool plain = node.kind == load::Node::Kind::integer || node.kind == load::Node::Kind::boolean;
  if (!plain) {
    node.kind = load::Node::Kind::string;
  }
  node.text = text;
}

std::string middleware_type(const std::string& written)
{
  for (const auto& type : middleware_types()) {
    if (util::to_lower(type) == util::to_lower(written)) {
      return type;
    }
  }
  return written;
}

util::Value to_value(const load::Node& node)
{
  switch (node.kind) {
  case load::Node::Kind::null:
    return {};
  case load::Node::Kind::boolean:
    return util::Value(node.boolean);
  case load::Node::Kind::integer:
    return util::Value(node.integer);
  case load::Node::Kind::floating:
    return util::Value(node.floating);
  case load::Node::Kind::string:
    return util::Value(node.text);
  case load::Node::Kind::list: {
    util::Value out = util::Value::list();
    for (const auto& item : node.items) {
      out.push_back(to_value(item));
    }
    return out;
  }
  case load::Node::Kind::map: {
    util::Value out = util::Value::map();
    for (size_t i = 0; i < node.keys.size(); ++i) {
      out[node.keys[i]] = to_value(node.items[i]);
    }
    return out;
  }
  }
  return {};
}

} // namespace edgegen::import

namespace edgegen::import {

std::vector<std::string> effective_entry_points(const Router& router, const TraefikConfig& config)
{
  std::vector<std::string> out;
  if (router.entry_points.empty()) {
    for (const auto& [name, entry] : config.entry_points) {
      out.push_back(name);
    }
  } else {
    out = router.entry_points;
  }
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const std::string& name) {
                             auto it = config.entry_points.find(name);
                             return it != config.entry_points.end() && !it->second.redirect_to.empty();
                           }),
            out.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool effective_tls(const Router& router, const TraefikConfig& config)
{
  if (router.tls) {
    return true;
  }
  for (const auto& name : effective_entry_points(router, config)) {
    auto it = config.entry_points.find(name);
    if (it != config.entry_points.end() && it->second.tls) {
      return true;
    }
  }
  return false;
}

std::string effective_resolver(const Router& router, const TraefikConfig& config)
{
  if (!router.cert_resolver.empty()) {
    return router.cert_resolver;
  }
  for (const auto& name : effective_entry_points(router, config)) {
    auto it = config.entry_points.find(name);
    if (it != config.entry_points.end() && !it->second.cert_resolver.empty()) {
      return it->second.cert_resolver;
    }
  }
  return {};
}

} // namespace edgegen::import
