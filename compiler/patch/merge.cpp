#include "patch/patch.hpp"

namespace edgegen::patch {

namespace {

// A map member of `map`, added after the others if absent.
load::Node& member(load::Node& map, const std::string& key)
{
  for (size_t i = 0; i < map.keys.size(); ++i) {
    if (map.keys[i] == key) {
      return map.items[i];
    }
  }
  map.keys.push_back(key);
  map.items.emplace_back();
  return map.items.back();
}

bool has(const load::Node& map, const std::string& key)
{
  for (const auto& k : map.keys) {
    if (k == key) {
      return true;
    }
  }
  return false;
}

diag::Position position(const load::Node& node)
{
  return {diag::FileName::interned(node.file), node.line, node.column};
}

// The values before `node`'s, and `node`'s own: where the chain goes on.
std::vector<diag::Position> chain_to(const load::Node& node, const Trace& trace)
{
  diag::Position at = position(node);
  const std::vector<diag::Position>* before = trace.before(at);
  std::vector<diag::Position> chain = before ? *before : std::vector<diag::Position>{};
  chain.push_back(at);
  return chain;
}

void remove(load::Node& map, const std::string& key)
{
  for (size_t i = 0; i < map.keys.size(); ++i) {
    if (map.keys[i] == key) {
      map.keys.erase(map.keys.begin() + static_cast<std::ptrdiff_t>(i));
      map.items.erase(map.items.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

void merge(load::Node& target, const load::Node& patch, Trace* trace, const std::string& pointer, bool existed)
{
  if (trace && existed && (!patch.is_map() || !target.is_map())) {
    trace->overrides.push_back({position(patch), chain_to(target, *trace)});
  }
  if (!patch.is_map()) {
    target = patch; // with the patch's locations, its key's included
    return;
  }
  if (!target.is_map()) {
    // RFC 7386: merged into an empty object, so the patch's nulls go too.
    load::Node empty;
    empty.kind = load::Node::Kind::map;
    empty.file = patch.file;
    empty.line = patch.line;
    empty.column = patch.column;
    empty.key_line = patch.key_line;
    empty.key_column = patch.key_column;
    target = std::move(empty);
  }
  for (size_t i = 0; i < patch.keys.size(); ++i) {
    const load::Node& value = patch.items[i];
    const std::string& key = patch.keys[i];
    std::string inner = trace ? pointer + "/" + diag::pointer_token(key) : std::string();
    if (value.is_null()) {
      if (trace && has(target, key)) {
        trace->removals.push_back({inner, position(value), chain_to(member(target, key), *trace)});
      }
      remove(target, key);
    } else {
      bool present = has(target, key);
      merge(member(target, key), value, trace, inner, present);
    }
  }
}

} // namespace

const std::vector<diag::Position>* Trace::before(const diag::Position& value) const
{
  for (auto it = overrides.rbegin(); it != overrides.rend(); ++it) {
    if (it->value.line == value.line && it->value.column == value.column && it->value.file == value.file) {
      return &it->before;
    }
  }
  return nullptr;
}

void merge_patch(load::Node& target, const load::Node& patch, Trace* trace)
{
  merge(target, patch, trace, std::string(), !target.is_null());
}

} // namespace edgegen::patch
