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

} // namespace

void merge_patch(load::Node& target, const load::Node& patch)
{
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
    if (value.is_null()) {
      remove(target, patch.keys[i]);
    } else {
      merge_patch(member(target, patch.keys[i]), value);
    }
  }
}

} // namespace edgegen::patch
