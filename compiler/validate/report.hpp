#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"
#include "validate/schema_check.hpp"

#include <string>

namespace edgegen::validate {

// Reports the errors of a failed check as diagnostics E0201–E0206: only the
// most specific ones (the validator's "a child failed" wrappers and the
// branches of oneOf/anyOf are cascade), in our words, each at the place the
// offending value (or, for an unknown property, its key) was written.
void report_errors(const load::Document& document, const SchemaCheck& check, diag::Diagnostics& diagnostics);

// A JSON pointer as messages show it: "/spec/routes/0", or "document" for "".
std::string show_pointer(const std::string& pointer);

// A value as messages show it: "abc" quoted (shortened when long), 42, true,
// null, a list, a mapping.
std::string show_value(const load::Node& node);

} // namespace edgegen::validate
