#pragma once

#include "load/node.hpp"
#include "util/value.hpp"

#include <string>
#include <vector>

namespace edgegen::validate {

// One error as the JSON Schema validator words it: the path of the offending
// value (member names and list indexes; empty for the document) and the
// validator's own description, which report.cpp turns into our words.
struct RawError
{
  std::vector<std::string> path;
  std::string description;
};

struct ValidatorRun
{
  bool valid = false;
  std::string failure;          // why the document could not be checked at all; empty normally
  std::vector<RawError> errors; // every error, cascade included, in the validator's order
};

// The embedded schemas (schemas/<kind>.json), each parsed once, when a
// document of its kind is first validated; its tree (schema_document) when
// one first fails. valijson and nlohmann stay inside schema_set.cpp: this is
// all the rest of validate/ sees of them.

// Validates `root` against the schema of `kind`. Never throws.
ValidatorRun run_validator(load::Kind kind, const load::Node& root);

// The schema of `kind` as a tree, to look up what applies at a path; nullptr
// if the schema is unusable (see schema_problems()).
const util::Value* schema_document(load::Kind kind);

// Whether `value` satisfies `subschema`, a node of a schema_document() that
// is parsed on its own as well: a rule (an "allOf" entry with an
// "errorMessage") or a "propertyNames". True for any other node. Never throws.
bool satisfies(const util::Value& subschema, const load::Node& value);
bool satisfies(const util::Value& subschema, const std::string& value);

// Problems with the embedded schemas themselves (missing, not JSON, not a
// schema valijson can parse); empty when all is well. A unit test keeps it so.
std::vector<std::string> schema_problems();

namespace detail {

// The validator's verdict on `root` read in place (as run_validator first
// asks it) and on a JSON copy of it (as run_validator asks it again, for
// every error, when a document fails): the two must always agree. For tests.
bool valid_in_place(load::Kind kind, const load::Node& root);
bool valid_as_json(load::Kind kind, const load::Node& root);

} // namespace detail

} // namespace edgegen::validate
