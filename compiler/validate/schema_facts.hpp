#pragma once

#include "load/node.hpp"
#include "validate/schema_set.hpp"

#include <map>
#include <string>
#include <vector>

namespace edgegen::validate {

// What the schema says about the value at one path, gathered from every
// subschema that applies there unconditionally (through `$ref` and plain
// `allOf` entries). Messages, hints and the cascade filter need it: the
// validator's descriptions name neither the allowed values nor the expected
// type, nor which rule failed.
struct SchemaFacts
{
  std::vector<std::string> types;    // "string", "object", … ; empty: any
  bool type_matches = true;          // the value has one of `types`
  std::vector<std::string> keywords; // constraint keywords present: "pattern", "maxLength", …
  std::vector<std::string> required;
  std::vector<std::string> properties;     // the names a closed mapping knows, sorted
  std::vector<std::string> rejected_keys;  // keys of the value that a closed mapping does not know
  std::string key_message;                 // "propertyNames": what a key must be
  std::vector<std::string> allowed_values; // enum or const, spelled for messages
  std::string pattern;
  std::string pattern_message;                // "patternErrorMessage": "not a valid name (…)"
  std::map<std::string, double> limits;       // "maxLength", "minimum", "minItems", …
  std::vector<std::string> type_alternatives; // a oneOf/anyOf of types only, none of which the value has
  std::vector<std::string> failed_rules;      // "errorMessage" of each `allOf` rule the value breaks
};

// What the schema of `kind` says about the value at `path` inside `root`.
// Never throws; empty facts when the path leaves the document.
SchemaFacts schema_facts(load::Kind kind, const load::Node& root, const std::vector<std::string>& path);

// valijson 1.0 fails a "propertyNames" without saying which key broke it:
// this finds them, one RawError per key ("Invalid property name 'Api'.", at
// the path of its mapping).
std::vector<RawError> property_name_errors(load::Kind kind, const load::Node& root);

} // namespace edgegen::validate
