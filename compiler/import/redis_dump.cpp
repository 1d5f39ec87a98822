// `import redis`: a dump of the keys Traefik's redis provider reads, turned
// into the tree a dynamic file would hold (the KV keys are the same
// configuration, flattened: traefik/http/routers/NAME/entryPoints/0), then
// read by the dynamic reader. Each key keeps its own file:line:col.
//
// Two spellings of a dump: kv.json, one JSON object of key and value (what
// edgegen's traefik-redis target renders), or text of alternating key and
// value lines, as `redis-cli --scan --pattern 'traefik/*' | while read -r k;
// do echo "$k"; redis-cli GET "$k"; done` prints.
#include "import/import.hpp"
#include "import/read_common.hpp"
#include "load/load.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::import {

namespace {

struct Key
{
  std::string key;
  std::string value;
  load::Node at; // where the key was written (no children)
};

bool is_index(const std::string& key)
{
  return !key.empty() && key.size() < 10 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Maps whose keys are all indices (entryPoints/0, entryPoints/1) are the
// lists they flatten, in the indices' order.
void make_lists(load::Node& node)
{
  for (auto& item : node.items) {
    make_lists(item);
  }
  if (!node.is_map() || node.keys.empty() || !std::all_of(node.keys.begin(), node.keys.end(), is_index)) {
    return;
  }
  std::vector<size_t> order(node.keys.size());
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return std::stoi(node.keys[a]) < std::stoi(node.keys[b]); });
  load::Node::List items;
  items.reserve(order.size());
  for (size_t i : order) {
    items.push_back(std::move(node.items[i]));
  }
  node.kind = load::Node::Kind::list;
  node.keys.clear();
  node.items = std::move(items);
}

std::vector<Key> keys_of_json(const load::Node& root, diag::Diagnostics& diagnostics)
{
  std::vector<Key> keys;
  for (size_t i = 0; i < root.keys.size(); ++i) {
    const load::Node& value = root.items[i];
    if (value.is_map() || value.is_list()) {
      diagnostics.error("E0432", value.location(),
                        "the value of key \"" + root.keys[i] + "\" is not a string: a Traefik key holds one value",
                        "kv.json maps each key to its value, as edgegen's traefik-redis target renders it");
      continue;
    }
    Key key{root.keys[i], value.text, {}};
    key.at.file = value.file;
    key.at.line = value.key_line;
    key.at.column = value.key_column;
    keys.push_back(std::move(key));
  }
  return keys;
}

std::vector<Key> keys_of_text(const Input& input, diag::Diagnostics& diagnostics)
{
  std::vector<Key> keys;
  std::vector<std::string> lines = util::split(input.bytes, '\n');
  while (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  const std::string* file = &diag::FileName(input.name).str();
  for (size_t i = 0; i < lines.size(); i += 2) {
    Key key;
    key.key = lines[i];
    key.at.file = file;
    key.at.line = static_cast<int>(i) + 1;
    key.at.column = 1;
    if (i + 1 == lines.size()) {
      diagnostics.error("E0432", key.at.location(), "key \"" + key.key + "\" has no value line after it",
                        "a dump is alternating key and value lines, as `redis-cli --scan --pattern 'traefik/*' | "
                        "while read -r k; do echo \"$k\"; redis-cli GET \"$k\"; done` prints them");
      break;
    }
    key.value = lines[i + 1];
    keys.push_back(std::move(key));
  }
  return keys;
}

} // namespace

void read_redis_dump(const Input& input, const std::vector<load::Node>& documents, TraefikConfig& config,
                     std::deque<load::Node>& trees, std::string& root_key, diag::Diagnostics& diagnostics)
{
  size_t first = input.bytes.find_first_not_of(" \t\r\n");
  bool json = first != std::string::npos && input.bytes[first] == '{';
  std::vector<Key> keys;
  if (json) {
    if (documents.size() != 1 || !documents.front().is_map()) {
      return; // a syntax error, reported by the reader
    }
    keys = keys_of_json(documents.front(), diagnostics);
  } else {
    keys = keys_of_text(input, diagnostics);
  }
  trees.emplace_back();
  load::Node& tree = trees.back();
  tree.file = &diag::FileName(input.name).str();
  tree.line = 1;
  tree.column = 1;
  for (const auto& key : keys) {
    std::vector<std::string> path = util::split(key.key, '/');
    if (root_key.empty() && path.size() > 2) {
      root_key = path.front();
    }
    static const std::vector<std::string> sections = {"http", "tcp", "udp", "tls"};
    if (path.size() < 3 || path.front() != root_key ||
        std::find(sections.begin(), sections.end(), path[1]) == sections.end() ||
        std::any_of(path.begin(), path.end(), [](const std::string& p) { return p.empty(); })) {
      diagnostics.error("E0432", key.at.location(),
                        "\"" + key.key + "\" is not a Traefik key" +
                            (root_key.empty() ? "" : " under the root key \"" + root_key + "\""),
                        "Traefik's keys are ROOT/http/..., ROOT/tcp/..., ROOT/udp/... and ROOT/tls/...; dump "
                        "only those (`redis-cli --scan --pattern '" +
                            (root_key.empty() ? std::string("traefik") : root_key) + "/*'`)");
      continue;
    }
    load::Node* node = &tree;
    for (size_t i = 1; i < path.size(); ++i) {
      // A middleware's type: Traefik's KV keys are read case-insensitively.
      bool type = i == 4 && path[1] == "http" && path[2] == "middlewares";
      node = &child(*node, type ? middleware_type(path[i]) : path[i], key.at);
    }
    if (!node->is_map()) { // a key below it (tls/certResolver beside tls) says more
      set_scalar(*node, key.value);
    }
  }
  make_lists(tree);
  if (tree.is_map()) {
    read_dynamic(tree, config, diagnostics);
  }
}

} // namespace edgegen::import
