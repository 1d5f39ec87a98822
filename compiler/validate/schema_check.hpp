#pragma once

#include "load/node.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace edgegen::validate {

// One error as the JSON Schema validator words it: the path of the offending
// value (property names and list indexes; empty for the document) and the
// validator's own description, which report.cpp turns into our words.
struct RawError
{
  std::vector<std::string> path;
  std::string description;
};

// What the schema says about the value at one path, gathered from every
// subschema that applies there unconditionally (through `$ref` and `allOf`).
// Messages, hints and the cascade filter need it: the validator's own
// descriptions name neither the allowed values nor the expected type.
struct SchemaFacts
{
  std::vector<std::string> types;    // "string", "object", … ; empty: any
  bool type_matches = true;          // the value has one of `types`
  std::vector<std::string> keywords; // constraint keywords present: "pattern", "maxLength", …
  std::vector<std::string> required;
  std::vector<std::string> properties;    // the names a closed mapping knows, sorted
  std::vector<std::string> rejected_keys; // keys of the value that no closed mapping accepts
  std::string key_message;                // "propertyNames": what a key must be
  std::vector<std::string> allowed_values; // enum or const, spelled for messages
  std::string pattern;
  std::string pattern_message; // "patternErrorMessage": "not a valid name (…)"
  std::map<std::string, double> limits; // "maxLength", "minimum", "minItems", …
  std::vector<std::string> type_alternatives; // types of a oneOf/anyOf made only of types
  std::vector<std::string> failed_rules;      // "errorMessage" of each `allOf` rule the value breaks
};

// One document checked against the schema of its kind (schemas/<kind>.json,
// embedded in the binary and parsed once). valijson and nlohmann stay inside
// schema_check.cpp; this is all the rest of validate/ sees of them.
class SchemaCheck
{
public:
  // Never throws: a failure of the validator itself is kept in failure().
  SchemaCheck(load::Kind kind, const load::Node& root);
  ~SchemaCheck();
  SchemaCheck(const SchemaCheck&) = delete;
  SchemaCheck& operator=(const SchemaCheck&) = delete;

  bool valid() const;
  // Why the document could not be checked at all (empty normally).
  const std::string& failure() const;
  // Every error, cascade included, in the validator's order.
  const std::vector<RawError>& errors() const;
  // What the schema says about the value at `path`. Never throws.
  SchemaFacts facts(const std::vector<std::string>& path) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Problems with the embedded schemas themselves (a file that is missing or
// does not parse, a rule that cannot be checked on its own); empty when all
// is well. A unit test keeps it empty.
std::vector<std::string> schema_problems();

} // namespace edgegen::validate
