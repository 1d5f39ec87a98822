#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"
#include "patch/patch.hpp"

#include <vector>

namespace edgegen::validate {

// Longest string (value or key) the validator is given (E0115): valijson
// matches patterns with std::regex, which recurses per character and
// overflows the stack on very long strings. Desired state never needs them.
constexpr size_t k_max_string_bytes = 4096;

// Stage entry: checks every document against the schema of its kind.
// Returns, parallel to `documents`, whether each passed.
std::vector<bool> validate(const std::vector<load::Document>& documents, diag::Diagnostics& diagnostics);

// Checks each patched copy as a whole, against the schema of its kind, and
// names the object and environment in each message; keeps the copies that
// pass. A copy of a document that failed as written (`valid[base]` false) is
// dropped unchecked: its errors are reported already.
void validate(std::vector<patch::Patched>& patched, const std::vector<bool>& valid, diag::Diagnostics& diagnostics);

// Frees the parsed schemas and this thread's validator caches (about 1.8 MB),
// so that the model built next reuses their memory; the next validate()
// parses them again. Never while another thread validates.
void release_schemas();

} // namespace edgegen::validate
