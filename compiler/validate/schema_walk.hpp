#pragma once

#include "load/node.hpp"
#include "util/value.hpp"

#include <string>
#include <vector>

namespace edgegen::validate {

// Finding which subschemas of a schema (held as a util::Value tree, see
// schema_document()) apply to a value, by following the value's path.
using SchemaNodes = std::vector<const util::Value*>;

// The subschemas that apply to the whole document: the root, the target of
// its $ref and its plain allOf entries, recursively. Rules (allOf entries
// with an "errorMessage") are left out: they are checked whole.
SchemaNodes root_schemas(const util::Value& document);

// The subschemas that apply to member `key` (or item `key`) of `value`,
// given those that apply to `value`.
SchemaNodes descend(const util::Value& document, const SchemaNodes& nodes, const load::Node& value,
                    const std::string& key);

// Whether a schema node names `key` in "properties" or "patternProperties".
bool known_key(const util::Value& node, const std::string& key);

// A member of a schema node, or nullptr.
const util::Value* member(const util::Value& node, const std::string& key);
// The items / members of a schema node, or an empty list / map (references,
// never copies: callers keep pointers into the schema).
const util::Value::List& list_of(const util::Value* value);
const util::Value::Map& map_of(const util::Value* value);
// The string, or "".
std::string text(const util::Value* value);

// Parses a list index token ("0", "12") below `size`.
bool parse_index(const std::string& token, size_t size, size_t& index);

} // namespace edgegen::validate
