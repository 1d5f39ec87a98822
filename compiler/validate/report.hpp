#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"
#include "validate/schema_set.hpp"

#include <vector>

namespace edgegen::validate {

// Reports the validator's errors for a document that failed as diagnostics
// E0201–E0206: only the most specific ones (the "a child failed" wrappers
// and the branches of oneOf/anyOf are cascade), in our words, each at the
// place the offending value (for an unknown property, its key) was written.
// Always reports at least one diagnostic.
void report_errors(const load::Document& document, const std::vector<RawError>& errors, diag::Diagnostics& diagnostics);

} // namespace edgegen::validate
